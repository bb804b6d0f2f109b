/**
 * The Discord adapter end to end: the real discord.js client against the fake Discord on
 * 127.0.0.1, with the seed corpus indexed. What the contract suite does not say: the order
 * of Discord's calls (defer before work), the embed layout, Discord's limits, mentions made
 * inert, autocomplete, retries of 429 and 5xx, posting digests, and bad input.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import { ChannelGoneError } from '../../src/core/adapter.ts';
import { systemClock } from '../../src/core/clock.ts';
import type { CommandContext, CommandDefinition } from '../../src/core/command.ts';
import type { DigestService } from '../../src/core/ports/digests.ts';
import type { ProseWriter } from '../../src/core/ports/writer.ts';
import type { Reply } from '../../src/core/reply.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { FakeDiscord, type FakeMessage, type JsonObject } from '../fakes/discord/index.ts';
import { WORLD } from '../fakes/discord/client-harness.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { postNonce } from '../../src/adapters/discord/channel-poster.ts';
import { renderDiscord } from '../../src/render/discord-embeds.ts';
import { ALICE, BOB, CAROL, TOKEN, messageStrings, newestButton, recordingLogger, startDiscord, visibleText, type DiscordRig } from './discord-harness.ts';

const HOSTILE = `Hostile article for the Discord tests

@everyone the harbour is closed, says @here and <@&123456789012345678> and <@400000000000000002>.

**Bold** claims, \`code\`, a [link](http://evil.example), # not a heading and ~~strike~~ are just text in this article about the harbour.
`;

/** The deferred reply that `editReply` changes. */
const ORIGINAL = '/webhooks/:app/:token/messages/@original';
const BOT_ID = '500000000000000001';
const SECRET_CHANNEL = '600000000000000001';

const citation = (n: number) => ({
  n,
  article: 'hostile',
  outlet: `Outlet ${n}`,
  title: `Title ${n}`,
  published: `2024-01-0${(n % 9) + 1}`,
  url: `https://example.com/${n}`,
  text: 'x',
});

/** Every context a probe command was run with. */
const seen: { context?: CommandContext; callbacksAtStart?: number } = {};
let currentInteraction: string | undefined;
let rig: DiscordRig;

const custom: CommandDefinition[] = [
  {
    name: 'boom',
    description: 'Always fails',
    options: [],
    examples: ['boom'],
    surfaces: ['chat'],
    run: () => Promise.reject(new Error('the composer exploded')),
  },
  {
    name: 'long',
    description: 'A very long reply',
    options: [],
    examples: ['long'],
    surfaces: ['chat'],
    run: async (): Promise<Reply> => ({
      parts: Array.from({ length: 60 }, (_, i) => ({
        kind: 'text' as const,
        text: `Point ${i + 1}: ${'the harbour sale '.repeat(30)}end of point ${i + 1}.`,
        cites: [1],
      })),
      citations: Array.from({ length: 40 }, (_, i) => citation(i + 1)),
    }),
  },
  {
    name: 'probe',
    description: 'Records what it was given',
    options: [],
    examples: ['probe'],
    surfaces: ['chat'],
    run: async (_options, context): Promise<Reply> => {
      seen.context = context;
      // What Discord had been told when the work began: the defer must come first.
      seen.callbacksAtStart = currentInteraction ? rig.fake.interaction(currentInteraction).callbacks.filter((c) => c.status < 300).length : -1;
      context.progress?.({ parts: [{ kind: 'text', text: 'Working on it', cites: [] }], citations: [] });
      return { parts: [{ kind: 'text', text: 'Probed.', cites: [] }], citations: [] };
    },
  },
];

const writer = { name: 'test writer' } as unknown as ProseWriter;
const digests = { name: 'test digests' } as unknown as DigestService;

