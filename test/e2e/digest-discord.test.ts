/**
 * Scheduled digests on Discord, end to end (issue 5): two bot processes, each with its own
 * Store on one SQLite file and its own discord.js client against the one fake Discord on
 * 127.0.0.1, subscribed by a real slash command; their schedulers are ticked at a shared
 * test clock.
 *
 * The second process connects after the slash commands: the fake, like Discord, sends every
 * interaction to every session of the bot, and two processes answering one interaction is
 * not what these tests are about.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { runDiscordDeploy } from '../../src/adapters/discord/deploy-run.ts';
import type { DiscordConfig } from '../../src/config.ts';
import { FakeDiscord, type FakeMessage, type JsonObject } from '../fakes/discord/index.ts';
import { ALICE, BOB, TOKEN, WORLD } from '../fakes/discord/client-harness.ts';
import { ARRIVALS, digestWorld, expectOnePostPerSlot, londonNine, plus, SEED, type DigestProcess, type DigestWorld } from './digest-harness.ts';
import { pings, visibleText } from './discord-harness.ts';

interface DiscordProcess extends DigestProcess {
  readonly adapter: DiscordAdapter;
}

let world: DigestWorld;
let fake: FakeDiscord;
let desk: string;
const adapters: DiscordAdapter[] = [];

afterEach(async () => {
  for (const adapter of adapters.splice(0)) await adapter.stop();
  await fake?.stop();
  await world?.close();
});

/** The fake with the newsroom world (Alice edits, Bob does not), the commands registered. */
async function setUp(): Promise<void> {
  world = digestWorld('2026-06-01T07:00:00Z');
  fake = await FakeDiscord.start(WORLD);
  desk = fake.channelId('desk');
  const problems: string[] = [];
  const code = await runDiscordDeploy({
    env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildIds[0]!, DISCORD_API_URL: fake.apiUrl },
    commands,
    write: () => {},
    fail: (line) => problems.push(line),
  });
  expect(problems).toEqual([]);
  expect(code).toBe(0);
}

/** A bot process: its store, scheduler and a connected discord.js client. */
async function startProcess(owner: string): Promise<DiscordProcess> {
  const process = world.open(owner);
  const config: DiscordConfig = { token: TOKEN, applicationId: fake.applicationId, guildId: fake.guildIds[0]!, apiUrl: fake.apiUrl };
  const adapter = createDiscordAdapter({
    config,
    commands,
    services: { store: process.store, clock: world.clock, log: process.log.logger, digests: process.scheduler.service },
    progressIntervalMs: 50,
    stopTimeoutMs: 5_000,
  });
  await adapter.start();
  adapters.push(adapter);
  process.posters.push(adapter.poster);
  return { ...process, adapter };
}

/** `/digest action:TEXT` run by `user` in #desk, received by `process`; the bot's answer as read. */
async function digestCommand(process: DiscordProcess, user: string, action: string): Promise<{ text: string; ephemeral: boolean }> {
  const before = new Set(fake.messagesIn(desk).map((m) => m.id));
  const from = process.log.lines.length;
  fake.sendInteraction({ name: 'digest', userId: user, channelId: desk, options: { action } });
  await process.log.waitForLine((line) => line.msg === 'answered', from);
  const replies = fake.messagesIn(desk).filter((m) => !before.has(m.id) && m.authorId === fake.botUserId);
  return { text: replies.map(visibleText).join('\n'), ephemeral: replies.every((m) => (m.flags & 64) !== 0) };
}

/** The digests posted in #desk (messages the bot sent unasked). */
const digests = (): readonly FakeMessage[] => fake.messagesIn(desk).filter((m) => m.authorId === fake.botUserId && m.source === 'channel');
const postsTo = (channel: string) => fake.requestsTo('POST', `/channels/${channel}/messages`);

