/**
 * The fake Slack Web API as @slack/web-api (the client inside Bolt) sees it: retries on
 * 429 and 5xx, Slack's error codes, Block Kit limits, and the methods an adapter calls.
 */
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.ts';
import { recordingBoltLogger } from './bolt-logger.ts';
import { openNetworkHandles } from './open-handles.ts';

const CHANNEL = 'C0NEWS';

let fake: FakeSlack;
let web: webApi.WebClient;

function clientWith(token: string): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 20 },
    logger: recordingBoltLogger(),
  });
}

beforeEach(async () => {
  fake = await FakeSlack.start({
    users: [
      { id: 'U0ALICE', name: 'alice', tz: 'Europe/London', isAdmin: true },
      { id: 'U0BOB', name: 'bob', tz: 'America/New_York' },
    ],
    channels: [
      { id: CHANNEL, name: 'news' },
      { id: 'C0OUTSIDE', name: 'outside', isMember: false },
    ],
  });
  web = clientWith(fake.botToken);
});

afterEach(async () => {
  await fake.stop();
  expect(await openNetworkHandles()).toEqual([]);
});

describe('the fake Slack Web API', () => {
  it('retries a 429 after the Retry-After delay and then posts', async () => {
    fake.failNext({ method: 'chat.postMessage', status: 429, retryAfter: 1 });
    const result = await web.chat.postMessage({ channel: CHANNEL, text: 'hi' });

    const attempts = fake.callsTo('chat.postMessage');
    expect(result.ok).toBe(true);
    expect(attempts.map((c) => c.outcome.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect(fake.pendingFailures()).toBe(0);
  });

  it('retries 5xx answers within the retry policy', async () => {
    fake.failNext({ method: 'chat.postMessage', status: 503, times: 2 });
    await web.chat.postMessage({ channel: CHANNEL, text: 'hi' });
    expect(fake.callsTo('chat.postMessage').map((c) => c.outcome.status)).toEqual([503, 503, 200]);
  });

  it('fails at once, without retrying, on an ok:false error', async () => {
    fake.failNext({ method: 'chat.postMessage', error: 'channel_not_found' });
    const failure = await web.chat.postMessage({ channel: CHANNEL, text: 'hi' }).catch((e: { data?: { error?: string } }) => e);
    expect(failure).toMatchObject({ data: { error: 'channel_not_found' } });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  const tooBig: readonly (readonly [string, Record<string, unknown>, string])[] = [
    ['51 blocks', { blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }, 'invalid_blocks'],
    ['a section of 3,001 characters', { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3_001) } }] }, 'invalid_blocks'],
    [
      'a context block of 11 elements',
      { blocks: [{ type: 'context', elements: Array.from({ length: 11 }, (_, i) => ({ type: 'mrkdwn', text: `[${i}]` })) }] },
      'invalid_blocks',
    ],
    ['a header of 151 characters', { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] }, 'invalid_blocks'],
    ['an empty section text', { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }] }, 'invalid_blocks'],
    ['a text of 40,001 characters', { text: 't'.repeat(40_001) }, 'msg_too_long'],
  ];

  it.each(tooBig)('rejects a message with %s and records the refusal', async (_name, message, error) => {
    const failure = await web.chat.postMessage({ channel: CHANNEL, text: 'fallback', ...message } as never).catch((e: { data?: unknown }) => e);
    expect(failure).toMatchObject({ data: { ok: false, error } });
    expect(fake.callsTo('chat.postMessage')[0]!.outcome).toMatchObject({ ok: false, error });
    expect(fake.messagesIn(CHANNEL)).toEqual([]);
  });

  it('accepts a message exactly at every limit', async () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(150) } },
      { type: 'section', text: { type: 'mrkdwn', text: 's'.repeat(3_000) } },
      { type: 'context', elements: Array.from({ length: 10 }, (_, i) => ({ type: 'mrkdwn', text: `[${i}]` })) },
      ...Array.from({ length: 47 }, () => ({ type: 'divider' })),
    ];
    const result = await web.chat.postMessage({ channel: CHANNEL, text: 't'.repeat(40_000), blocks });
    expect(result.ok).toBe(true);
    expect(fake.callsTo('chat.postMessage')[0]!.args.blocks).toEqual(blocks);
  });

  it('refuses a wrong token and a bot token for apps.connections.open', async () => {
    const wrong = clientWith('xoxb-not-the-token');
    await expect(wrong.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    const bot = web;
    await expect(bot.apps.connections.open()).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
  });

  it('refuses to post where the bot is not a member or the channel does not exist', async () => {
    await expect(web.chat.postMessage({ channel: 'C0OUTSIDE', text: 'x' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    await expect(web.chat.postMessage({ channel: 'C0NOWHERE', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });

  it('describes users, channels and the team as Slack does', async () => {
    const alice = await web.users.info({ user: 'U0ALICE' });
    const bob = await web.users.info({ user: 'U0BOB' });
    expect(alice.user).toMatchObject({ id: 'U0ALICE', is_admin: true, is_owner: false, tz: 'Europe/London' });
    expect(bob.user?.is_admin).toBe(false);
    expect([-18_000, -14_400]).toContain(bob.user?.tz_offset);
    const info = await web.conversations.info({ channel: CHANNEL });
    expect(info.channel).toMatchObject({ id: CHANNEL, name: 'news', is_channel: true, is_im: false });
    const team = await web.team.info();
    expect(team.team).toMatchObject({ id: fake.identity.teamId });
    await expect(web.users.info({ user: 'U0GHOST' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('opens a DM, then updates and deletes what it posted there', async () => {
    const opened = await web.conversations.open({ users: 'U0BOB' });
    const dm = opened.channel?.id ?? '';
    expect(dm).toBe(fake.dmChannelFor('U0BOB'));

    const posted = await web.chat.postMessage({ channel: dm, text: 'draft' });
    await web.chat.update({ channel: dm, ts: posted.ts ?? '', text: 'final' });
    expect(fake.history(dm)).toMatchObject([{ ts: posted.ts, text: 'final' }]);
    await web.chat.delete({ channel: dm, ts: posted.ts ?? '' });
    expect(fake.history(dm)).toEqual([]);
    expect(fake.messagesIn(dm).map((m) => m.via)).toEqual(['chat.postMessage', 'chat.update', 'chat.delete']);
    await expect(web.chat.update({ channel: dm, ts: posted.ts ?? '', text: 'again' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });
});
