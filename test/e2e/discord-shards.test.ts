/**
 * The Discord adapter sharded, as two replicas run it (DISCORD_SHARDS=0 and =1 with
 * DISCORD_SHARD_COUNT=2): each identifies with its shard, is sent only the guilds Discord's
 * rule gives that shard ((guild_id >> 22) % count), and answers only their commands, so the
 * two never answer one interaction twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { runDiscordDeploy } from '../../src/adapters/discord/deploy-run.ts';
import { loadConfig } from '../../src/config.ts';
import { systemClock } from '../../src/core/clock.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { recordingLogger, type RecordingLogger } from '../support/recording-logger.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { ALICE, TOKEN } from '../fakes/discord/client-harness.ts';

/** Guild ids whose shard of two is 0 and 1: the shard is taken from the bits above the 22nd. */
const ON_SHARD_0 = String(1_000n << 22n);
const ON_SHARD_1 = String(1_001n << 22n);

type Store = ReturnType<typeof openSqliteStore>;

interface Replica {
  readonly adapter: DiscordAdapter;
  readonly log: RecordingLogger;
  readonly store: Store;
}

let fake: FakeDiscord | undefined;
const replicas: Replica[] = [];

afterEach(async () => {
  for (const replica of replicas.splice(0)) {
    await replica.adapter.stop();
    await replica.store.close();
  }
  await fake?.stop();
  fake = undefined;
});

async function startFake(): Promise<FakeDiscord> {
  const started = await FakeDiscord.start({
    token: TOKEN,
    users: [{ id: ALICE, username: 'alice' }],
    guilds: [
      { id: ON_SHARD_0, name: 'Newsroom', channels: [{ name: 'desk' }], members: [{ userId: ALICE }] },
      { id: ON_SHARD_1, name: 'Bureau', channels: [{ name: 'bureau-desk' }], members: [{ userId: ALICE }] },
    ],
  });
  const code = await runDiscordDeploy({
    env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: started.applicationId, DISCORD_API_URL: started.apiUrl },
    commands,
    write: () => {},
    fail: () => {},
  });
  expect(code).toBe(0);
  return started;
}

/** A replica configured as `npm start` would be with these shard settings. */
async function startReplica(running: FakeDiscord, shards: string): Promise<Replica> {
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: running.apiUrl, DISCORD_SHARDS: shards, DISCORD_SHARD_COUNT: '2' }).discord!;
  const log = recordingLogger();
  const store = openSqliteStore(':memory:');
  const adapter = createDiscordAdapter({ config, commands, services: { store, clock: systemClock, log: log.logger }, stopTimeoutMs: 5_000 });
  await adapter.start();
  const replica = { adapter, log, store };
  replicas.push(replica);
  return replica;
}

describe('the Discord adapter, sharded across two replicas', () => {
  it('identifies each replica with its shard and the count', async () => {
    fake = await startFake();
    await startReplica(fake, '0');
    await startReplica(fake, '1');
    expect(fake.identifies.map((identify) => identify.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it("answers a guild's slash command from the replica running its shard only", async () => {
    fake = await startFake();
    const [zero, one] = [await startReplica(fake, '0'), await startReplica(fake, '1')];
    const answered = (replica: Replica) => replica.log.lines.filter((line) => line.msg === 'answered').length;

    fake.sendInteraction({ name: 'help', userId: ALICE, channelId: fake.channelId('bureau-desk') });
    await one.log.waitForLine((line) => line.msg === 'answered');
    fake.sendInteraction({ name: 'help', userId: ALICE, channelId: fake.channelId('desk') });
    await zero.log.waitForLine((line) => line.msg === 'answered');
    await Promise.all([zero.adapter.settled(), one.adapter.settled()]);

    expect([answered(zero), answered(one)]).toEqual([1, 1]);
    expect(fake.messagesIn(fake.channelId('bureau-desk')).filter((m) => m.authorId === fake!.botUserId)).toHaveLength(1);
  });

  it('takes the shard count Discord recommends with DISCORD_SHARDS=auto', async () => {
    fake = await startFake();
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: 'auto' }).discord!;
    const log = recordingLogger();
    const store = openSqliteStore(':memory:');
    const adapter = createDiscordAdapter({ config, commands, services: { store, clock: systemClock, log: log.logger }, stopTimeoutMs: 5_000 });
    replicas.push({ adapter, log, store });
    await adapter.start();
    // The fake's GET /gateway/bot recommends one shard.
    expect(fake.identifies.map((identify) => identify.shard)).toEqual([[0, 1]]);
  });

  it('runs both shards in one process when given both', async () => {
    fake = await startFake();
    const both = await startReplica(fake, '0,1');
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    fake.sendInteraction({ name: 'help', userId: ALICE, channelId: fake.channelId('bureau-desk') });
    fake.sendInteraction({ name: 'help', userId: ALICE, channelId: fake.channelId('desk') });
    const first = await both.log.waitForLine((line) => line.msg === 'answered');
    await both.log.waitForLine((line) => line.msg === 'answered', both.log.lines.indexOf(first) + 1);
  });
});