describe('scheduled digests on Discord', () => {
  it('posts one digest per slot from two processes on one database file, each citing only what was new', async () => {
    await setUp();
    const a = await startProcess('A');
    await world.ingest(a.store, ARRIVALS[0]);
    const answer = await digestCommand(a, ALICE, 'subscribe 09:00 Europe/London');
    expect(answer.text).toMatch(/Subscribed to digests/);
    expect(answer.text).toMatch(/09:00/);
    const b = await startProcess('B');
    const [subscription] = await b.store.digests.subscriptions(); // the other process sees it
    expect(subscription).toMatchObject({
      platform: 'discord',
      workspace: fake.guildIds[0],
      channel: desk,
      time: '09:00',
      timezone: 'Europe/London',
      createdBy: ALICE,
    });

    await expectOnePostPerSlot({ world, a, b, subscription: subscription!.id, posts: digests, text: visibleText });
  });

  it('retries a post Discord answers with 500s, and delivers it once, later, with what it missed', async () => {
    await setUp();
    const a = await startProcess('A');
    await world.ingest(a.store, SEED.scmp2014);
    await digestCommand(a, ALICE, 'subscribe 09:00 Europe/London');
    await startProcess('B');

    // Three 500s inside discord.js's own retries: delivered on time, once.
    fake.failNext({ method: 'POST', path: '/channels/:id/messages', status: 500, times: 3 });
    expect(await world.sweep(londonNine(0), plus(londonNine(0), 2))).toEqual([{ at: londonNine(0), result: 'posted' }]);
    expect(postsTo(desk).map((r) => r.status)).toEqual([500, 500, 500, 200]);

    // Three posts that fail outright (every call of each, discord.js's 3 retries included).
    await world.ingest(a.store, SEED.itv2018);
    const failures = fake.failNext({ method: 'POST', path: '/channels/:id/messages', status: 500, times: 3 * 4 });
    const slot = londonNine(1);
    // The production policy waits 1, 5 and 15 minutes between attempts.
    expect(await world.sweep(slot, plus(slot, 3))).toEqual([
      { at: slot, result: 'retrying' },
      { at: plus(slot, 1), result: 'retrying' },
    ]);
    await world.ingest(a.store, SEED.et2019); // arrives while the post is being retried
    expect(await world.sweep(plus(slot, 4), plus(slot, 40))).toEqual([
      { at: plus(slot, 6), result: 'retrying' },
      { at: plus(slot, 21), result: 'posted' },
    ]);
    expect(failures.remaining).toBe(0);
    expect(digests()).toHaveLength(2);
    // Every attempt at the slot with the same content, whichever process made it, carried one
    // nonce, enforced; the attempts after an article arrived carry another, so Discord cannot
    // take them for a repeat of an attempt that may have landed without it.
    const attempts = postsTo(desk).slice(4);
    expect(attempts).toHaveLength(3 * 4 + 1);
    const nonces = attempts.map((r) => (r.body as JsonObject).nonce);
    expect(new Set(nonces.slice(0, 2 * 4)).size).toBe(1);
    expect(new Set(nonces.slice(2 * 4)).size).toBe(1);
    expect(nonces[0]).not.toBe(nonces[2 * 4]);
    expect(attempts.every((r) => (r.body as JsonObject).enforce_nonce === true)).toBe(true);
    expect((attempts[0]!.body as JsonObject).nonce).not.toBe((postsTo(desk)[3]!.body as JsonObject).nonce);
    expect(await world.citedIn(visibleText(digests()[1]!))).toEqual([SEED.itv2018, SEED.et2019].sort());
    const [run] = await a.store.digests.runs((await a.store.digests.subscriptions())[0]!.id, 1);
    expect(run).toMatchObject({ slot, state: 'posted', attempts: 4 });
    expect(run!.error).toMatch(/500|Internal Server Error/);

    expect(await world.sweep(plus(slot, 41), londonNine(2), 30)).toEqual([]);
    expect(digests()).toHaveLength(2);
  });

  it('pauses the subscription when the channel is Unknown Channel, tells the subscriber, and never retries', async () => {
    await setUp();
    const a = await startProcess('A');
    await world.ingest(a.store, SEED.scmp2014);
    await digestCommand(a, ALICE, 'subscribe 09:00 Europe/London');
    await startProcess('B');
    fake.makeChannelUnknown(desk);
    expect(await world.sweep(londonNine(0), plus(londonNine(0), 2))).toEqual([{ at: londonNine(0), result: 'gone' }]);

    const dm = fake.messagesIn(fake.dmChannelId(ALICE)).filter((m) => m.authorId === fake.botUserId);
    expect(dm).toHaveLength(1);
    expect(visibleText(dm[0]!)).toMatch(/paused.*Unknown Channel/s);
    expect(dm[0]!.allowedMentions).toEqual({ parse: [] });

    await world.ingest(a.store, SEED.itv2018);
    expect(await world.sweep(plus(londonNine(0), 3), plus(londonNine(3), 60), 10)).toEqual([]);
    expect(postsTo(desk)).toHaveLength(1);
    const [subscription] = await a.store.digests.subscriptions();
    expect(subscription!.paused).toMatchObject({ reason: 'Unknown Channel (10003)' });
    expect((await a.store.digests.runs(subscription!.id, 10)).map((r) => r.state)).toEqual(['gone']);
  });

  it('refuses digest subscribe from a member without Manage Channels, says why, and stores nothing', async () => {
    await setUp();
    const a = await startProcess('A');
    const refused = await digestCommand(a, BOB, 'subscribe 09:00 Europe/London');
    expect(refused.text).toMatch(/Only people who can manage this channel/);
    expect(refused.ephemeral).toBe(true);
    const b = await startProcess('B');
    expect(await a.store.digests.subscriptions()).toEqual([]);
    expect(await b.store.digests.subscriptions()).toEqual([]);
  });

  it('posts every digest with allowedMentions parse [], so article text pings no one', async () => {
    await setUp();
    const a = await startProcess('A');
    const hostile = await world.ingestText(
      a.store,
      'hostile.txt',
      [
        'Harbour closed: @everyone told to stay home',
        '',
        `The harbour authority closed the port on Monday and told @everyone and @here to stay away, in a notice that also named <@${BOB}> and <@&${fake.roleId('Editors')}>.`,
        '',
        'Officials said the port would reopen on Friday once the storm had passed, and @everyone ships were diverted to the north.',
      ].join('\n'),
    );
    await digestCommand(a, ALICE, 'subscribe 09:00 Europe/London');
    await world.ingest(a.store, SEED.itv2018);
    expect(await world.sweep(londonNine(0), plus(londonNine(0), 1))).toEqual([{ at: londonNine(0), result: 'posted' }]);
    const [digest] = digests();
    expect(await world.citedIn(visibleText(digest!))).toEqual([hostile, SEED.itv2018].sort());
    expect(visibleText(digest!)).toMatch(/@everyone|@here/);
    for (const request of postsTo(desk)) expect((request.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(digests().map((m) => m.allowedMentions)).toEqual([{ parse: [] }]);
    expect(digests().some(pings)).toBe(false);
  });
});
