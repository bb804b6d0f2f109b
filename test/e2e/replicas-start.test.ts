/**
 * Three bot processes (spawned) started at once on a database that does not exist yet: each
 * migrates it or finds it migrated, the corpus ends up indexed once, and all three run.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { TOKEN, WORLD } from '../fakes/discord/client-harness.ts';
import { startReplicas, testEngines } from './replicas-harness.ts';

const SEEDS = resolve(PROJECT_ROOT, 'seeds');

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

for (const choice of testEngines()) {
  describe(`three bot processes started at once on a new ${choice.name}`, () => {
    it('all start, the schema is made once and the corpus indexed once', async () => {
      const engine = choice.make();
      cleanups.push(() => engine.dispose());
      const fake = await FakeDiscord.start(WORLD);
      cleanups.push(() => fake.stop());
      const replicas = await startReplicas({
        names: ['A', 'B', 'C'],
        start: '2026-06-01T07:00:00.000Z',
        env: { ...engine.env, BRIEFBOT_CORPUS: SEEDS, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl },
      });
      cleanups.push(() => replicas.dispose());
      const codes = await replicas.stop();

      for (const replica of replicas.all) {
        expect(
          replica.lines.filter((line) => line.level >= 50),
          `errors logged by ${replica.name}`,
        ).toEqual([]);
        expect(
          replica.other.filter((line) => !line.startsWith('briefbot: ')),
          `what ${replica.name} said besides its log`,
        ).toEqual([]);
        expect(replica.other.join('\n')).not.toMatch(/cannot open the database/);
      }
      expect(Object.values(codes)).toEqual([0, 0, 0]);
      const store = await engine.open();
      try {
        expect(await store.countArticles()).toBe(5);
      } finally {
        await store.close();
      }
    }, 120_000);
  });
}
