/**
 * Digests written by the LLM writer: the scheduler posts the written points, checked and
 * cited, with the extractive quotations under them; a sentence the checker refuses never
 * reaches the channel; with the endpoint down the extractive digest is posted, with a note.
 * The real `openai` package talks to the fake OpenAI server on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digest as digestCommand } from '../../../commands/digest.ts';
import { ASK_FOR_MORE, type DigestJson } from '../../../src/core/compose/digest.ts';
import { dispatch } from '../../../src/core/dispatch.ts';
import { silentLogger, type Logger } from '../../../src/core/logger.ts';
import type { ProseWriter } from '../../../src/core/ports/writer.ts';
import type { Reply, TextPart } from '../../../src/core/reply.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { renderJson } from '../../../src/render/json.ts';
import { pendingDigest } from '../../../src/schedule/digest-content.ts';
import { createDigestService } from '../../../src/schedule/digest-service.ts';
import { createDigestScheduler, type DigestScheduler } from '../../../src/schedule/scheduler.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { answer } from '../../fakes/openai/behaviours.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../../fakes/openai/fake-openai-server.ts';
import { recordingLogger } from '../llm/recording-logger.ts';
import { copyablePassages, faithful, passagesOf, type PromptPassage } from '../llm/scripted-model.ts';
import { fakeWriter, onBothPlatforms } from '../llm/seed-story.ts';
import { RecordingPoster, SEED, seedFolder, TestClock } from './helpers.ts';

const channel = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const DAILY = { time: '09:00', days: [0, 1, 2, 3, 4, 5, 6], timezone: null, topic: null, empty: 'skip' as const };

let fake: FakeOpenAI;
let store: Store;
let seeds: ReturnType<typeof seedFolder>;
let clock: TestClock;
let poster: RecordingPoster;
let scheduler: DigestScheduler | null;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  store = openSqliteStore(':memory:');
  seeds = seedFolder();
  clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
  poster = new RecordingPoster('slack', clock);
  scheduler = null;
});
afterEach(async () => {
  await scheduler?.stop();
  await store.close();
  seeds.remove();
});

async function subscribedWith(writer: ProseWriter | undefined, log: Logger = silentLogger): Promise<DigestScheduler> {
  scheduler = createDigestScheduler({
    store,
    clock,
    log,
    posters: [poster],
    config: { missed: 'catch-up', timezone: 'UTC' },
    cron: false,
    ...(writer ? { writer } : {}),
  });
  await scheduler.service.subscribe(channel, DAILY, 'U1');
  return scheduler;
}

/** Runs the day's 09:00 slot and returns what was posted. */
async function digestOn(s: DigestScheduler, day: number): Promise<Reply[]> {
  clock.set(`2026-06-0${day}T09:00:00Z`);
  const before = poster.posted.length;
  await s.tick();
  return poster.posted.slice(before).map((p) => p.reply);
}

const textsOf = (reply: Reply) => reply.parts.filter((p): p is TextPart => p.kind === 'text').map((p) => p.text);

/**
 * A passage copied with its first figure or year changed (each digit moved on by three), not
 * a name with a digit in it ("5G"): a sentence true in every word but one number.
 */
function fabricatedNumber(passage: PromptPassage): { readonly sentence: string; readonly changed: string } | null {
  const match = /(?<![\p{L}\p{N}])[£$€]?\d[\d,.]*\d(?:bn|m|%)?(?![\p{L}\p{N}])/u.exec(passage.text);
  if (!match) return null;
  const changed = match[0].replace(/\d/g, (d) => String((Number(d) + 3) % 10));
  return {
    sentence: faithful({ n: passage.n, text: passage.text.slice(0, match.index) + changed + passage.text.slice(match.index + match[0].length) }),
    changed,
  };
}

