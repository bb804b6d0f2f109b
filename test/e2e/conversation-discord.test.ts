/**
 * Conversations on Discord, end to end through the real discord.js and the fake Discord: a
 * reply chain (a mention, then replies to the bot's answers) is one conversation, carried on
 * by a bot started again on the same database.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { systemClock } from '../../src/core/clock.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { scriptedConversation, seededDatabase } from './conversation-scenario.ts';
import { BOB, startDiscord, visibleText, type DiscordRig } from './discord-harness.ts';

describe('a Discord reply chain', () => {
  let db: Awaited<ReturnType<typeof seededDatabase>>;
  let store: Store;
  let rig: DiscordRig;
  let restarted: DiscordAdapter | undefined;
  beforeAll(async () => {
    db = await seededDatabase();
    store = openSqliteStore(db.file);
    rig = await startDiscord({ commands: registry, services: { store, clock: systemClock } });
  });
  afterAll(async () => {
    await restarted?.stop();
    await rig.stop();
    await store.close();
    db.cleanup();
  });

  it('is one conversation: eight follow-ups answered from the right person and article, a stand-alone question untouched, carried on after a restart', async () => {
    let last: string | undefined;
    const mention = async (text: string, replyTo: string | undefined) => {
      const posted = await rig.exchange(rig.channelId, () =>
        rig.fake.sendMessage({ channelId: rig.channelId, authorId: BOB, content: text, mentionBot: true, ...(replyTo ? { replyTo } : {}) }),
      );
      return {
        posted,
        text: posted
          .filter((m) => (m.flags & 64) === 0)
          .map(visibleText)
          .join('\n'),
      };
    };
    await scriptedConversation({
      async say(text) {
        const { posted, text: shown } = await mention(text, last);
        // The user replies to the bot's latest answer: the chain goes on from any of its messages.
        last = posted[posted.length - 1]?.id ?? last;
        return shown;
      },
      fresh: async (text) => (await mention(text, undefined)).text,
      async restart() {
        await rig.adapter.stop();
        await store.close();
        store = openSqliteStore(db.file);
        restarted = createDiscordAdapter({
          config: rig.config,
          commands: registry,
          services: { store, clock: systemClock, log: rig.log.logger },
          progressIntervalMs: 50,
          stopTimeoutMs: 5_000,
        });
        await restarted.start();
      },
    });
  });
});
