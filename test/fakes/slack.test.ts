/**
 * The fake Slack, proved against the real @slack/bolt: if Bolt works against it the way
 * it works against Slack, the Slack adapter's end-to-end tests can trust it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, SocketModeReceiver } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack, openNetworkHandles, recordingBoltLogger, type FakeSlackOptions } from './slack/index.ts';

const CHANNEL = 'C0NEWS';
const fastRetries = { retries: 3, minTimeout: 10, maxTimeout: 20 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let fake: FakeSlack | undefined;
let app: App | undefined;

afterEach(async () => {
  await app?.stop().catch(() => undefined);
  await fake?.stop();
  app = undefined;
  fake = undefined;
  // Every test also checks that stopping Bolt and the fake leaves nothing listening or connected.
  expect(await openNetworkHandles()).toEqual([]);
});

async function startFake(options: Partial<FakeSlackOptions> = {}): Promise<FakeSlack> {
  fake = await FakeSlack.start({
    ...options,
    users: [
      { id: 'U0ALICE', name: 'alice', tz: 'Europe/London', isAdmin: true },
      { id: 'U0BOB', name: 'bob', tz: 'America/New_York' },
    ],
    channels: [{ id: CHANNEL, name: 'news' }],
  });
  return fake;
}

/** A Bolt app on the default HTTP receiver at 127.0.0.1, wired to the fake. */
async function startHttpApp(slack: FakeSlack, register: (bolt: App) => void): Promise<App> {
  app = new App({
    token: slack.botToken,
    signingSecret: slack.signingSecret,
    logger: recordingBoltLogger(),
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: fastRetries },
  });
  register(app);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  slack.http.setRequestUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  return app;
}

