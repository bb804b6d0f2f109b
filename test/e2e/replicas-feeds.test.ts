/**
 * Three bot processes (spawned) sharing one database follow one feed on a fake news site on
 * 127.0.0.1: each due time, one of them polls it, not three, and each new article is fetched
 * and indexed once. The shared clock moves through four fifteen-minute intervals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { TOKEN, WORLD } from '../fakes/discord/client-harness.ts';
import { startFakeWebServer } from '../fakes/web/fake-web-server.ts';
import { FERRY, openNewsroom } from '../fakes/web/newsroom.ts';
import { HARBOUR } from '../fakes/web/pages.ts';
import { SEED, seedFolder } from '../unit/schedule/helpers.ts';
import { plus } from './digest-harness.ts';
import { type Store, startReplicas, testEngines, type TestEngine } from './replicas-harness.ts';

const T0 = '2026-06-01T07:00:00.000Z';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

for (const choice of testEngines()) {
  describe(`three bot processes following a feed on one ${choice.name}`, () => {
    it('poll it once per due time, not once per process, and index each new article once', async () => {
      const engine: TestEngine = choice.make();
      cleanups.push(() => engine.dispose());
      const fake = await FakeDiscord.start(WORLD);
      cleanups.push(() => fake.stop());
      const web = await startFakeWebServer();
      cleanups.push(() => web.close());
      const newsroom = openNewsroom(web);
      newsroom.publish(HARBOUR);
      const seeds = seedFolder();
      cleanups.push(() => seeds.remove());
      const store: Store = await engine.open();
      cleanups.push(() => store.close());
      await seeds.add(store, SEED.scmp2014);
      // Followed from the terminal: nobody to tell in a chat.
      const { record } = await store.feeds.addFeed({
        url: newsroom.feedUrl,
        addedFrom: null,
        owner: { platform: 'cli', workspace: '', channel: null, user: null },
        intervalMinutes: 15,
        at: T0,
      });

      const replicas = await startReplicas({
        names: ['A', 'B', 'C'],
        start: T0,
        feeds: true,
        env: {
          ...engine.env,
          BRIEFBOT_CORPUS: seeds.dir,
          BRIEFBOT_ALLOW_PRIVATE_URLS: '1',
          DISCORD_TOKEN: TOKEN,
          DISCORD_API_URL: fake.apiUrl,
        },
      });
      cleanups.push(() => replicas.dispose());
      const feedPolls = () => web.hits('/feed.xml');

      // At start every process sweeps at T0; the feed was due then, and is polled once.
      for (const replica of replicas.all) await replicas.waitForLine((line) => line.msg === 'feed sweep done' && line.at === T0, replica);
      expect(feedPolls()).toBe(1);
      expect(web.hits(`/news/${HARBOUR.slug}`)).toBe(1);

      for (let n = 1; n <= 4; n++) {
        if (n === 2) newsroom.publish(FERRY);
        const due = plus(T0, 15 * n);
        await replicas.stepTo(plus(due, -1));
        expect(feedPolls(), `polls before ${due}`).toBe(n);
        await replicas.stepTo(due);
        await replicas.stepTo(plus(due, 1));
        expect(feedPolls(), `polls after ${due}`).toBe(n + 1);
      }
      expect(web.hits(`/news/${FERRY.slug}`)).toBe(1);
      // Each article indexed once, though three processes could have fetched it.
      const titles = (await store.listArticles()).map((article) => article.meta.title);
      expect(titles.filter((title) => title === HARBOUR.title || title === FERRY.title).sort()).toEqual([FERRY.title, HARBOUR.title].sort());
      expect(await store.feeds.feedById(record.id)).toMatchObject({ failures: 0 });

      const codes = await replicas.stop();
      for (const replica of replicas.all) {
        expect(
          replica.lines.filter((line) => line.level >= 50),
          `errors logged by ${replica.name}`,
        ).toEqual([]);
        expect(replica.other, `what ${replica.name} said besides its log`).toEqual([]);
      }
      expect(Object.values(codes)).toEqual([0, 0, 0]);
    }, 120_000);
  });
}