/** An invented article full of figures, ingested from a folder of its own. */
async function addInventedArticle(target: Store): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-digest-writer-'));
  try {
    writeFileSync(
      join(dir, 'ferry.txt'),
      `Harbour council approves new ferry terminal

The Eastport harbour council approved a new ferry terminal on Tuesday at a cost of £42m.

The terminal will handle 1,800 passengers a day when it opens in 2027.

Council leader Mara Vint said the project would create 350 local jobs on the eastern quay.
`,
    );
    writeFileSync(join(dir, 'sources.json'), JSON.stringify({ articles: { 'ferry.txt': { outlet: 'Eastport Gazette', published: '2026-05-30', url: null } } }));
    await ingestPaths([dir], { store: target, clock, log: silentLogger });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function first<T>(items: readonly T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new Error(`the prompt held no ${what}`);
  return item;
}

describe('a digest with a faithful writer', () => {
  it('is posted in mode llm, each written point cited to the passage it comes from', async () => {
    for (const id of [SEED.itv2018, SEED.newEurope2018, SEED.et2019]) await seeds.add(store, id);
    const extractive = (await pendingDigest(store, { watermark: null, topic: null })).reply;
    let copied: PromptPassage[] = [];
    fake.route((request) => {
      copied = copyablePassages(request).slice(0, 3);
      return answer(copied.map(faithful).join(' '));
    });
    const log = recordingLogger();
    const [posted] = await digestOn(await subscribedWith(fakeWriter(fake.url, log)), 1);

    expect(fake.completions).toHaveLength(1);
    expect(fake.completions[0]!.messages[1]!.content).toMatch(/Write a short digest of what is new in the story from the passages/);
    expect(copied).toHaveLength(3);
    expect(posted!.mode).toBe('llm');
    expect(posted!.data?.['mode']).toBe('llm');
    expect(posted!.title).toBe('The story so far');
    // The written points, each citing the passage it copied (its article's citation carries its text).
    const written = posted!.parts.filter((p): p is TextPart => p.kind === 'text');
    expect(written.map((p) => p.text.replace(/ — also reported by .*$/, ''))).toEqual(copied.map((p) => p.text));
    for (const part of written) {
      expect(part.cites.length).toBeGreaterThan(0);
      expect(part.cites.flatMap((n) => posted!.citations[n - 1]!.texts ?? [])).toContain(part.text.replace(/ — also reported by .*$/, ''));
    }
    // Each article is one source.
    expect(new Set(posted!.citations.map((c) => c.article)).size).toBe(posted!.citations.length);
    // The quotations stay extractive, citing the same articles in the written digest's numbering.
    const quotesOf = (reply: Reply) =>
      reply.parts.flatMap((p) =>
        p.kind === 'quote' ? [{ text: p.text, speaker: p.speaker, cites: p.cites.map((n) => reply.citations[n - 1]!.article) }] : [],
      );
    expect(quotesOf(extractive).length).toBeGreaterThan(0);
    expect(quotesOf(posted!)).toEqual(quotesOf(extractive));
    expect(posted!.citations.map((c) => c.n)).toEqual(posted!.citations.map((_, i) => i + 1));
    expect(posted!.parts.at(-1)).toEqual({ kind: 'lines', lines: [ASK_FOR_MORE] });
    const data = posted!.data as DigestJson;
    expect(data.points.map((p) => p.text)).toEqual(copied.map((p) => p.text));
    expect(data.points.every((p) => p.citations.length > 0)).toBe(true);
  });

  it('says "also reported by" only where the extractive digest folded the outlets the sentence cites', async () => {
    for (const id of [SEED.itv2018, SEED.newEurope2018]) await seeds.add(store, id);
    const extractive = (await pendingDigest(store, { watermark: null, topic: null })).reply;
    const folded = (extractive.data as DigestJson).points.find((p) => p.alsoReportedBy.length > 0);
    if (!folded) throw new Error('the extractive digest folded no outlets');
    fake.route((request) => {
      const passages = passagesOf(request);
      const numberOf = (text: string) =>
        first(
          passages.filter((p) => p.text === text),
          'folded passage',
        ).n;
      const [lead, echo] = folded.citations;
      return answer(`${lead!.text.replace(/[.!?]$/, '')} [${numberOf(lead!.text)}][${numberOf(echo!.text)}].`);
    });
    const [posted] = await digestOn(await subscribedWith(fakeWriter(fake.url, recordingLogger())), 1);
    expect(posted!.mode).toBe('llm');
    const [point] = (posted!.data as DigestJson).points;
    expect(point!.alsoReportedBy).toEqual(folded.alsoReportedBy);
    expect(textsOf(posted!)).toEqual([`${folded.text} — also reported by ${folded.alsoReportedBy.join(', ')}`]);
  });

  it('tells the writer since when, from the day of the last digest', async () => {
    await seeds.add(store, SEED.scmp2014);
    fake.route((request) => {
      const passages = copyablePassages(request).slice(0, 2);
      return answer(passages.map(faithful).join(' '));
    });
    const s = await subscribedWith(fakeWriter(fake.url, recordingLogger()));
    expect(await digestOn(s, 1)).toHaveLength(1);
    await seeds.add(store, SEED.et2019);
    const [second] = await digestOn(s, 2);
    expect(second!.title).toBe('New in the story');
    expect(fake.completions).toHaveLength(2);
    expect(fake.completions[0]!.messages[1]!.content).toMatch(/Write a short digest of what is new in the story from the passages/);
    expect(fake.completions[1]!.messages[1]!.content).toMatch(/what is new in the story since Monday 1 June/);
  });
});

describe('a digest with a bad sentence', () => {
  it('posts the written digest without a sentence whose number the passages do not give', async () => {
    await seeds.add(store, SEED.scmp2014);
    await addInventedArticle(store);
    let bad: { sentence: string; changed: string } | null = null;
    let good: string[] = [];
    fake.route((request) => {
      const copyable = copyablePassages(request);
      const numbered = first(
        copyable.filter((p) => fabricatedNumber(p) !== null),
        'passage with a number',
      );
      bad = fabricatedNumber(numbered)!;
      good = copyable
        .filter((p) => p.n !== numbered.n)
        .slice(0, 2)
        .map((p) => p.text);
      const others = copyable
        .filter((p) => p.n !== numbered.n)
        .slice(0, 2)
        .map(faithful);
      return answer([others[0], bad.sentence, others[1]].join(' '), { chunkChars: 7 });
    });
    const log = recordingLogger();
    const [posted] = await digestOn(await subscribedWith(fakeWriter(fake.url, log)), 1);
    if (!bad) throw new Error('the model was never asked');
    const { changed } = bad as { sentence: string; changed: string };

    expect(posted!.mode).toBe('llm');
    expect(textsOf(posted!).map((t) => t.replace(/ — also reported by .*$/, ''))).toEqual(good);
    const dropped = log.entries.filter((e) => e.message === 'dropped a sentence').map((e) => e.fields as { failures: string[] });
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.failures.some((code) => code === 'unsupported-number' || code === 'unsupported-date')).toBe(true);
    const { slack, discord } = onBothPlatforms(posted!);
    expect(slack).not.toContain(changed);
    expect(discord).not.toContain(changed);
    expect(renderJson(posted!)).not.toContain(changed);
    // The same search finds it when it is there: its absence means something.
    const tainted = onBothPlatforms({ ...posted!, parts: [{ kind: 'text', text: `Planted ${changed} here.`, cites: [] }] });
    expect(tainted.slack).toContain(changed);
    expect(tainted.discord).toContain(changed);
  });
});