describe('the fake Slack driving Bolt over HTTP', () => {
  it('delivers a signed slash command to app.command, gets the ack as HTTP 200 and receives respond() at the response_url', async () => {
    const slack = await startFake();
    const seen: string[] = [];
    await startHttpApp(slack, (bolt) =>
      bolt.command('/brief-ask', async ({ command, ack, respond }) => {
        seen.push(`${command.user_id} asked ${command.text} in ${command.channel_id}`);
        await ack();
        await respond({ text: `You asked: ${command.text}`, response_type: 'in_channel' });
      }),
    );

    const result = await slack.http.slashCommand({ command: '/brief-ask', text: 'who said it?', user: 'U0BOB', channel: CHANNEL });
    expect(result.status).toBe(200);
    expect(result.ackMs).toBeLessThan(3_000);
    expect(seen).toEqual(['U0BOB asked who said it? in C0NEWS']);

    const call = await slack.waitFor((c) => c.method === 'response_url');
    expect(result.payload.response_url).toBe(`${slack.origin}/respond/${call.responseUrlId}`);
    expect(slack.messagesIn(CHANNEL)).toMatchObject([{ via: 'response_url', text: 'You asked: who said it?', ephemeral: false, replaceOriginal: false }]);
  });

  it('works the same through ExpressReceiver', async () => {
    const slack = await startFake();
    const receiver = new ExpressReceiver({ signingSecret: slack.signingSecret, logger: recordingBoltLogger() });
    app = new App({ token: slack.botToken, receiver, logger: recordingBoltLogger(), clientOptions: { slackApiUrl: slack.apiUrl } });
    app.command('/brief-ask', async ({ ack, respond }) => {
      await ack();
      await respond('via express');
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    slack.http.setRequestUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);

    expect((await slack.http.slashCommand({ command: '/brief-ask' })).status).toBe(200);
    expect((await slack.http.slashCommand({ command: '/brief-ask' }, { signing: 'bad-signature' })).status).toBe(401);
    await slack.waitFor((c) => c.method === 'response_url');
    expect(slack.messages.map((m) => m.text)).toEqual(['via express']);
  });

  it('times the ack separately from slow work done after it', async () => {
    const slack = await startFake();
    await startHttpApp(slack, (bolt) =>
      bolt.command('/brief-slow', async ({ ack, respond }) => {
        await ack();
        await sleep(400);
        await respond('done');
      }),
    );
    const started = Date.now();
    const result = await slack.http.slashCommand({ command: '/brief-slow' });
    const answer = await slack.waitFor((c) => c.method === 'response_url');

    expect(result.ackMs).toBeLessThan(400);
    expect(answer.at - started).toBeGreaterThanOrEqual(400);
    expect(slack.messages).toMatchObject([{ via: 'response_url', text: 'done', ephemeral: true, visibleTo: 'U0ALICE' }]);
  });

  it('shows a text passed to ack() as an ephemeral message to the user who typed the command', async () => {
    const slack = await startFake();
    await startHttpApp(slack, (bolt) => bolt.command('/brief-help', async ({ ack }) => ack('Try /brief-ask')));
    const result = await slack.http.slashCommand({ command: '/brief-help', user: 'U0BOB', channel: CHANNEL });
    expect(result.body).toBe('Try /brief-ask');
    expect(slack.messagesIn(CHANNEL)).toMatchObject([{ via: 'ack', text: 'Try /brief-ask', ephemeral: true, visibleTo: 'U0BOB' }]);
  });

  it('delivers an app_mention to app.event and posts say({ thread_ts }) in the thread of the mention', async () => {
    const slack = await startFake();
    await startHttpApp(slack, (bolt) =>
      bolt.event('app_mention', async ({ event, say }) => {
        await say({ text: `re: ${event.text}`, thread_ts: event.ts });
      }),
    );
    const result = await slack.http.mention({ text: 'what happened?', channel: CHANNEL, user: 'U0BOB' });
    expect(result.status).toBe(200);

    const post = await slack.waitFor((c) => c.method === 'chat.postMessage');
    const mention = result.payload.event as { ts: string };
    expect(post.auth).toBe('bot');
    expect(post.args).toMatchObject({ channel: CHANNEL, thread_ts: mention.ts, text: 're: <@U0BOT> what happened?' });
    expect(slack.messagesIn(CHANNEL)).toMatchObject([{ via: 'chat.postMessage', threadTs: mention.ts }]);
    expect(slack.history(CHANNEL)).toHaveLength(1);
  });

  it('delivers a direct message as a message event with channel_type im', async () => {
    const slack = await startFake();
    const received: string[] = [];
    await startHttpApp(slack, (bolt) =>
      bolt.message(async ({ message, say }) => {
        if ('channel_type' in message && message.channel_type === 'im' && 'text' in message) {
          received.push(message.text ?? '');
          await say('got it');
        }
      }),
    );
    await slack.http.directMessage({ text: 'hello bot', user: 'U0BOB' });
    await slack.waitFor((c) => c.method === 'chat.postMessage');
    expect(received).toEqual(['hello bot']);
    expect(slack.messagesIn(slack.dmChannelFor('U0BOB'))).toMatchObject([{ text: 'got it' }]);
  });

  it('answers the url_verification handshake with the challenge', async () => {
    const slack = await startFake();
    await startHttpApp(slack, () => undefined);
    const result = await slack.http.urlVerification('abc123');
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ challenge: 'abc123' });
  });

  it.each(['bad-signature', 'stale-timestamp', 'unsigned'] as const)('refuses a request signed as %s with 401 and never runs the handler', async (signing) => {
    const slack = await startFake();
    let ran = false;
    await startHttpApp(slack, (bolt) =>
      bolt.command('/brief-ask', async ({ ack }) => {
        ran = true;
        await ack();
      }),
    );
    const result = await slack.http.slashCommand({ command: '/brief-ask', text: 'x' }, { signing });
    expect(result.status).toBe(401);
    expect(ran).toBe(false);
  });

  it('lets respond() fail when the response_url fails, and refuses a sixth use of one response_url', async () => {
    const slack = await startFake();
    const outcomes: string[] = [];
    const handler: { done?: () => void } = {};
    const finished = new Promise<void>((resolve) => (handler.done = resolve));
    await startHttpApp(slack, (bolt) =>
      bolt.command('/brief-ask', async ({ ack, respond }) => {
        await ack();
        for (let i = 0; i < 7; i += 1) {
          await respond(`reply ${i}`).then(
            () => outcomes.push('ok'),
            (error: { response?: { status?: number; data?: unknown } }) => outcomes.push(`${error.response?.status} ${String(error.response?.data)}`),
          );
        }
        handler.done?.();
      }),
    );
    slack.failNext({ method: 'response_url', status: 500 });
    await slack.http.slashCommand({ command: '/brief-ask' });
    await finished;
    expect(outcomes).toEqual(['500 fake Slack answered HTTP 500', 'ok', 'ok', 'ok', 'ok', 'ok', '404 used_url']);
  });

  it('delivers a block action and lets respond({ replace_original }) replace the clicked message', async () => {
    const slack = await startFake();
    await startHttpApp(slack, (bolt) =>
      bolt.action('more', async ({ ack, respond }) => {
        await ack();
        await respond({ text: 'expanded', replace_original: true, response_type: 'in_channel' });
      }),
    );
    const posted = await app!.client.chat.postMessage({ channel: CHANNEL, text: 'short' });
    const result = await slack.http.blockAction({ actionId: 'more', channel: CHANNEL, messageTs: posted.ts });
    expect(result.status).toBe(200);
    await slack.waitFor((c) => c.method === 'response_url');
    expect(slack.history(CHANNEL)).toMatchObject([{ ts: posted.ts, text: 'expanded' }]);
  });
});

