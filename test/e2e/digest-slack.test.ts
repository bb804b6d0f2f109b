/**
 * Scheduled digests on Slack, end to end (issue 5): two bot processes, each with its own
 * Store on one SQLite file and its own Bolt app against the one fake Slack on 127.0.0.1,
 * subscribed by a real slash command; their schedulers are ticked at a shared test clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';
import { FakeSlack } from '../fakes/slack/index.ts';
import type { PostedMessage } from '../fakes/slack/types.ts';
import { ARRIVALS, digestWorld, expectOnePostPerSlot, londonNine, plus, SEED, type DigestProcess, type DigestWorld } from './digest-harness.ts';
import { FAST_RETRY, pings, PREFIX, visibleText } from './slack-harness.ts';

const CHANNEL = 'C0NEWS';
const ALICE = 'U0ALICE'; // a member: may not manage channels
const BOSS = 'U0BOSS'; // a workspace admin
const EDITOR = 'U0EDITOR'; // named in SLACK_ADMIN_USERS
const DIGEST = `/${PREFIX}-digest`;

interface SlackProcess extends DigestProcess {
  readonly adapter: SlackAdapter;
}

let world: DigestWorld;
let fake: FakeSlack;
const adapters: SlackAdapter[] = [];

afterEach(async () => {
  for (const adapter of adapters.splice(0)) await adapter.stop();
  await fake?.stop();
  await world?.close();
});

async function setUp(processes = 2): Promise<SlackProcess[]> {
  world = digestWorld('2026-06-01T07:00:00Z');
  fake = await FakeSlack.start({
    users: [
      { id: ALICE, name: 'alice', tz: 'Europe/London' },
      { id: BOSS, name: 'boss', isAdmin: true },
      { id: EDITOR, name: 'editor' },
    ],
    channels: [{ id: CHANNEL, name: 'news' }],
  });
  const started: SlackProcess[] = [];
  for (const owner of ['A', 'B'].slice(0, processes)) {
    const process = world.open(owner);
    const adapter = createSlackAdapter({
      config: {
        botToken: fake.botToken,
        signingSecret: fake.signingSecret,
        appToken: undefined,
        apiUrl: fake.apiUrl,
        port: 0,
        commandPrefix: PREFIX,
        adminUsers: [EDITOR],
      },
      commands,
      services: { store: process.store, clock: world.clock, log: process.log.logger, digests: process.scheduler.service },
      tuning: { host: '127.0.0.1', retry: FAST_RETRY, workingAfterMs: 60_000, drainMs: 2_000 },
    });
    await adapter.start();
    adapters.push(adapter);
    process.posters.push(adapter.poster);
    started.push({ ...process, adapter });
  }
  return started;
}

/** `/briefbot-digest TEXT` typed by `user` in the news channel, received by `process`; the bot's answer. */
async function digestCommand(process: SlackProcess, user: string, text: string): Promise<string> {
  fake.http.setRequestUrl(process.adapter.requestUrl!);
  const mark = fake.messages.length;
  const from = process.log.lines.length;
  const result = await fake.http.slashCommand({ command: DIGEST, text, user, channel: CHANNEL });
  expect(result.status).toBe(200);
  await process.log.waitForLine((line) => line.msg === 'answered', from);
  return fake.messages
    .slice(mark)
    .filter((m) => m.channel === CHANNEL)
    .map(visibleText)
    .join('\n');
}

/** The digests posted in the channel (chat.postMessage, as users see them). */
const digests = (): readonly PostedMessage[] => fake.messagesIn(CHANNEL).filter((m) => m.via === 'chat.postMessage');
const postsTo = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