describe('a digest with the endpoint down', () => {
  it('posts the extractive digest, the same as without a writer, with a note', async () => {
    for (const id of [SEED.itv2018, SEED.newEurope2018]) await seeds.add(store, id);
    const extractive = (await pendingDigest(store, { watermark: null, topic: null })).reply;
    const log = recordingLogger();
    const down = fakeWriter('http://127.0.0.1:9/v1', log, { timeoutMs: 1000 });
    const [posted] = await digestOn(await subscribedWith(down, log), 1);

    expect(posted!.mode).toBe('extractive');
    expect(posted!.data?.['mode']).toBe('extractive');
    expect(posted!.parts).toEqual(extractive.parts);
    expect(posted!.citations).toEqual(extractive.citations);
    expect(posted!.notice).toMatch(/^Written digest unavailable \(model endpoint unavailable\); showing quoted sentences\./);
    expect(log.entries.some((e) => e.message === 'posting the extractive reply instead of a written one')).toBe(true);
    // The watermark moved: the digest counts as delivered.
    expect((await store.digests.subscription(channel))!.lastPosted).not.toBeNull();
  });
});

describe('without a writer', () => {
  it('posts the extractive digest exactly as before and asks no model', async () => {
    for (const id of [SEED.itv2018, SEED.newEurope2018]) await seeds.add(store, id);
    const extractive = (await pendingDigest(store, { watermark: null, topic: null })).reply;
    const [posted] = await digestOn(await subscribedWith(undefined), 1);
    expect(posted).toEqual(extractive);
    expect(posted!.mode).toBe('extractive');
    expect(posted!.notice).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('digest now --json', () => {
  it('says which mode wrote the preview', async () => {
    await seeds.add(store, SEED.scmp2014);
    let copied = 0;
    fake.route((request) => {
      const passages = copyablePassages(request).slice(0, 2);
      copied = passages.length;
      return answer(passages.map(faithful).join(' '));
    });
    const invoker = { platform: 'cli', user: null, channel: null, workspace: null, canManageChannel: true } as const;
    const run = async (writer: ProseWriter | undefined) => {
      const digests = createDigestService({ store, clock, log: silentLogger, timezone: 'UTC', ...(writer ? { writer } : {}) });
      const result = await dispatch(digestCommand, { action: 'now' }, { store, clock, log: silentLogger, invoker, digests });
      expect(result.outcome).toBe('ok');
      return JSON.parse(renderJson(result.reply)) as DigestJson & { mode: string };
    };
    const written = await run(fakeWriter(fake.url, recordingLogger()));
    expect(written.mode).toBe('llm');
    expect(copied).toBeGreaterThan(0);
    expect(written.points.length).toBe(copied);
    const plain = await run(undefined);
    expect(plain.mode).toBe('extractive');
    expect(fake.completions).toHaveLength(1);
  });
});
