/**
 * Three bot processes (spawned, not three objects in one process) sharing one database and
 * one fake Discord on 127.0.0.1, with an hourly digest whose slots fall due as the test
 * moves the shared clock: each slot is posted exactly once. Then one process is killed
 * (kill -9) while its post is held at the fake; the others carry on, the dead one's slot
 * becomes `uncertain` once its lease runs out and is never posted again, and later slots are
 * posted once each.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { postNonce } from '../../src/adapters/discord/channel-poster.ts';
import { runKey } from '../../src/schedule/delivery.ts';
import { FakeDiscord, type FakeMessage } from '../fakes/discord/index.ts';
import { ALICE, TOKEN, WORLD } from '../fakes/discord/client-harness.ts';
import { SEED, seedFolder } from '../unit/schedule/helpers.ts';
import { plus } from './digest-harness.ts';
import { type Store, startReplicas, testEngines, waitUntil, type Replicas, type TestEngine } from './replicas-harness.ts';

const T0 = '2026-06-01T07:00:00.000Z';
/** The hourly ':30' slot `n` hours after 07:30 UTC. */
const slot = (n: number): string => plus('2026-06-01T07:30:00.000Z', n * 60);
const ARRIVALS = [SEED.itv2018, SEED.newEurope2018, SEED.undated, SEED.et2019] as const;

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

for (const choice of testEngines()) {
  describe(`three bot processes on one ${choice.name}`, () => {
    it('post each digest slot once, and carry on without double-posting when one is killed mid-post', async () => {
      const engine: TestEngine = choice.make();
      cleanups.push(() => engine.dispose());
      const fake = await FakeDiscord.start(WORLD);
      cleanups.push(() => fake.stop());
      const desk = fake.channelId('desk');
      const seeds = seedFolder();
      cleanups.push(() => seeds.remove());
      const store: Store = await engine.open();
      cleanups.push(() => store.close());
      // Indexed before the bots start, so none of them indexes the corpus at start.
      await seeds.add(store, SEED.scmp2014);
      const { record } = await store.digests.saveSubscription(
        { platform: 'discord', workspace: fake.guildIds[0]!, channel: desk },
        { time: ':30', days: [0, 1, 2, 3, 4, 5, 6], timezone: 'UTC', topic: null, empty: 'post' },
        ALICE,
        T0,
      );

      const replicas: Replicas = await startReplicas({
        names: ['A', 'B', 'C'],
        start: T0,
        env: { ...engine.env, BRIEFBOT_CORPUS: seeds.dir, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl },
      });
      cleanups.push(() => replicas.dispose());
      const posts = (): readonly FakeMessage[] => fake.messagesIn(desk).filter((m) => m.authorId === fake.botUserId);
      const runOf = async (iso: string) => (await store.digests.runs(record.id, 20)).find((run) => run.slot === iso);

      /** Moves through one slot; every live process sweeps before it, at it and after it. */
      const throughSlot = async (iso: string): Promise<void> => {
        await replicas.stepTo(plus(iso, -1));
        const before = posts().length;
        await replicas.stepTo(iso);
        await replicas.stepTo(plus(iso, 1));
        // Past the claim's lease: a claim not yet posting could be taken over now.
        await replicas.stepTo(plus(iso, 3));
        expect(posts().length - before, `posts for the slot ${iso}`).toBe(1);
      };

      // Five slots, a new article arriving before each but the first: one post each.
      for (let n = 0; n < 5; n++) {
        if (n > 0) await seeds.add(store, ARRIVALS[n - 1]!);
        await throughSlot(slot(n));
        expect(await runOf(slot(n))).toMatchObject({ state: 'posted', attempts: 1 });
      }
      expect(posts()).toHaveLength(5);

      // The sixth slot: the post is held at Discord, and the process posting it is killed.
      const held = fake.holdNext({ method: 'POST', path: '/channels/:channelId/messages' });
      await replicas.stepTo(plus(slot(5), -1));
      replicas.setClock(slot(5));
      await held.arrived;
      const run = await runOf(slot(5));
      expect(run).toMatchObject({ state: 'posting', attempts: 1 });
      const pid = Number(/:(\d+):[0-9a-f]{8}$/.exec(run?.owner ?? '')?.[1]);
      const victim = await replicas.kill(pid);
      expect(victim.alive).toBe(false);
      // Discord acts on the request though its sender is gone: the digest is in the channel.
      held.release();
      await waitUntil(
        () => (posts().length === 6 ? true : undefined),
        () => `the held post was not created (${posts().length} posts)`,
      );
      expect(replicas.live()).toHaveLength(2);

      // The survivors sweep on; until the post's lease ends the run is left alone…
      await replicas.stepTo(slot(5));
      await replicas.stepTo(plus(slot(5), 5));
      expect(await runOf(slot(5))).toMatchObject({ state: 'posting' });
      // …then it is marked uncertain, and never posted again.
      await replicas.stepTo(plus(slot(5), 11));
      expect(await runOf(slot(5))).toMatchObject({ state: 'uncertain', attempts: 1 });
      await replicas.waitForLine((line) => line.msg.startsWith('a digest post was abandoned mid-way'));
      await replicas.stepTo(plus(slot(5), 30));
      expect(posts()).toHaveLength(6);

      // Later slots: the two survivors post each once ("no new coverage": the channel asked for empty digests).
      for (const n of [6, 7]) {
        await throughSlot(slot(n));
        expect(await runOf(slot(n))).toMatchObject({ state: 'empty', attempts: 1 });
      }
      expect(posts()).toHaveLength(8);
      const runs = await store.digests.runs(record.id, 20);
      expect(runs.map((r) => r.state)).toEqual(['empty', 'empty', 'uncertain', 'posted', 'posted', 'posted', 'posted', 'posted']);
      // Every run was posted by one of the three processes; none by the dead one after it died.
      expect(runs.filter((r) => r.slot > slot(5)).every((r) => !r.owner?.includes(`:${pid}:`))).toBe(true);
      // Each post carried its run's nonce, enforced: whichever process posted, the same one. The
      // killed run recorded no range; it moved no watermark and nothing was indexed after it,
      // so it covered what the next run covers.
      const chronological = [...runs].reverse();
      const ranges = chronological.map((run, n) => (run.toSeq === null ? chronological[n + 1]! : run));
      expect(posts().map((m) => m.nonce)).toEqual(
        chronological.map((run, n) => postNonce(runKey(run, { fromSeq: ranges[n]!.fromSeq, toSeq: ranges[n]!.toSeq ?? 0 }), 0)),
      );
      const bodies = fake.requestsTo('POST', `/channels/${desk}/messages`).map((r) => r.body as { enforce_nonce?: unknown });
      expect(bodies.every((body) => body.enforce_nonce === true)).toBe(true);

      const codes = await replicas.stop();
      for (const replica of replicas.all) {
        expect(
          replica.lines.filter((line) => line.level >= 50),
          `errors logged by ${replica.name}`,
        ).toEqual([]);
        expect(replica.other, `what ${replica.name} said besides its log`).toEqual([]);
      }
      expect(Object.values(codes).sort()).toEqual([0, 0, 'SIGKILL']);
    }, 120_000);
  });
}
