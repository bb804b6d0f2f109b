/**
 * Slack going away and coming back, end to end: the real Bolt, in Socket Mode and over HTTP,
 * against the fake Slack, which goes away for a minute while a digest falls due. The minute is
 * the bot's own: its reconnect backoff runs on test-driven waits (each attempt a real, failing
 * connection), so the test does not wait a minute of its own. Then: the process never saw an
 * unhandled rejection, the log has the outage (once per change), the digest due during it is
 * posted once afterwards, and the next command is answered. The same holds when Slack answers
 * with HTML, cut-off JSON, a 200 with an error, or nothing at all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { DEFAULT_BACKOFF } from '../../src/adapters/link/backoff.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';
import { retryDigestsWhenBack } from '../../src/schedule/retry-when-back.ts';
import type { OutageMode } from '../fakes/outage.ts';
import { FakeSlack } from '../fakes/slack/index.ts';
import type { PostedMessage } from '../fakes/slack/types.ts';
import { ManualWaits } from '../support/manual-waits.ts';
import { digestWorld, SEED, type DigestProcess, type DigestWorld } from './digest-harness.ts';
import { FAST_RETRY, PREFIX, visibleText } from './slack-harness.ts';

const CHANNEL = 'C0NEWS';
const BOSS = 'U0BOSS';
const MINUTE = 60_000;

let world: DigestWorld;
let fake: FakeSlack;
let adapter: SlackAdapter | undefined;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeEach(() => {
  rejections.length = 0;
  process.on('unhandledRejection', onRejection);
});

afterEach(async () => {
  await adapter?.stop();
  adapter = undefined;
  await fake?.stop();
  await world?.close();
  process.off('unhandledRejection', onRejection);
});

interface Rig {
  readonly bot: DigestProcess;
  readonly waits: ManualWaits;
  readonly adapter: SlackAdapter;
  /** Runs a slash command (over whichever transport the bot uses) and returns what the bot sent. */
  command(name: string, text?: string): Promise<readonly PostedMessage[]>;
}

async function setUp(socketMode: boolean): Promise<Rig> {
  world = digestWorld('2026-06-01T08:00:00Z');
  fake = await FakeSlack.start({ users: [{ id: BOSS, name: 'boss', isAdmin: true }], channels: [{ id: CHANNEL, name: 'news' }] });
  const bot = world.open('A');
  await world.ingest(bot.store, SEED.scmp2014);
  const waits = new ManualWaits();
  adapter = createSlackAdapter({
    config: {
      botToken: fake.botToken,
      signingSecret: socketMode ? undefined : fake.signingSecret,
      appToken: socketMode ? fake.appToken : undefined,
      apiUrl: fake.apiUrl,
      port: 0,
      commandPrefix: PREFIX,
      adminUsers: [],
    },
    commands,
    services: { store: bot.store, clock: world.clock, log: bot.log.logger, digests: bot.scheduler.service },
    // The production backoff, in the test's time; Web API calls give up fast, as they would on a dead host.
    tuning: { host: '127.0.0.1', retry: FAST_RETRY, requestTimeoutMs: 300, workingAfterMs: 60_000, drainMs: 2_000, backoff: DEFAULT_BACKOFF, waits },
  });
  await adapter.start();
  if (!socketMode) fake.http.setRequestUrl(adapter.requestUrl!);
  bot.posters.push(adapter.poster);
  retryDigestsWhenBack([adapter], bot.scheduler, bot.log.logger);
  await bot.scheduler.service.subscribe(
    { platform: 'slack', workspace: 'T0TEAM', channel: CHANNEL },
    { time: '09:00', days: [0, 1, 2, 3, 4, 5, 6], timezone: 'UTC', topic: null, empty: 'skip' },
    BOSS,
  );
  const started = adapter;
  return {
    bot,
    waits,
    adapter: started,
    async command(name, text = '') {
      const mark = fake.messages.length;
      const from = bot.log.lines.length;
      const command = `/${PREFIX}-${name}`;
      if (socketMode) await fake.socket.slashCommand({ command, text, channel: CHANNEL });
      else expect((await fake.http.slashCommand({ command, text, channel: CHANNEL })).status).toBe(200);
      await bot.log.waitForLine((line) => line.msg === 'answered', from);
      return fake.messages.slice(mark);
    },
  };
}

