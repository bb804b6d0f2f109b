import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digest, splitWords } from '../../../commands/digest.ts';
import type { CommandContext, Invoker } from '../../../src/core/command.ts';
import { dispatch } from '../../../src/core/dispatch.ts';
import { parseChatText } from '../../../src/core/chat-parse.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { renderJson } from '../../../src/render/json.ts';
import { createDigestService } from '../../../src/schedule/digest-service.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { SEED, seedFolder, TestClock } from './helpers.ts';

let store: Store;
let seeds: ReturnType<typeof seedFolder>;
const clock = new TestClock(Date.parse('2026-06-01T07:00:00Z'));
const slackAdmin: Invoker = { platform: 'slack', user: 'U1', channel: 'C1', workspace: 'T1', canManageChannel: true };
const slackMember: Invoker = { ...slackAdmin, user: 'U2', canManageChannel: false };
const cli: Invoker = { platform: 'cli', user: null, channel: null, workspace: null, canManageChannel: true };

function context(invoker: Invoker): CommandContext {
  return { store, clock, log: silentLogger, invoker, digests: createDigestService({ store, clock, log: silentLogger, timezone: 'Europe/London' }) };
}

/** Runs a chat line as the chat surfaces do. */
async function chat(text: string, invoker: Invoker = slackAdmin) {
  const parsed = parseChatText(text, [digest]);
  if (parsed.kind !== 'command') throw new Error(`did not parse: ${text}`);
  return dispatch(digest, parsed.options, context(invoker));
}

const texts = (reply: { parts: readonly unknown[]; notice?: string }) => JSON.stringify(reply);

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  seeds = seedFolder();
  await seeds.add(store, SEED.scmp2014);
});
afterEach(async () => {
  await store.close();
  seeds.remove();
});

describe('the digest command', () => {
  it('subscribes the channel it is typed in, and subscribing again updates it', async () => {
    const first = await chat('digest subscribe 09:00 Europe/London --days mon-fri');
    expect(first.outcome).toBe('ok');
    expect(first.reply.title).toBe('Subscribed to digests');
    expect(texts(first.reply)).toContain('09:00 on weekdays (Europe/London)');
    expect(texts(first.reply)).toContain('Mon, 1 Jun 2026, 09:00 Europe/London');
    const again = await chat('digest subscribe 5:30pm --topic "security concerns" --quiet notice');
    expect(again.reply.title).toBe('Digest subscription updated');
    const saved = await store.digests.subscriptions();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      platform: 'slack',
      workspace: 'T1',
      channel: 'C1',
      time: '17:30',
      timezone: null,
      topic: 'security concerns',
      empty: 'post',
      days: [0, 1, 2, 3, 4, 5, 6],
    });
  });

  it('refuses to subscribe or unsubscribe for someone who cannot manage the channel, and says why', async () => {
    for (const line of ['digest subscribe 09:00', 'digest unsubscribe']) {
      const result = await chat(line, slackMember);
      expect(result.outcome).toBe('user-error');
      expect(result.reply.notice).toMatch(/Only people who can manage this channel .*Manage Channel/);
      expect(result.reply.ephemeral).toBe(true);
    }
    expect(await store.digests.subscriptions()).toEqual([]);
    expect((await chat('digest status', slackMember)).outcome).toBe('ok');
  });

  it('answers an invalid time, time zone, days or cron string with a valid example', async () => {
    for (const line of [
      'digest subscribe 25:99',
      'digest subscribe 09:00 Mars/Olympus',
      'digest subscribe --days someday',
      'digest subscribe "0 9 1 * *"',
      'digest fortnightly',
    ]) {
      const result = await chat(line);
      expect(result.outcome, line).toBe('user-error');
      expect(result.reply.notice, line).toMatch(/e\.g\./);
    }
    expect(await store.digests.subscriptions()).toEqual([]);
  });

  it('reads a cron-like schedule typed without quotation marks', async () => {
    expect(splitWords('subscribe 30 8 * * 1-5 UTC')).toEqual(['subscribe', '30 8 * * 1-5', 'UTC']);
    expect((await chat('digest subscribe 30 8 * * 1-5 UTC')).outcome).toBe('ok');
    expect((await store.digests.subscriptions())[0]).toMatchObject({ time: '08:30', days: [1, 2, 3, 4, 5], timezone: 'UTC' });
  });

  it('shows the status: schedule, next run, and what the next digest would hold', async () => {
    expect(texts((await chat('digest status')).reply)).toContain('no digest subscription');
    await chat('digest subscribe 09:00');
    const status = await chat('digest status');
    expect(texts(status.reply)).toContain('Next run');
    expect(texts(status.reply)).toContain('the story so far (1 articles)');
    expect((status.reply.data as { nextRun: string }).nextRun).toBe('2026-06-01T08:00:00.000Z');
    expect((await chat('digest unsubscribe')).reply.parts).toEqual([{ kind: 'lines', lines: ['Unsubscribed: this channel gets no more digests.'] }]);
  });

  it('previews the digest to the asker only, as brief --json does', async () => {
    const result = await chat('digest now', slackMember);
    expect(result.reply.ephemeral).toBe(true);
    const json = JSON.parse(renderJson(result.reply)) as { points: { text: string; citations: { article: string }[] }[] };
    expect(json.points.length).toBeGreaterThan(0);
    for (const point of json.points) expect(point.citations[0]!.article).toBe(SEED.scmp2014);
  });

  it('on the command line, names the channel with --channel and previews the story without one', async () => {
    const subscribed = await dispatch(digest, { action: 'subscribe 08:00 UTC', channel: 'discord:G1/42' }, context(cli));
    expect(subscribed.outcome).toBe('ok');
    expect((await store.digests.subscriptions())[0]).toMatchObject({ platform: 'discord', workspace: 'G1', channel: '42' });
    const missing = await dispatch(digest, { action: 'status' }, context(cli));
    expect(missing.reply.notice).toMatch(/--channel slack:C0123ABCD/);
    const bad = await dispatch(digest, { action: 'status', channel: 'irc#news' }, context(cli));
    expect(bad.reply.notice).toMatch(/e\.g\. --channel slack:/);
    expect((await dispatch(digest, { action: 'now' }, context(cli))).outcome).toBe('ok');
    const fromChat = await chat('digest status --channel slack:C9');
    expect(fromChat.reply.notice).toMatch(/command line/);
  });

  it('says when this process schedules no digests', async () => {
    const result = await dispatch(digest, { action: 'status' }, { ...context(slackAdmin), digests: undefined });
    expect(result.reply.notice).toMatch(/not scheduled by this process/);
  });
});
