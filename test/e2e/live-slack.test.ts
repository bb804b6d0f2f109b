/**
 * Live coverage on Slack, end to end (issue 14): the real Bolt app against the fake Slack, a
 * news site on the fake web server, `/briefbot-add` typed in a channel, new articles arriving
 * at the next poll of a test clock, in `ask` and in the next digest, an edited article called
 * updated, and a broken feed paused with the channel told once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';
import { FakeSlack } from '../fakes/slack/index.ts';
import { digestWorld, type DigestWorld } from './digest-harness.ts';
import { expectLiveCoverage, openLiveSite, pollerFor, type ChatDriver, type LiveSite } from './live-harness.ts';
import { FAST_RETRY, pings, PREFIX, visibleText } from './slack-harness.ts';

const CHANNEL = 'C0NEWS';
const ALICE = 'U0ALICE'; // a member
const BOSS = 'U0BOSS'; // a workspace admin

let world: DigestWorld;
let fake: FakeSlack;
let live: LiveSite;
let adapter: SlackAdapter | undefined;

afterEach(async () => {
  await adapter?.stop();
  await fake?.stop();
  await live?.close();
  await world?.close();
});

describe('live coverage on Slack', () => {
  it('follows a feed added with a slash command: new articles in ask and the next digest, edits called updated, a broken feed told once', async () => {
    world = digestWorld('2026-06-01T07:00:00Z');
    live = await openLiveSite();
    fake = await FakeSlack.start({
      users: [
        { id: ALICE, name: 'alice' },
        { id: BOSS, name: 'boss', isAdmin: true },
      ],
      channels: [{ id: CHANNEL, name: 'news' }],
    });
    const process = world.open('A');
    const poller = pollerFor(process, world);
    adapter = createSlackAdapter({
      config: {
        botToken: fake.botToken,
        signingSecret: fake.signingSecret,
        appToken: undefined,
        apiUrl: fake.apiUrl,
        port: 0,
        commandPrefix: PREFIX,
        adminUsers: [],
      },
      commands,
      services: { store: process.store, clock: world.clock, log: process.log.logger, digests: process.scheduler.service, feeds: poller.service },
      tuning: { host: '127.0.0.1', retry: FAST_RETRY, workingAfterMs: 60_000, drainMs: 2_000 },
    });
    await adapter.start();
    process.posters.push(adapter.poster);
    const slack = adapter;

    const chat: ChatDriver = {
      async run(command, text, admin) {
        fake.http.setRequestUrl(slack.requestUrl!);
        const mark = fake.messages.length;
        const from = process.log.lines.length;
        const result = await fake.http.slashCommand({ command: `/${PREFIX}-${command}`, text, user: admin ? BOSS : ALICE, channel: CHANNEL });
        expect(result.status).toBe(200);
        await process.log.waitForLine((line) => line.msg === 'answered', from);
        return fake.messages.slice(mark).map(visibleText).join('\n');
      },
      posted: () =>
        fake
          .messagesIn(CHANNEL)
          .filter((m) => m.via === 'chat.postMessage')
          .map(visibleText),
    };
    await expectLiveCoverage({ world, process, poller, live, chat });
    expect(fake.messagesIn(CHANNEL).some(pings)).toBe(false);
  });
});
