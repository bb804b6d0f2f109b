/**
 * A fake Slack on 127.0.0.1 that the real @slack/bolt runs against unmodified.
 *
 * It serves the Web API Bolt calls (`auth.test`, `chat.*`, `conversations.info|open`,
 * `users.info`, `team.info`, `apps.connections.open`), the response_urls behind
 * `respond()`, and Socket Mode; it sends signed slash commands, events and button
 * clicks to Bolt's HTTP receiver; it validates messages against Slack's Block Kit
 * limits; and it fails on request (429 with Retry-After, 5xx, `{ ok: false, error }`).
 *
 * HTTP receiver:
 * ```ts
 * const fake = await FakeSlack.start({ channels: [{ id: 'C1', name: 'news' }] });
 * const app = new App({
 *   token: fake.botToken,
 *   signingSecret: fake.signingSecret,
 *   logger: recordingBoltLogger(),
 *   clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 } },
 * });
 * app.command('/brief-ask', async ({ ack, respond }) => { await ack(); await respond({ text: 'Answer' }); });
 * const server = (await app.start({ port: 0, host: '127.0.0.1' })) as import('node:http').Server;
 * fake.http.setRequestUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
 *
 * const result = await fake.http.slashCommand({ command: '/brief-ask', text: 'who?', channel: 'C1' });
 * // result.status === 200, result.ackMs < 3000
 * await fake.waitFor((c) => c.method === 'response_url');
 * fake.messagesIn('C1'); // [{ via: 'response_url', text: 'Answer', ephemeral: true, … }]
 * await app.stop();
 * await fake.stop();
 * ```
 *
 * Socket Mode: `new App({ token: fake.botToken, appToken: fake.appToken, socketMode: true,
 * clientOptions: { slackApiUrl: fake.apiUrl } })`; `await app.start()` returns once the
 * fake said `hello`; then `const { ack } = await fake.socket.slashCommand({ command })`.
 * Stop the app before the fake, or its client will try to reconnect.
 */
export { FakeSlack } from './fake-slack.ts';
export { recordingBoltLogger, type LoggedLine, type RecordingLogger } from './bolt-logger.ts';
export { checkMessage, SLACK_LIMITS, type MessageCheck } from './block-validation.ts';
export { signSlackRequest, type Encoding } from './signed-delivery.ts';
export type { HttpDriver } from './http-driver.ts';
export type { SocketDriver, SocketDelivery, SocketSendOptions } from './socket-driver.ts';
export type { EnvelopeType } from './socket-mode-server.ts';
export type { Identity } from './web-api-methods.ts';
export type { LiveMessage } from './workspace.ts';
export type * from './types.ts';
export { openNetworkHandles } from './open-handles.ts';
