import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { PROJECT_ROOT } from '../../../src/config.ts';
import type { Clock } from '../../../src/core/clock.ts';
import type { CommandDefinition } from '../../../src/core/command.ts';
import { converse, type ConversationMessage } from '../../../src/core/conversation/converse.ts';
import { contextFor, type DispatchResult } from '../../../src/core/dispatch.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import type { QuotePart, Reply } from '../../../src/core/reply.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';

const chat = commands.filter((c) => c.surfaces.includes('chat'));
const ITV = '000_027e3a3643333b23';
const ETT = '003_2e2cbdb3f6984a59';

let dir: string;
let seeded: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-converse-'));
  seeded = join(dir, 'seeds.db');
  const store = openSqliteStore(seeded);
  await ingestPaths([resolve(PROJECT_ROOT, 'seeds')], { store, clock: { now: () => new Date() }, log: silentLogger });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bot process on its own copy of the seeded database, with a clock the test moves. */
function bot(file: string, start = '2026-03-05T09:00:00.000Z') {
  let now = new Date(start);
  const clock: Clock = { now: () => now };
  let store: Store = openSqliteStore(file);
  const context = () =>
    contextFor({ store, clock, log: silentLogger }, { platform: 'console', user: null, channel: null, workspace: null, canManageChannel: true });
  return {
    say: (text: string, key: string | null = 'console:test', idleMinutes = 30): Promise<DispatchResult> =>
      converse({ kind: 'text', text }, key, chat, context(), { idleMinutes }),
    send: (message: ConversationMessage, key = 'console:test') => converse(message, key, chat, context()),
    wait: (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    restart: async () => {
      await store.close();
      store = openSqliteStore(file);
    },
    store: () => store,
    close: () => store.close(),
  };
}

function copy(name: string): string {
  const file = join(dir, `${name}.db`);
  cpSync(seeded, file);
  return file;
}

const articles = (reply: Reply) => [...new Set(reply.citations.map((c) => c.article))];
/** Each cited sentence, by article and text. */
const keys = (c: Reply['citations'][number]) => (c.texts ?? [c.text]).map((text) => `${c.article}#${text}`);
const quotes = (reply: Reply) => reply.parts.filter((p): p is QuotePart => p.kind === 'quote');

describe('a conversation on the seeds', () => {
  it('answers six follow-ups from the right person and article', async () => {
    const b = bot(copy('six'));
    const first = await b.say('What did Gavin Williamson say about Huawei?');
    expect(quotes(first.reply).every((q) => q.speaker === 'Gavin Williamson')).toBe(true);

    const why = await b.say('why?');
    expect(why.command).toBe('ask');
    expect(why.reply.notice).toMatch(/^Why\? — following on from “What did Gavin Williamson say about Huawei\?”/);
    expect(why.reply.parts.length).toBeGreaterThan(0);
    // The reason stands near what the first answer cited: in its articles, and about him.
    expect((why.reply.parts[0] as { text: string }).text).toMatch(/Williamson.*because of security concerns/);
    expect(why.reply.citations.every((c) => articles(first.reply).includes(c.article))).toBe(true);
    const shownFirst = new Set(first.reply.citations.flatMap(keys));
    expect(why.reply.citations.flatMap(keys).some((key) => shownFirst.has(key))).toBe(false);

    const next = await b.say('what did he say next?');
    expect(quotes(next.reply)).toHaveLength(1);
    expect(quotes(next.reply)[0]).toMatchObject({ speaker: 'Gavin Williamson' });
    expect(quotes(next.reply)[0]!.text).toMatch(/^We’ve got to look at what partners such as Australia/);
    expect(articles(next.reply)).toEqual([ITV]);

    const australia = await b.say('and what did he say about Australia?');
    expect(australia.reply.notice).toMatch(/^Reading “he” as Gavin Williamson\./);
    expect(quotes(australia.reply)[0]).toMatchObject({ speaker: 'Gavin Williamson' });
    expect(quotes(australia.reply)[0]!.text).toContain('Australia');

    const source = await b.say('source 1?');
    expect(source.command).toBe('source');
    expect(source.reply.title).toBe('Source 1');
    expect(source.reply.citations[0]).toMatchObject({ article: australia.reply.citations[0]!.article, text: australia.reply.citations[0]!.text });

    const may = await b.say('What did Theresa May say about Huawei?');
    expect(may.reply.citations[0]?.text).toContain('Theresa May');
    const she = await b.say('who is she?');
    expect(she.command).toBe('who');
    expect(she.reply.title).toBe('Theresa May (person)');
    b.close();
  });

  it('narrows "and in 2014?" to what was reported then', async () => {
    const b = bot(copy('period'));
    await b.say('Which countries have banned Huawei?');
    const then = await b.say('and in 2014?');
    expect(then.reply.notice).toMatch(/^In 2014 — following on from/);
    expect(then.reply.citations.length).toBeGreaterThan(0);
    expect(then.reply.citations.every((c) => c.published?.startsWith('2014') || /\b2014\b/.test(c.text))).toBe(true);
    b.close();
  });

  it('gives more on the same question with "more", and says when there is no more', async () => {
    const b = bot(copy('more'));
    const first = await b.say('What did Jens Stoltenberg say?');
    const seen = new Set(first.reply.citations.flatMap(keys));
    let more = await b.say('more');
    for (let i = 0; i < 5 && more.reply.parts.length > 0; i++) {
      for (const key of more.reply.citations.flatMap(keys)) expect(seen.has(key)).toBe(false);
      for (const key of more.reply.citations.flatMap(keys)) seen.add(key);
      more = await b.say('more');
    }
    expect(more.reply.notice).toBe('That is all I found on “What did Jens Stoltenberg say?”.');
    b.close();
  });

  it('leaves a question that stands alone untouched by the conversation', async () => {
    const b = bot(copy('alone'));
    const fresh = bot(copy('fresh'));
    await b.say('What did Gavin Williamson say about Huawei?');
    await b.say('why?');
    for (const question of ['Who founded Huawei?', 'How much did Huawei add to UK GDP?', 'What did NATO’s Jens Stoltenberg say?']) {
      const inConversation = await b.say(question);
      const alone = await fresh.say(question, null);
      expect(inConversation.reply).toEqual(alone.reply);
    }
    b.close();
    fresh.close();
  });

  it('carries on after a restart, from the store, and in another process', async () => {
    const file = copy('restart');
    const b = bot(file);
    await b.say('What did Liang Hua say?');
    await b.restart();
    const who = await b.say('who is he?');
    expect(who.reply.title).toBe('Liang Hua (person)');
    // Everything he said was shown: the conversation remembers it, so nothing is repeated.
    const next = await b.say('what did he say next?');
    expect(next.reply.notice).toBe('That was the last quotation of Liang Hua in the indexed coverage.');
    const another = bot(file, '2026-03-05T09:01:00.000Z');
    const why = await another.say('why?');
    expect(why.reply.notice).toBe('Why? — following on from “Liang Hua”');
    expect(articles(why.reply)).toEqual([ETT]);
    b.close();
    another.close();
  });

  it('keeps each conversation apart', async () => {
    const b = bot(copy('apart'));
    await b.say('What did Liang Hua say?', 'slack:T1:C1:1.0');
    const elsewhere = await b.say('why?', 'slack:T1:C1:2.0');
    expect(elsewhere).toMatchObject({ outcome: 'user-error', code: 'no-earlier-question' });
    b.close();
  });
});

describe('a conversation that cannot carry a follow-up', () => {
  it('answers one with no earlier question politely, and remembers nothing', async () => {
    const b = bot(copy('none'));
    for (const text of ['why?', 'more', 'source 2?', 'what did he say next?']) {
      const result = await b.say(text);
      expect(result.outcome).toBe('user-error');
      expect(result.reply.notice).toBe(`There is no earlier question here for “${text}” to follow on from: please ask the whole question.`);
      expect(result.reply.ephemeral).toBe(true);
    }
    expect(await b.store().conversations.conversation('console:test')).toBeNull();
    b.close();
  });

  it('says the conversation expired after it was idle too long, then starts a new one', async () => {
    const b = bot(copy('expired'));
    await b.say('What did Liang Hua say?');
    b.wait(31);
    const late = await b.say('why?');
    expect(late).toMatchObject({ outcome: 'user-error', code: 'conversation-expired' });
    expect(late.reply.notice).toContain('idle for more than 30 minutes');
    await b.say('What did Jens Stoltenberg say?');
    const why = await b.say('why?');
    expect(why.reply.notice).toMatch(/following on from “What did Jens Stoltenberg say\?”/);
    b.close();
  });

  it('expires after the idle time it is given', async () => {
    const b = bot(copy('idle'));
    await b.say('What did Liang Hua say?', 'console:test', 5);
    b.wait(6);
    expect((await b.say('why?', 'console:test', 5)).code).toBe('conversation-expired');
    b.close();
  });

  it('reads a pronoun in a command’s free text, and a slash command’s question', async () => {
    const b = bot(copy('commands'));
    await b.say('What did Jens Stoltenberg say?');
    const quote = await b.say('quote him');
    expect(quote.reply.notice).toMatch(/^Reading “him” as Jens Stoltenberg\./);
    expect(quotes(quote.reply).every((q) => q.speaker === 'Jens Stoltenberg')).toBe(true);
    const ask = chat.find((c) => c.name === 'ask') as CommandDefinition;
    const why = await b.send({ kind: 'command', command: ask, options: { question: 'why?' } });
    expect(why.reply.notice).toMatch(/^Why\? — following on from/);
    b.close();
  });

  it('answers on its own when the store cannot read the conversation, and logs why once', async () => {
    const store = openSqliteStore(copy('broken'));
    const broken = new Proxy(store, {
      get(target, property) {
        if (property !== 'conversations') return target[property as keyof Store];
        return { ...target.conversations, conversation: async () => Promise.reject(new Error('disk I/O error')) };
      },
    });
    const errors: string[] = [];
    const log = { ...silentLogger, error: (_fields: object, message?: string) => void errors.push(message ?? ''), child: () => log };
    const context = contextFor(
      { store: broken, clock: { now: () => new Date() }, log },
      { platform: 'console', user: null, channel: null, workspace: null, canManageChannel: true },
    );
    const result = await converse({ kind: 'text', text: 'Who founded Huawei?' }, 'console:test', chat, context);
    expect(result.outcome).toBe('ok');
    expect(result.reply.citations.length).toBeGreaterThan(0);
    expect(errors).toEqual(['reading the conversation failed; answering the message on its own']);
    await store.close();
  });

  it('is a plain dispatch without a key', async () => {
    const b = bot(copy('nokey'));
    const result = await b.say('why?', null);
    expect(result.reply.notice).toMatch(/^I could not find anything to look for in that question/);
    b.close();
  });
});
