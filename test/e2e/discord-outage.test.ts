/**
 * Discord's gateway and REST API going away and coming back, end to end: the real discord.js
 * against the fake Discord, which goes away for a minute while a digest falls due. The minute is
 * the bot's own: the gateway's reconnections are spaced by the adapter's backoff on test-driven
 * waits (each attempt a real, failing connection). Then: no unhandled rejection, the outage in
 * the log once per change, the digest due during it posted once afterwards, and the next slash
 * command answered. The same when Discord answers with HTML, cut-off JSON, a 200 with an error
 * body, or nothing at all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { runDiscordDeploy } from '../../src/adapters/discord/deploy-run.ts';
import { DEFAULT_BACKOFF } from '../../src/adapters/link/backoff.ts';
import { retryDigestsWhenBack } from '../../src/schedule/retry-when-back.ts';
import { ALICE, TOKEN, WORLD } from '../fakes/discord/client-harness.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import type { OutageMode } from '../fakes/outage.ts';
import { ManualWaits } from '../support/manual-waits.ts';
import { digestWorld, SEED, type DigestProcess, type DigestWorld } from './digest-harness.ts';
import { visibleText } from './discord-harness.ts';

const MINUTE = 60_000;

let world: DigestWorld;
let fake: FakeDiscord;
let adapter: DiscordAdapter | undefined;
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
  readonly adapter: DiscordAdapter;
  readonly desk: string;
}

async function setUp(): Promise<Rig> {
  world = digestWorld('2026-06-01T08:00:00Z');
  fake = await FakeDiscord.start(WORLD);
  const guildId = fake.guildIds[0]!;
  const problems: string[] = [];
  const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: fake.apiUrl };
  expect(await runDiscordDeploy({ env, commands, write: () => {}, fail: (line) => problems.push(line) })).toBe(0);
  const bot = world.open('A');
  await world.ingest(bot.store, SEED.scmp2014);
  const waits = new ManualWaits();
  adapter = createDiscordAdapter({
    config: { token: TOKEN, applicationId: fake.applicationId, guildId, apiUrl: fake.apiUrl },
    commands,
    services: { store: bot.store, clock: world.clock, log: bot.log.logger, digests: bot.scheduler.service },
    progressIntervalMs: 50,
    stopTimeoutMs: 5_000,
    // The production backoff, in the test's time; calls give up fast, as they would on a dead host.
    backoff: DEFAULT_BACKOFF,
    waits,
    restTimeoutMs: 300,
    handshakeTimeoutMs: 300,
  });
  await adapter.start();
  bot.posters.push(adapter.poster);
  retryDigestsWhenBack([adapter], bot.scheduler, bot.log.logger);
  const desk = fake.channelId('desk');
  await bot.scheduler.service.subscribe(
    { platform: 'discord', workspace: guildId, channel: desk },
    { time: '09:00', days: [0, 1, 2, 3, 4, 5, 6], timezone: 'UTC', topic: null, empty: 'skip' },
    ALICE,
  );
  return { bot, waits, adapter, desk };
}

const state = (rig: Rig) => rig.adapter.link.state;
const digests = (rig: Rig) => fake.messagesIn(rig.desk).filter((m) => m.authorId === fake.botUserId && m.interactionId === undefined);

async function outageOfAMinute(rig: Rig, how: OutageMode): Promise<void> {
  const { bot, waits } = rig;
  world.clock.set('2026-06-01T08:59:00Z');
  expect(await bot.scheduler.tick()).toEqual([]);
  const from = bot.log.lines.length;

  await fake.goAway(how);
  await bot.log.waitForLine((line) => line.msg === 'disconnected from Discord', from);
  world.clock.set('2026-06-01T09:00:00Z');
  expect(await bot.scheduler.tick()).toEqual(['retrying']);
  const awayAt = waits.now();
  await waits.advance(MINUTE);
  expect(state(rig)).toBe('down');
  expect(digests(rig)).toEqual([]);

  await fake.comeBack();
  await waits.advance(MINUTE, () => state(rig) === 'connected');
  const back = await bot.log.waitForLine((line) => line.msg === 'reconnected to Discord', from);
  expect(back.downForMs).toBeGreaterThanOrEqual(MINUTE);
  expect(waits.now() - awayAt).toBeGreaterThanOrEqual(MINUTE);

  // The digest due during the outage, posted once, now (the scheduler's next retry was a minute away).
  await bot.log.waitForLine((line) => line.msg === 'digest posted', from);
  world.clock.set('2026-06-01T10:30:00Z');
  await bot.scheduler.tick();
  expect(digests(rig)).toHaveLength(1);
  expect(visibleText(digests(rig)[0]!)).toMatch(/story so far/i);

  // The next slash command is answered.
  const asked = bot.log.lines.length;
  const sent = fake.sendInteraction({ name: 'sources', userId: ALICE, channelId: rig.desk });
  await bot.log.waitForLine((line) => line.msg === 'answered' && line.outcome === 'ok', asked);
  expect(fake.interaction(sent.id).callbacks.length).toBeGreaterThan(0);

  // Logged once per change: one disconnection, one return; waits that grew, each said once.
  const lines = bot.log.lines.slice(from);
  expect(lines.filter((line) => line.msg === 'disconnected from Discord')).toHaveLength(1);
  expect(lines.filter((line) => line.msg === 'reconnected to Discord')).toHaveLength(1);
  const waitLines = lines.filter((line) => /^reconnecting to Discord in \d+ s$/.test(String(line.msg))).map((line) => line.msg);
  expect(waitLines.length).toBeGreaterThan(2);
  expect(new Set(waitLines).size).toBe(waitLines.length);
  expect(rejections).toEqual([]);
}

describe('Discord going away for a minute', () => {
  it('keeps running, logs the outage, posts the digest due meanwhile once, and answers the next slash command', async () => {
    const rig = await setUp();
    await outageOfAMinute(rig, 'refuse');
    // The session came back: resumed, or identified anew.
    expect(fake.resumes.length + fake.identifies.length).toBeGreaterThanOrEqual(2);
  });

  it.each(['html', 'truncated-json', 'error-body', 'silent'] as const)('holds the same when Discord answers with %s', async (how) => {
    const rig = await setUp();
    await outageOfAMinute(rig, how);
  });
});