describe('the fake Slack in Socket Mode', () => {
  async function startSocketApp(slack: FakeSlack, register: (bolt: App) => void, receiver?: SocketModeReceiver): Promise<App> {
    app = new App({
      token: slack.botToken,
      logger: recordingBoltLogger(),
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: fastRetries },
      ...(receiver ? { receiver, socketMode: true } : { appToken: slack.appToken, socketMode: true }),
    });
    register(app);
    await app.start();
    return app;
  }

  it('lets Bolt connect through apps.connections.open, then acks a slash command envelope', async () => {
    const slack = await startFake();
    const seen: string[] = [];
    await startSocketApp(slack, (bolt) =>
      bolt.command('/brief-ask', async ({ command, ack, respond }) => {
        seen.push(command.text);
        await ack({ text: 'working on it' });
        await respond({ text: 'the answer' });
      }),
    );
    const open = slack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.auth).toBe('app');
    expect(slack.socket.openConnections).toBe(1);

    const { ack } = await slack.socket.slashCommand({ command: '/brief-ask', text: 'who?', channel: CHANNEL });
    expect(seen).toEqual(['who?']);
    expect(ack.type).toBe('slash_commands');
    expect(ack.payload).toEqual({ text: 'working on it' });
    expect(ack.ackMs).toBeLessThan(3_000);
    await slack.waitFor((c) => c.method === 'response_url');
    expect(slack.messagesIn(CHANNEL).map((m) => [m.via, m.text])).toEqual([
      ['ack', 'working on it'],
      ['response_url', 'the answer'],
    ]);
  });

  it('acks an app_mention envelope and posts the threaded answer', async () => {
    const slack = await startFake();
    await startSocketApp(slack, (bolt) =>
      bolt.event('app_mention', async ({ event, say }) => {
        await say({ text: 'answer', thread_ts: event.ts });
      }),
    );
    const { payload, ack } = await slack.socket.mention({ text: 'summary please', channel: CHANNEL });
    expect(ack.type).toBe('events_api');
    const post = await slack.waitFor((c) => c.method === 'chat.postMessage');
    expect(post.args.thread_ts).toBe((payload.event as { ts: string }).ts);
  });

  it('delivers button clicks and direct messages in envelopes', async () => {
    const slack = await startFake();
    const seen: string[] = [];
    await startSocketApp(slack, (bolt) => {
      bolt.action('more', async ({ ack, action }) => {
        seen.push(`clicked ${'value' in action ? action.value : ''}`);
        await ack();
      });
      bolt.message(async ({ message }) => {
        if ('text' in message) seen.push(`dm ${message.text}`);
      });
    });
    expect((await slack.socket.blockAction({ actionId: 'more', value: 'a-42' })).ack.type).toBe('interactive');
    expect((await slack.socket.directMessage({ text: 'hi', user: 'U0BOB' })).ack.type).toBe('events_api');
    expect(seen).toEqual(['clicked a-42', 'dm hi']);
  });

  it('pings the client when asked to, and the client answers with pongs', async () => {
    const slack = await startFake({ socketPingIntervalMs: 50 });
    await startSocketApp(slack, () => undefined);
    await sleep(300);
    expect(slack.socket.pongsReceived).toBeGreaterThanOrEqual(2);
    expect(slack.socket.totalConnections).toBe(1);
  });

  it('answers the client pings, and serves the client again after asking it to reconnect', async () => {
    const slack = await startFake();
    const receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger: recordingBoltLogger(),
      clientPingTimeout: 300,
      installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
    });
    await startSocketApp(slack, (bolt) => bolt.command('/brief-ping', async ({ ack }) => ack()), receiver);
    await sleep(450);
    expect(slack.socket.pingsReceived).toBeGreaterThanOrEqual(2);
    expect(slack.socket.totalConnections).toBe(1);

    slack.socket.requestReconnect();
    await slack.socket.waitForConnection(2, 3_000);
    expect(slack.callsTo('apps.connections.open')).toHaveLength(2);
    expect(slack.socket.openConnections).toBe(1);
    // The server has greeted the new connection; an acked envelope proves the client is on it.
    const { ack } = await slack.socket.slashCommand({ command: '/brief-ping' });
    expect(ack.type).toBe('slash_commands');
  });
});
