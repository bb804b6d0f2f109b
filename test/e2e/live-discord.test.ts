/**
 * Live coverage on Discord, end to end (issue 14): the real discord.js client against the fake
 * Discord, a news site on the fake web server, `/add` run in #desk, new articles arriving at
 * the next poll of a test clock, in `/ask` and in the next digest, an edited article called
 * updated, and a broken feed paused with the channel told once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { runDiscordDeploy } from '../../src/adapters/discord/deploy-run.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { ALICE, BOB, TOKEN, WORLD } from '../fakes/discord/client-harness.ts';
import { digestWorld, type DigestWorld } from './digest-harness.ts';
import { pings, visibleText } from './discord-harness.ts';
import { expectLiveCoverage, openLiveSite, pollerFor, type ChatDriver, type LiveSite } from './live-harness.ts';

let world: DigestWorld;
let fake: FakeDiscord;
let live: LiveSite;
let adapter: DiscordAdapter | undefined;

afterEach(async () => {
  await adapter?.stop();
  await fake?.stop();
  await live?.close();
  await world?.close();
});

/** The option each command's free text goes to, as its definition names it. */
const TEXT_OPTION: Record<string, string> = { add: 'url', remove: 'url', ask: 'question', digest: 'action' };

describe('live coverage on Discord', () => {
  it('follows a feed added with /add: new articles in ask and the next digest, edits called updated, a broken feed told once', async () => {
    world = digestWorld('2026-06-01T07:00:00Z');
    live = await openLiveSite();
    fake = await FakeDiscord.start(WORLD);
    const desk = fake.channelId('desk');
    const problems: string[] = [];
    await runDiscordDeploy({
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildIds[0]!, DISCORD_API_URL: fake.apiUrl },
      commands,
      write: () => {},
      fail: (line) => problems.push(line),
    });
    expect(problems).toEqual([]);
    const process = world.open('A');
    const poller = pollerFor(process, world);
    adapter = createDiscordAdapter({
      config: { token: TOKEN, applicationId: fake.applicationId, guildId: fake.guildIds[0]!, apiUrl: fake.apiUrl },
      commands,
      services: { store: process.store, clock: world.clock, log: process.log.logger, digests: process.scheduler.service, feeds: poller.service },
      progressIntervalMs: 50,
      stopTimeoutMs: 5_000,
    });
    await adapter.start();
    process.posters.push(adapter.poster);

    const chat: ChatDriver = {
      async run(command, text, admin) {
        const before = new Set(fake.messagesIn(desk).map((m) => m.id));
        const from = process.log.lines.length;
        const name = TEXT_OPTION[command];
        fake.sendInteraction({ name: command, userId: admin ? ALICE : BOB, channelId: desk, options: name && text !== '' ? { [name]: text } : {} });
        await process.log.waitForLine((line) => line.msg === 'answered', from);
        return fake
          .messagesIn(desk)
          .filter((m) => !before.has(m.id) && m.authorId === fake.botUserId)
          .map(visibleText)
          .join('\n');
      },
      posted: () =>
        fake
          .messagesIn(desk)
          .filter((m) => m.authorId === fake.botUserId && m.source === 'channel')
          .map(visibleText),
    };
    await expectLiveCoverage({ world, process, poller, live, chat });
    expect(fake.messagesIn(desk).some(pings)).toBe(false);
  });
});