const digests = () => fake.messagesIn(CHANNEL).filter((m) => m.via === 'chat.postMessage');
const state = (rig: Rig) => rig.adapter.link.state;

/**
 * Slack goes away (as `how` says) for a minute of the bot's time, during which the 09:00 digest
 * falls due; then it comes back. Checks everything the issue asks of such an outage.
 */
async function outageOfAMinute(rig: Rig, how: OutageMode): Promise<void> {
  const { bot, waits } = rig;
  world.clock.set('2026-06-01T08:59:00Z');
  expect(await bot.scheduler.tick()).toEqual([]);
  const from = bot.log.lines.length;

  await fake.goAway(how);
  world.clock.set('2026-06-01T09:00:00Z');
  expect(await bot.scheduler.tick()).toEqual(['retrying']);
  await bot.log.waitForLine((line) => line.msg === 'disconnected from Slack', from);
  const awayAt = waits.now();
  await waits.advance(MINUTE);
  expect(state(rig)).toBe('down');
  expect(digests()).toEqual([]);

  await fake.comeBack();
  await waits.advance(MINUTE, () => state(rig) === 'connected');
  const back = await bot.log.waitForLine((line) => line.msg === 'reconnected to Slack', from);
  expect(back.downForMs).toBeGreaterThanOrEqual(MINUTE);
  expect(waits.now() - awayAt).toBeGreaterThanOrEqual(MINUTE);

  // The digest due during the outage, posted once, now (the scheduler's next retry was a minute away).
  await fake.waitFor((call) => call.method === 'chat.postMessage' && call.outcome.ok);
  await bot.log.waitForLine((line) => line.msg === 'digest posted', from);
  world.clock.set('2026-06-01T10:30:00Z');
  await bot.scheduler.tick();
  expect(digests()).toHaveLength(1);
  expect(visibleText(digests()[0]!)).toMatch(/story so far/i);

  // The next command is answered.
  expect((await rig.command('sources')).map(visibleText).join('\n')).toMatch(/article/i);

  // Logged once per change: one disconnection, one return; waits that grew, each said once.
  const lines = bot.log.lines.slice(from);
  expect(lines.filter((line) => line.msg === 'disconnected from Slack')).toHaveLength(1);
  expect(lines.filter((line) => line.msg === 'reconnected to Slack')).toHaveLength(1);
  const waitLines = lines.filter((line) => /^reconnecting to Slack in \d+ s$/.test(String(line.msg))).map((line) => line.msg);
  expect(waitLines.length).toBeGreaterThan(2);
  expect(new Set(waitLines).size).toBe(waitLines.length);
  expect(lines.filter((line) => (line.level as number) >= 50 && line.lib === undefined && line.msg !== 'could not deliver the answer')).toEqual([]);
  expect(rejections).toEqual([]);
}

describe('Slack going away for a minute', () => {
  it('in Socket Mode: keeps running, logs the outage, posts the digest due meanwhile once, and answers the next command', async () => {
    const rig = await setUp(true);
    await outageOfAMinute(rig, 'refuse');
    // The socket was opened again: once at start, once after the outage (failed attempts never got a socket).
    expect(fake.callsTo('apps.connections.open').filter((call) => call.outcome.ok)).toHaveLength(2);
  });

  it('over HTTP: keeps running, logs the outage, posts the digest due meanwhile once, and answers the next command', async () => {
    const rig = await setUp(false);
    await outageOfAMinute(rig, 'refuse');
    expect(fake.callsTo('auth.test').filter((call) => call.outcome.ok).length).toBeGreaterThanOrEqual(2);
  });

  it.each(['html', 'truncated-json', 'error-body', 'silent'] as const)('holds the same when Slack answers with %s (Socket Mode)', async (how) => {
    const rig = await setUp(true);
    await outageOfAMinute(rig, how);
  });

  it.each(['html', 'silent'] as const)('holds the same when Slack answers with %s (over HTTP)', async (how) => {
    const rig = await setUp(false);
    await outageOfAMinute(rig, how);
  });
});
