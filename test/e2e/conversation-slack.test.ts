/**
 * Conversations on Slack, end to end through the real Bolt and the fake Slack: a thread of
 * mentions is one conversation, carried on by a bot started again on the same database.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';
import { systemClock } from '../../src/core/clock.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { scriptedConversation, seededDatabase } from './conversation-scenario.ts';
import { CHANNEL, FAST_RETRY, startSlack, visibleText, type SlackRig } from './slack-harness.ts';

describe('a Slack thread', () => {
  let db: Awaited<ReturnType<typeof seededDatabase>>;
  let store: Store;
  let rig: SlackRig;
  let restarted: SlackAdapter | undefined;
  beforeAll(async () => {
    db = await seededDatabase();
    store = openSqliteStore(db.file);
    rig = await startSlack({ commands: registry, services: { store, clock: systemClock } });
  });
  afterAll(async () => {
    // After the restart the first adapter is already stopped: stop the second and the fake.
    if (restarted) {
      await restarted.stop();
      await rig.fake.stop();
    } else await rig.stop();
    await store.close();
    db.cleanup();
  });

  it('is one conversation: eight follow-ups answered from the right person and article, a stand-alone question untouched, carried on after a restart', async () => {
    let thread: string | undefined;
    const mention = async (text: string, threadTs: string | undefined) => {
      const posted = await rig.exchange(() => rig.fake.http.mention({ text, channel: CHANNEL, ...(threadTs ? { threadTs } : {}) }));
      return {
        posted,
        text: posted
          .filter((m) => m.via !== 'chat.delete')
          .map(visibleText)
          .join('\n'),
      };
    };
    await scriptedConversation({
      async say(text) {
        const { posted, text: shown } = await mention(text, thread);
        thread ??= posted.find((m) => m.threadTs !== undefined)?.threadTs;
        return shown;
      },
      fresh: async (text) => (await mention(text, undefined)).text,
      async restart() {
        await rig.adapter.stop();
        await store.close();
        store = openSqliteStore(db.file);
        restarted = createSlackAdapter({
          config: {
            botToken: rig.fake.botToken,
            signingSecret: rig.fake.signingSecret,
            appToken: undefined,
            apiUrl: rig.fake.apiUrl,
            port: 0,
            commandPrefix: 'briefbot',
            adminUsers: [],
          },
          commands: registry,
          services: { store, clock: systemClock, log: rig.log.logger },
          tuning: { host: '127.0.0.1', retry: FAST_RETRY, workingAfterMs: 60_000, drainMs: 2_000 },
        });
        await restarted.start();
        rig.fake.http.setRequestUrl(restarted.requestUrl!);
      },
    });
  });
});