describe('the Discord adapter (end to end)', () => {
  let dir: string;
  let store: Store;
  const log = recordingLogger();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-discord-'));
    writeFileSync(join(dir, 'hostile.txt'), HOSTILE);
    store = openSqliteStore(':memory:');
    const services = { store, clock: systemClock, log: log.logger };
    await ingestPaths([resolve(PROJECT_ROOT, 'seeds')], services);
    await ingestPaths([dir], services);
    rig = await startDiscord({
      commands: [...registry, ...custom],
      services: { store, clock: systemClock },
      log,
      fake: {
        applicationId: BOT_ID,
        guilds: [
          {
            name: 'Newsroom',
            roles: [{ name: 'Editors', permissions: ['ManageChannels'] }],
            channels: [
              { name: 'general' },
              { name: 'desk' },
              { id: SECRET_CHANNEL, name: 'secret', overwrites: [{ id: BOT_ID, kind: 'member', deny: ['ViewChannel'] }] },
            ],
            members: [{ userId: ALICE, roles: ['Editors'] }, { userId: BOB }],
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await rig?.stop();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every request that carried a message body to Discord, as sent. */
  const messageBodies = (): JsonObject[] =>
    rig.fake.requests
      .filter((r) => r.method !== 'GET' && (/\/messages|\/webhooks\//.test(r.path) || /\/callback$/.test(r.path)))
      .map((r) => (r.body ?? {}) as JsonObject)
      .map((body) => (body.data as JsonObject | undefined) ?? body)
      .filter((body) => 'content' in body || 'embeds' in body);

  describe('slash commands', () => {
    it('defers before any work, then edits the deferred reply with the answer', async () => {
      const sent = rig.fake.sendInteraction({ name: 'probe', userId: ALICE, channelId: rig.channelId });
      currentInteraction = sent.id;
      await rig.log.waitForLine((l) => l.msg === 'answered' && l.command === 'probe');
      currentInteraction = undefined;

      expect(seen.callbacksAtStart).toBe(1);
      const record = rig.fake.interaction(sent.id);
      expect(record.callbacks[0]).toMatchObject({ type: 5, status: 204 });
      expect(record.ackDelayMs).toBeLessThan(3_000);
      const edits = rig.fake.requestsTo('PATCH', `/webhooks/:app/${sent.token}/messages/@original`);
      expect(edits.length).toBeGreaterThan(0);
      const callback = rig.fake.requestsTo('POST', `/interactions/${sent.id}/:token/callback`)[0]!;
      expect(edits.every((edit) => edit.seq > callback.seq)).toBe(true);
      expect(visibleText(rig.fake.message(record.originalMessageId!)!)).toContain('Probed.');
    });

    it('answers ask with the answer in the description, sources as linked fields and dates in the footer', async () => {
      const [message, ...rest] = await rig.slash('ask', { question: 'Who founded the company?' });
      expect(rest).toHaveLength(0);
      const embed = message!.embeds[0] as { description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } };
      expect(embed.description).toMatch(/\[1\]/);
      expect(embed.fields?.length).toBeGreaterThan(0);
      // A source with a link is linked; one the seeds know no link for names its outlet.
      for (const field of embed.fields ?? []) {
        expect(field.name).toMatch(/^\[\d+\] /);
        expect(field.value).toMatch(/^(?:\[[^\]]+\]\(https?:\/\/[^)]+\)|[^[\]()]+(?:\([^)]*\))?[^[\]()]*) · /);
      }
      expect((embed.fields ?? []).some((field) => /^\[[^\]]+\]\(https?:\/\//.test(field.value))).toBe(true);
      expect(embed.footer?.text).toMatch(/\d{4}/);
    });

    it('splits a long reply into several messages within 2,000 / 4,096 / 25 fields / 6,000, three at a time behind More', async () => {
      const messages = [...(await rig.slash('long'))];
      expect(messages.length).toBeGreaterThan(1);
      expect(messages.length).toBeLessThanOrEqual(3);
      for (let button = newestButton(rig.fake.messagesIn(rig.channelId), /^More/); button; button = newestButton(rig.fake.messagesIn(rig.channelId), /^More/)) {
        const page = await rig.exchangeButton(() => rig.fake.clickButton({ ...button!, userId: ALICE }));
        expect(page.length).toBeLessThanOrEqual(3);
        messages.push(...page);
      }
      const text = messages.map(visibleText).join('\n');
      for (let n = 1; n <= 60; n++) expect(text).toContain(`end of point ${n}.`);
      for (let n = 1; n <= 40; n++) expect(text).toContain(`Outlet ${n}`);
      for (const message of messages) {
        expect(message.content.length).toBeLessThanOrEqual(2_000);
        const embeds = message.embeds as { description?: string; fields?: unknown[] }[];
        expect(embeds.length).toBeLessThanOrEqual(10);
        for (const embed of embeds) {
          expect((embed.description ?? '').length).toBeLessThanOrEqual(4_096);
          expect((embed.fields ?? []).length).toBeLessThanOrEqual(25);
        }
        expect(messageStrings({ content: '', embeds: message.embeds }).join('').length).toBeLessThanOrEqual(6_000);
      }
    });

    it('posts article text inert: @everyone, @here, role and user mentions ping nobody and stay readable', async () => {
      const messages = await rig.slash('brief', { article: 'hostile' });
      const raw = messages.flatMap(messageStrings).join('\n');
      expect(raw).not.toMatch(/@(everyone|here)\b/);
      expect(raw).not.toMatch(/<@[&!]?\d/);
      expect(raw).not.toMatch(/(?<!\\)\*\*Bold\*\*/);
      for (const message of messages) expect(message.pings).toEqual({ everyone: false, users: [], roles: [], repliedUser: false });
      const text = messages.map(visibleText).join('\n');
      expect(text).toContain('@everyone the harbour is closed');
      expect(text).toContain('<@&123456789012345678>');
    });

    it('answers a throwing command with a short private message and an error id; the log has the cause, no token', async () => {
      const sent = rig.fake.sendInteraction({ name: 'boom', userId: BOB, channelId: rig.channelId });
      const line = await rig.log.waitForLine((l) => l.msg === 'answered' && l.command === 'boom');
      expect(line).toMatchObject({ outcome: 'internal-error', delivered: true });
      const errorId = String(line.errorId);
      const mine = rig.fake
        .messagesIn(rig.channelId)
        .filter((m) => m.interactionId === sent.id || m.content.includes(errorId) || visibleText(m).includes(errorId));
      const text = mine.map(visibleText).join('\n');
      expect(text).toContain(errorId);
      expect(text.length).toBeLessThan(400);
      expect(text).not.toMatch(/\bat \S+ \(|Error:/);
      expect(mine.every((m) => (m.flags & 64) !== 0)).toBe(true);
      const failure = rig.log.lines.find((l) => l.msg === 'command failed' && l.errorId === errorId);
      expect(JSON.stringify(failure)).toContain('the composer exploded');
      // Still serving.
      expect((await rig.slash('sources')).map(visibleText).join('\n')).toMatch(/article/i);
    });

    it('sends allowedMentions { parse: [] } with every message it posts or edits', () => {
      const bodies = messageBodies();
      expect(bodies.length).toBeGreaterThan(5);
      for (const body of bodies) expect(body.allowed_mentions, JSON.stringify(body).slice(0, 200)).toEqual(expect.objectContaining({ parse: [] }));
    });
  });

  describe('autocomplete', () => {
    it('offers speakers matching what was typed', async () => {
      const sent = rig.fake.sendInteraction({
        type: 'autocomplete',
        name: 'quote',
        userId: BOB,
        channelId: rig.channelId,
        options: { speaker: '' },
        focused: 'speaker',
      });
      await rig.fake.waitForRequest('POST', `/interactions/${sent.id}/:token/callback`);
      const all = (rig.fake.interaction(sent.id).callbacks[0]!.body.data as { choices: { name: string; value: string }[] }).choices;
      expect(all.length).toBeGreaterThan(0);
      expect(all.length).toBeLessThanOrEqual(25);
      const typed = all[0]!.value.slice(0, 3);
      const narrowed = rig.fake.sendInteraction({
        type: 'autocomplete',
        name: 'quote',
        userId: BOB,
        channelId: rig.channelId,
        options: { speaker: typed },
        focused: 'speaker',
      });
      await rig.fake.waitForRequest('POST', `/interactions/${narrowed.id}/:token/callback`);
      const callback = rig.fake.interaction(narrowed.id).callbacks[0]!;
      expect(callback).toMatchObject({ type: 8, status: 204 });
      const choices = (callback.body.data as { choices: { name: string; value: string }[] }).choices;
      expect(choices[0]!.value).toBe(all[0]!.value);
      for (const choice of choices) expect(`${choice.name} ${choice.value}`.toLowerCase()).toContain(typed.toLowerCase());
    });

    it('offers article ids, the hostile one among them when its id is typed', async () => {
      const sent = rig.fake.sendInteraction({
        type: 'autocomplete',
        name: 'brief',
        userId: BOB,
        channelId: rig.channelId,
        options: { article: 'host' },
        focused: 'article',
      });
      await rig.fake.waitForRequest('POST', `/interactions/${sent.id}/:token/callback`);
      const choices = (rig.fake.interaction(sent.id).callbacks[0]!.body.data as { choices: { name: string; value: string }[] }).choices;
      expect(choices.map((c) => c.value)).toContain('hostile');
    });
  });

  describe('mentions and direct messages', () => {
    it('answers a mention as a reply to it, without pinging the asker', async () => {
      const before = rig.fake.messagesIn(rig.channelId).length;
      const messages = await rig.exchange(rig.channelId, () =>
        rig.fake.sendMessage({ channelId: rig.channelId, authorId: BOB, content: 'sources', mentionBot: true }),
      );
      const question = rig.fake.messagesIn(rig.channelId)[before]!;
      expect(messages[0]!.messageReference).toMatchObject({ message_id: question.id });
      expect(messages[0]!.pings.repliedUser).toBe(false);
      expect(visibleText(messages[0]!)).toMatch(/article/i);
    });

    it('answers a mention with no question with a hint', async () => {
      const messages = await rig.exchange(rig.channelId, () =>
        rig.fake.sendMessage({ channelId: rig.channelId, authorId: BOB, content: '', mentionBot: true }),
      );
      expect(messages.map(visibleText).join('\n')).toMatch(/ask|help/i);
    });

    it('answers a DM with only an emoji with a hint, not an error', async () => {
      const dm = rig.fake.dmChannelId(CAROL);
      const messages = await rig.exchange(dm, () => rig.fake.sendMessage({ dm: true, authorId: CAROL, content: '👍' }));
      const text = messages.map(visibleText).join('\n');
      expect(text).toMatch(/ask|help/i);
      expect(text).not.toMatch(/error [0-9a-f]{8}/i);
    });

    it('ignores channel messages that do not mention it, and its own messages', async () => {
      const from = rig.log.lines.length;
      rig.fake.sendMessage({ channelId: rig.channelId, authorId: BOB, content: 'sources' });
      // A mention after it: once that is answered, the first message has been seen and ignored.
      await rig.exchange(rig.channelId, () => rig.fake.sendMessage({ channelId: rig.channelId, authorId: BOB, content: 'help', mentionBot: true }));
      expect(rig.log.lines.slice(from).filter((l) => l.msg === 'answered')).toHaveLength(1);
    });
  });

  describe('bad input', () => {
    const short = (messages: readonly FakeMessage[]) => {
      const text = messages.map(visibleText).join('\n');
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThan(600);
      expect(text).not.toMatch(/\bat \S+ \(|Error:/);
      return text;
    };

    it('answers a command it does not know (one since removed) privately, listing the commands', async () => {
      const messages = await rig.slash('retired');
      expect(short(messages)).toMatch(/no longer exists.*\/ask/s);
      expect(messages.every((m) => (m.flags & 64) !== 0)).toBe(true);
    });

    it('suggests the command meant when a mention names an unknown one', async () => {
      const messages = await rig.exchange(rig.channelId, () =>
        rig.fake.sendMessage({ channelId: rig.channelId, authorId: BOB, content: 'sorces', mentionBot: true }),
      );
      expect(short(messages)).toMatch(/sources/);
    });

    it('refuses a 4,000-character argument with a short message', async () => {
      const messages = await rig.slash('ask', { question: 'why '.repeat(1_000) });
      expect(short(messages)).toMatch(/long|characters/i);
    });

    it('refuses a 4,000-character mention with a short message', async () => {
      const messages = await rig.exchange(rig.channelId, () =>
        rig.fake.sendMessage({ channelId: rig.channelId, authorId: BOB, content: 'why '.repeat(1_000), mentionBot: true }),
      );
      short(messages);
    });

    it('answers a missing required option and an out-of-range one with a usage hint', async () => {
      expect(short(await rig.slash('ask'))).toMatch(/question/i);
      expect(short(await rig.slash('quote', { limit: 10_000 }))).toMatch(/limit/i);
    });
  });

  describe('Discord failing', () => {
    it('retries the answer after a 429 and posts it once', async () => {
      rig.fake.failNext({ method: 'PATCH', path: ORIGINAL, status: 429, retryAfter: 0.1 });
      const from = rig.log.lines.length;
      const messages = await rig.slash('sources');
      expect(visibleText(messages[0]!)).toMatch(/article/i);
      const statuses = rig.fake
        .requestsTo('PATCH', ORIGINAL)
        .slice(-2)
        .map((r) => r.status);
      expect(statuses).toEqual([429, 200]);
      expect(rig.log.lines.slice(from).some((l) => l.msg === 'discord rate limit; waiting')).toBe(true);
    });

    it('retries the answer after 5xx and logs each server error', async () => {
      rig.fake.failNext({ method: 'PATCH', path: ORIGINAL, status: 502, times: 2 });
      const from = rig.log.lines.length;
      const messages = await rig.slash('sources');
      expect(visibleText(messages[0]!)).toMatch(/article/i);
      expect(rig.log.lines.slice(from).filter((l) => l.msg === 'discord server error; retrying within limits')).toHaveLength(2);
    });

    it('gives up after its retries, logs the failure with an id, apologises, and keeps serving', async () => {
      // The first try and three retries all fail.
      const rule = rig.fake.failNext({ method: 'PATCH', path: ORIGINAL, status: 503, times: 4 });
      const from = rig.log.lines.length;
      await rig.slash('sources');
      expect(rule.remaining).toBe(0);
      const failure = await rig.log.waitForLine((l) => l.msg === 'could not deliver the answer', from);
      expect(rig.log.lines.slice(from).find((l) => l.msg === 'answered')).toMatchObject({ delivered: false });
      const apology = rig.fake.messagesIn(rig.channelId).at(-1)!;
      expect(visibleText(apology)).toContain(String(failure.errorId));
      expect(apology.flags & 64).toBe(64);
      expect((await rig.slash('sources')).map(visibleText).join('\n')).toMatch(/article/i);
    });
  });

  describe('posting digests', () => {
    it('posts a reply to a channel, split like an answer, never pinging', async () => {
      const general = rig.fake.channelId('general');
      await rig.adapter.poster.post(general, { parts: [{ kind: 'text', text: '@everyone a digest', cites: [1] }], citations: [citation(1)] });
      const posted = rig.fake.messagesIn(general).filter((m) => m.authorId === BOT_ID);
      expect(posted).toHaveLength(1);
      expect(posted[0]!.allowedMentions).toEqual({ parse: [] });
      expect(visibleText(posted[0]!)).toContain('@everyone a digest');
      expect(posted[0]!.pings.everyone).toBe(false);
    });

    it('posts only the rest of a long keyed reply from fromPart, each message with its own nonce', async () => {
      const general = rig.fake.channelId('general');
      const paragraph = (n: number) => `Paragraph ${n}: ${'the harbour authority said the port would reopen on Monday. '.repeat(30)}`;
      const long: Reply = { parts: Array.from({ length: 12 }, (_, n) => ({ kind: 'text' as const, text: paragraph(n), cites: [] })), citations: [] };
      const total = renderDiscord(long).length;
      expect(total).toBeGreaterThanOrEqual(3);
      const from = rig.fake.requestsTo('POST', `/channels/${general}/messages`).length;
      const key = 'digest:8:2026-06-01T08:00:00.000Z';
      await rig.adapter.poster.post(general, long, { key, fromPart: 1 });
      const bodies = rig.fake
        .requestsTo('POST', `/channels/${general}/messages`)
        .slice(from)
        .map((r) => r.body as JsonObject);
      expect(bodies.map((b) => b.nonce)).toEqual(Array.from({ length: total - 1 }, (_, i) => postNonce(key, i + 1)));
    });

    it('posts a keyed post once however often it is repeated: the same nonce each time, enforced', async () => {
      const general = rig.fake.channelId('general');
      const digest: Reply = { parts: [{ kind: 'text', text: 'A digest posted twice', cites: [] }], citations: [] };
      const before = rig.fake.messagesIn(general).length;
      const from = rig.fake.requestsTo('POST', `/channels/${general}/messages`).length;
      // The same run, posted again (a retry after the answer was lost, by this process or another).
      await rig.adapter.poster.post(general, digest, { key: 'digest:7:2026-06-01T08:00:00.000Z' });
      await rig.adapter.poster.post(general, digest, { key: 'digest:7:2026-06-01T08:00:00.000Z' });
      expect(rig.fake.messagesIn(general)).toHaveLength(before + 1);
      // Another run is another post.
      await rig.adapter.poster.post(general, digest, { key: 'digest:7:2026-06-01T09:00:00.000Z' });
      expect(rig.fake.messagesIn(general)).toHaveLength(before + 2);
      const bodies = rig.fake
        .requestsTo('POST', `/channels/${general}/messages`)
        .slice(from)
        .map((r) => r.body as JsonObject);
      expect(bodies.map((b) => b.enforce_nonce)).toEqual([true, true, true]);
      expect(bodies.map((b) => b.nonce)).toEqual([
        postNonce('digest:7:2026-06-01T08:00:00.000Z', 0),
        postNonce('digest:7:2026-06-01T08:00:00.000Z', 0),
        postNonce('digest:7:2026-06-01T09:00:00.000Z', 0),
      ]);
    });

    it('sends every unkeyed post with a fresh enforced nonce, so a retried request is not doubled', async () => {
      const general = rig.fake.channelId('general');
      const from = rig.fake.requestsTo('POST', `/channels/${general}/messages`).length;
      const note: Reply = { parts: [{ kind: 'text', text: 'A notice', cites: [] }], citations: [] };
      await rig.adapter.poster.post(general, note);
      await rig.adapter.poster.post(general, note);
      const bodies = rig.fake
        .requestsTo('POST', `/channels/${general}/messages`)
        .slice(from)
        .map((r) => r.body as JsonObject);
      expect(bodies.map((b) => b.enforce_nonce)).toEqual([true, true]);
      expect(typeof bodies[0]!.nonce).toBe('string');
      expect(bodies[0]!.nonce).not.toBe(bodies[1]!.nonce);
    });

    it('retries a digest after a 429 and a 500', async () => {
      const general = rig.fake.channelId('general');
      rig.fake.failNext({ method: 'POST', path: `/channels/${general}/messages`, status: 429, retryAfter: 0.1 });
      rig.fake.failNext({ method: 'POST', path: `/channels/${general}/messages`, status: 500 });
      const before = rig.fake.messagesIn(general).length;
      await rig.adapter.poster.post(general, { parts: [{ kind: 'text', text: 'Second digest', cites: [] }], citations: [] });
      expect(rig.fake.messagesIn(general)).toHaveLength(before + 1);
      expect(
        rig.fake
          .requestsTo('POST', `/channels/${general}/messages`)
          .slice(-3)
          .map((r) => r.status),
      ).toEqual([429, 500, 200]);
    });

    it('throws ChannelGoneError for Unknown Channel (10003)', async () => {
      const gone = rig.fake.channelId('general');
      rig.fake.makeChannelUnknown(gone);
      await expect(rig.adapter.poster.post(gone, { parts: [], citations: [], notice: 'x' })).rejects.toSatisfy(
        (error: unknown) => error instanceof ChannelGoneError && /10003/.test(error.reason),
      );
    });

    it('throws ChannelGoneError for Missing Access (50001)', async () => {
      await expect(rig.adapter.poster.post(SECRET_CHANNEL, { parts: [], citations: [], notice: 'x' })).rejects.toSatisfy(
        (error: unknown) => error instanceof ChannelGoneError && /50001/.test(error.reason),
      );
    });
  });
  describe('logs', () => {
    // Last: by now every path has logged, the 429s and 5xx of Discord failing included.
    it('never logs the bot token or an interaction token', () => {
      const all = rig.log.raw.join('\n');
      expect(all).not.toContain(TOKEN);
      for (const request of rig.fake.requests) {
        const token = /^\/(?:webhooks\/\d+|interactions\/\d+)\/([^/]+)/.exec(request.path)?.[1];
        if (token) expect(all).not.toContain(token);
      }
    });
  });
});

describe("the Discord adapter's command context", () => {
  it('passes the writer and the digests to every command context, with who asked', async () => {
    const store = openSqliteStore(':memory:');
    const probe = custom.find((c) => c.name === 'probe')!;
    const other = await startDiscord({ commands: [probe], services: { store, clock: systemClock, writer, digests } });
    try {
      seen.context = undefined;
      await other.slash('probe', {}, BOB);
      await other.exchange(other.fake.dmChannelId(CAROL), () => other.fake.sendMessage({ dm: true, authorId: CAROL, content: 'probe' }));
      const context = seen.context as CommandContext | undefined;
      expect(context?.writer).toBe(writer);
      expect(context?.digests).toBe(digests);
      expect(context?.invoker).toMatchObject({ platform: 'discord', user: CAROL, canManageChannel: true, workspace: null });
    } finally {
      await other.stop();
      await store.close();
    }
  });

  it('tells the command who asked in a server channel, and whether they may manage it', async () => {
    const store = openSqliteStore(':memory:');
    const probe = custom.find((c) => c.name === 'probe')!;
    const other = await startDiscord({ commands: [probe], services: { store, clock: systemClock } });
    try {
      await other.slash('probe', {}, BOB);
      expect(seen.context?.invoker).toMatchObject({
        platform: 'discord',
        user: BOB,
        channel: other.channelId,
        workspace: other.fake.guildIds[0],
        canManageChannel: false,
      });
      await other.slash('probe', {}, ALICE);
      expect(seen.context?.invoker).toMatchObject({ user: ALICE, canManageChannel: true });
    } finally {
      await other.stop();
      await store.close();
    }
  });
});

describe('connecting to Discord', () => {
  it('needs no privileged intent: with all of them off in the portal it connects and answers mentions', async () => {
    const store = openSqliteStore(':memory:');
    const other = await startDiscord({ commands: registry, services: { store, clock: systemClock }, fake: { privilegedIntents: [] } });
    try {
      expect(other.fake.identifies[0]!.intents).toBe(1 | 512 | 4096);
      const messages = await other.mention('help');
      expect(messages.map((m) => m.text).join('\n')).toMatch(/ask/i);
    } finally {
      await other.stop();
      await store.close();
    }
  });

  it('fails to start with a wrong token, saying which setting to check and never quoting the token', async () => {
    const store = openSqliteStore(':memory:');
    const log = recordingLogger();
    const fake = await FakeDiscord.start({ ...WORLD });
    const wrong = 'wrong-token-abc';
    const adapter = createDiscordAdapter({
      config: { token: wrong, applicationId: fake.applicationId, guildId: undefined, apiUrl: fake.apiUrl },
      commands: registry,
      services: { store, clock: systemClock, log: log.logger },
    });
    try {
      const failure = await adapter.start().then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(failure?.message).toMatch(/DISCORD_TOKEN/);
      expect(failure?.message).not.toContain(wrong);
      expect(log.raw.join('\n')).not.toContain(wrong);
    } finally {
      await adapter.stop();
      await fake.stop();
      await store.close();
    }
  });
});