describe('scheduled digests on Slack', () => {
  it('posts one digest per slot from two processes on one database file, each citing only what was new', async () => {
    const [a, b] = await setUp();
    await world.ingest(b!.store, ARRIVALS[0]);
    const answer = await digestCommand(a!, BOSS, 'subscribe 09:00 Europe/London');
    expect(answer).toMatch(/Subscribed to digests/);
    expect(answer).toMatch(/09:00/);
    const [subscription] = await b!.store.digests.subscriptions(); // the other process sees it
    expect(subscription).toMatchObject({ platform: 'slack', workspace: 'T0TEAM', channel: CHANNEL, time: '09:00', timezone: 'Europe/London', createdBy: BOSS });

    await expectOnePostPerSlot({ world, a: a!, b: b!, subscription: subscription!.id, posts: digests, text: visibleText });
    expect(digests().some(pings)).toBe(false);
  });

  it('retries a post Slack answers with 500s, and delivers it once, later, with what it missed', async () => {
    const [a] = await setUp();
    await world.ingest(a!.store, SEED.scmp2014);
    await digestCommand(a!, BOSS, 'subscribe 09:00 Europe/London');

    // Three 500s inside the Web API client's own retries: delivered on time, once.
    fake.failNext({ method: 'chat.postMessage', status: 500, times: 3 });
    expect(await world.sweep(londonNine(0), plus(londonNine(0), 2))).toEqual([{ at: londonNine(0), result: 'posted' }]);
    expect(postsTo(CHANNEL).map((c) => c.outcome.status)).toEqual([500, 500, 500, 200]);

    // Three posts that fail outright (every call of each, retries included): the scheduler retries.
    await world.ingest(a!.store, SEED.itv2018);
    const callsPerPost = FAST_RETRY.retries + 1;
    fake.failNext({ method: 'chat.postMessage', status: 500, times: 3 * callsPerPost });
    const slot = londonNine(1);
    const early = await world.sweep(slot, plus(slot, 3));
    // The production policy waits 1, 5 and 15 minutes between attempts.
    expect(early).toEqual([
      { at: slot, result: 'retrying' },
      { at: plus(slot, 1), result: 'retrying' },
    ]);
    await world.ingest(a!.store, SEED.et2019); // arrives while the post is being retried
    const later = await world.sweep(plus(slot, 4), plus(slot, 40));
    expect(later).toEqual([
      { at: plus(slot, 6), result: 'retrying' },
      { at: plus(slot, 21), result: 'posted' },
    ]);
    expect(fake.pendingFailures()).toBe(0);
    expect(digests()).toHaveLength(2);
    expect(await world.citedIn(visibleText(digests()[1]!))).toEqual([SEED.itv2018, SEED.et2019].sort());
    const [run] = await a!.store.digests.runs((await a!.store.digests.subscriptions())[0]!.id, 1);
    expect(run).toMatchObject({ slot, state: 'posted', attempts: 4 });
    expect(run!.error).toMatch(/500/);

    // Nothing more for that slot, and the next slot has nothing new.
    expect(await world.sweep(plus(slot, 41), londonNine(2), 30)).toEqual([]);
    expect(digests()).toHaveLength(2);
  });

  it('pauses the subscription when Slack says channel_not_found, tells the subscriber, and never retries', async () => {
    const [a] = await setUp();
    await world.ingest(a!.store, SEED.scmp2014);
    await digestCommand(a!, BOSS, 'subscribe 09:00 Europe/London');
    fake.failNext({ method: 'chat.postMessage', error: 'channel_not_found' });
    expect(await world.sweep(londonNine(0), plus(londonNine(0), 2))).toEqual([{ at: londonNine(0), result: 'gone' }]);

    const dm = fake.messagesIn(fake.dmChannelFor(BOSS)).filter((m) => m.via === 'chat.postMessage');
    expect(dm).toHaveLength(1);
    expect(visibleText(dm[0]!)).toMatch(/paused.*channel_not_found/s);
    expect(dm.some(pings)).toBe(false);

    await world.ingest(a!.store, SEED.itv2018);
    expect(await world.sweep(plus(londonNine(0), 3), plus(londonNine(3), 60), 10)).toEqual([]);
    expect(postsTo(CHANNEL)).toHaveLength(1);
    expect(digests()).toEqual([]);
    const [subscription] = await a!.store.digests.subscriptions();
    expect(subscription!.paused).toMatchObject({ reason: 'channel_not_found' });
    expect((await a!.store.digests.runs(subscription!.id, 10)).map((r) => r.state)).toEqual(['gone']);
    expect(await digestCommand(a!, ALICE, 'status')).toMatch(/Paused[\s\S]*channel_not_found/);
  });

  it('refuses digest subscribe from a member who may not manage the channel, says why, and stores nothing', async () => {
    const [a, b] = await setUp();
    const refused = await digestCommand(a!, ALICE, 'subscribe 09:00 Europe/London');
    expect(refused).toMatch(/Only people who can manage this channel/);
    expect(fake.messagesIn(CHANNEL).filter((m) => !m.ephemeral)).toEqual([]); // told privately
    expect(await a!.store.digests.subscriptions()).toEqual([]);
    expect(await b!.store.digests.subscriptions()).toEqual([]);
    // Someone on the bot's admin list may.
    expect(await digestCommand(b!, EDITOR, 'subscribe 09:00 Europe/London')).toMatch(/Subscribed to digests/);
    expect(await a!.store.digests.subscriptions()).toMatchObject([{ createdBy: EDITOR }]);
  });

  it('posts digests whose article text cannot ping anyone', async () => {
    const [a] = await setUp(1);
    const hostile = await world.ingestText(
      a!.store,
      'hostile.txt',
      [
        'Harbour closed: @everyone told to stay home',
        '',
        'The harbour authority closed the port on Monday and told @everyone and @here to stay away, in a notice that also named <!channel> and <@U0ALICE>.',
        '',
        'Officials said the port would reopen on Friday once the storm had passed, and <!here> ships were diverted to the north.',
      ].join('\n'),
    );
    await digestCommand(a!, BOSS, 'subscribe 09:00 Europe/London');
    expect(await world.sweep(londonNine(0), plus(londonNine(0), 1))).toEqual([{ at: londonNine(0), result: 'posted' }]);
    const [digest] = digests();
    expect(await world.citedIn(visibleText(digest!))).toEqual([hostile]);
    expect(visibleText(digest!)).toMatch(/@everyone|@here|<!channel>|<!here>/);
    expect(pings(digest!)).toBe(false);
  });
});
