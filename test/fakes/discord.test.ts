/**
 * The fake Discord drives the real, unmodified discord.js client: these tests prove the
 * gateway, the message routes and the failure injection are faithful enough for the Discord
 * adapter's end-to-end tests to mean something. Interactions: discord/interactions.test.ts.
 */
import { ChannelType, DiscordAPIError, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALICE, BOB, CAROL, TOKEN, clientFor, closeAll, connect, next, sendable, startFake } from './discord/client-harness.ts';

afterEach(closeAll);

describe('the gateway', () => {
  it('lets the real client log in with the gateway URL from GET /gateway/bot and become ready with channels cached', async () => {
    const { fake, client } = await connect();

    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', authorization: `Bot ${TOKEN}` });
    expect(fake.identifies).toEqual([expect.objectContaining({ token: TOKEN, intents: 1 | 512 | 4096 | 32768 })]);
    expect(client.user.id).toBe(fake.botUserId);
    expect(client.application.id).toBe(fake.applicationId);
    const desk = client.channels.cache.get(fake.channelId('desk'));
    expect(desk?.type).toBe(ChannelType.GuildText);
    expect(client.guilds.cache.get(fake.guildIds[0]!)?.name).toBe('Newsroom');
  });

  it('answers every heartbeat with an ACK so the client measures a ping', async () => {
    const { fake, client } = await connect({ heartbeatIntervalMs: 40 });

    await vi.waitFor(() => expect(fake.heartbeats).toBeGreaterThanOrEqual(3), { timeout: 2_000 });
    const acks = fake.gatewayFrames.filter((f) => f.direction === 'sent' && f.op === 11).length;
    expect(acks).toBeGreaterThanOrEqual(3);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('resumes the session after asking the client to reconnect, and events still arrive', async () => {
    const { fake, client } = await connect();
    const resumed = next(client, Events.ShardResume, 3_000);

    fake.requestReconnect();
    await resumed;

    expect(fake.resumes).toHaveLength(1);
    expect(fake.identifies).toHaveLength(1);
    const arrived = next(client, Events.MessageCreate);
    fake.sendMessage({ authorId: BOB, content: 'still there?' });
    const [message] = await arrived;
    expect(message.content).toBe('still there?');
  });

  it('refuses an IDENTIFY with a wrong token by closing with 4004', async () => {
    const fake = await startFake();
    const client = clientFor(fake);

    await expect(client.login('not-the-token')).rejects.toThrow();
    expect(fake.requests[0]).toMatchObject({ path: '/gateway/bot', status: 401 });
  });
});

describe('messages', () => {
  it('delivers a guild message that mentions the bot and records the reply with its message_reference', async () => {
    const { fake, client } = await connect();
    client.on(Events.MessageCreate, async (message) => {
      if (message.author.bot || !message.mentions.has(client.user)) return;
      await message.reply({ content: 'Here is what I found @everyone', allowedMentions: { parse: [] } });
    });

    const sent = fake.sendMessage({ channelId: fake.channelId('desk'), authorId: BOB, content: 'what happened?', mentionBot: true });
    const post = await fake.waitForRequest('POST', `/channels/${sent.channelId}/messages`);

    expect(post.body).toMatchObject({ message_reference: { message_id: sent.id }, allowed_mentions: { parse: [] } });
    const reply = fake.messagesIn(sent.channelId).at(-1);
    expect(reply).toMatchObject({
      authorId: fake.botUserId,
      messageReference: { message_id: sent.id },
      allowedMentions: { parse: [] },
      pings: { everyone: false, users: [], roles: [], repliedUser: false },
    });
  });

  it('delivers a DM to a client with Partials.Channel, which answers in the same DM channel', async () => {
    const { fake, client } = await connect();
    client.on(Events.MessageCreate, async (message) => {
      if (message.author.bot || !message.channel.isDMBased()) return;
      await message.channel.send({ content: `You said: ${message.content}`, allowedMentions: { parse: [] } });
    });

    const sent = fake.sendMessage({ dm: true, authorId: CAROL, content: 'hello' });
    const answer = await fake.waitForMessage((m) => m.channelId === sent.channelId && m.authorId === fake.botUserId);

    expect(sent.guildId).toBeUndefined();
    expect(sent.channelId).toBe(fake.dmChannelId(CAROL));
    expect(answer.content).toBe('You said: hello');
  });

  it('blanks message content for a client without the Message Content intent unless the bot is mentioned', async () => {
    const { fake, client } = await connect({}, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const contents: string[] = [];
    client.on(Events.MessageCreate, (message) => void contents.push(message.content));

    fake.sendMessage({ authorId: BOB, content: 'just chatting' });
    fake.sendMessage({ authorId: BOB, content: 'a question', mentionBot: true });
    await vi.waitFor(() => expect(contents).toHaveLength(2));

    expect(contents).toEqual(['', `<@${fake.botUserId}> a question`]);
  });

  it("echoes the bot's own message back over the gateway, as Discord does", async () => {
    const { fake, client } = await connect();
    const echoed = next(client, Events.MessageCreate);

    const sent = await sendable(client, fake.channelId('general')).send('hello, newsroom');

    const [message] = await echoed;
    expect(message.id).toBe(sent.id);
    expect(message.author.id).toBe(fake.botUserId);
  });

  it('retries a send that got a 429 once the wait Discord gave has passed', async () => {
    const { fake, client } = await connect();
    const channelId = fake.channelId('general');
    const rule = fake.failNext({ method: 'POST', path: '/channels/:id/messages', status: 429, retryAfter: 0.3 });
    const channel = sendable(client, channelId);

    await channel.send({ content: 'after the limit', allowedMentions: { parse: [] } });

    const [limited, retried] = fake.requestsTo('POST', `/channels/${channelId}/messages`);
    expect(rule.hits).toBe(1);
    expect(limited).toMatchObject({ status: 429, injected: true, response: { retry_after: 0.3, global: false } });
    expect(retried).toMatchObject({ status: 200, injected: false });
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(300);
  });

  it('returns the first message for a repeated enforced nonce, as Discord does, and a new one when not enforced', async () => {
    const { fake, client } = await connect();
    const channelId = fake.channelId('general');
    const channel = sendable(client, channelId);

    const first = await channel.send({ content: 'once', nonce: 'run-1', enforceNonce: true, allowedMentions: { parse: [] } });
    const again = await channel.send({ content: 'once, retried', nonce: 'run-1', enforceNonce: true, allowedMentions: { parse: [] } });
    expect(again.id).toBe(first.id);
    expect(again.content).toBe('once');
    expect(fake.messagesIn(channelId).map((m) => [m.content, m.nonce])).toEqual([['once', 'run-1']]);

    await channel.send({ content: 'unenforced', nonce: 'run-1', enforceNonce: false, allowedMentions: { parse: [] } });
    await channel.send({ content: 'another run', nonce: 'run-2', enforceNonce: true, allowedMentions: { parse: [] } });
    expect(fake.messagesIn(channelId).map((m) => m.content)).toEqual(['once', 'unenforced', 'another run']);
  });

  it('refuses a nonce longer than 25 characters with 400, as Discord does', async () => {
    const { fake, client } = await connect();
    const channel = sendable(client, fake.channelId('general'));

    const refused = await channel.send({ content: 'x', nonce: 'n'.repeat(26), enforceNonce: true }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(refused).toMatchObject({ status: 400, code: 50035 });
    await channel.send({ content: 'x', nonce: 'n'.repeat(25), enforceNonce: true });
  });

  it('lets discord.js retry a 502 from the proxy and succeed', async () => {
    const { fake, client } = await connect();
    const channel = sendable(client, fake.channelId('general'));
    fake.failNext({ path: /\/messages$/, status: 502 });

    await channel.send('after the outage');

    expect(fake.requestsTo('POST', '/channels/:id/messages').map((r) => r.status)).toEqual([502, 200]);
  });

  it('rejects an over-long embed description with 400 and the path of the problem, as Discord does', async () => {
    const { fake, client } = await connect();
    const channel = sendable(client, fake.channelId('general'));

    const error = await channel.send({ embeds: [{ description: 'x'.repeat(4097) }] }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect((error as Error).message).toContain('embeds[0].description[BASE_TYPE_MAX_LENGTH]');
    expect(fake.messagesIn(fake.channelId('general'))).toEqual([]);
  });

  it('rejects embeds that together exceed 6,000 characters even when each is within its limits', async () => {
    const { fake, client } = await connect();
    const channel = sendable(client, fake.channelId('general'));
    const embeds = [1, 2].map(() => ({ description: 'y'.repeat(3_500) }));

    await expect(channel.send({ embeds })).rejects.toMatchObject({
      status: 400,
      rawError: {
        errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } },
      },
    });
  });

  it('refuses content over 2,000 characters and takes exactly 2,000', async () => {
    const { fake, client } = await connect();
    const channel = sendable(client, fake.channelId('general'));

    await expect(channel.send('z'.repeat(2_001))).rejects.toMatchObject({ status: 400, code: 50035 });
    await channel.send('z'.repeat(2_000));

    expect(fake.messagesIn(fake.channelId('general')).map((m) => m.content.length)).toEqual([2_000]);
  });

  it('records a message sent without allowed_mentions as pinging everyone it names', async () => {
    const { fake, client } = await connect();
    const channel = sendable(client, fake.channelId('general'));

    await channel.send(`@everyone see <@${ALICE}>`);

    const [message] = fake.messagesIn(fake.channelId('general'));
    expect(message?.allowedMentions).toBeUndefined();
    expect(message?.pings).toMatchObject({ everyone: true, users: [ALICE] });
  });

  it('reads multipart uploads: payload_json becomes the body and the files are listed', async () => {
    const { fake, client } = await connect();
    const channel = sendable(client, fake.channelId('general'));

    await channel.send({ content: 'the transcript', files: [{ attachment: Buffer.from('hello world'), name: 'notes.txt' }] });

    const [post] = fake.requestsTo('POST', '/channels/:id/messages');
    expect(post?.body).toMatchObject({ content: 'the transcript' });
    expect(post?.files).toEqual([expect.objectContaining({ filename: 'notes.txt', size: 11 })]);
  });

  it('serves typing, opening a DM, editing a message and fetching the application and users', async () => {
    const { fake, client } = await connect();
    const channel = sendable(client, fake.channelId('general'));

    await channel.sendTyping();
    const message = await channel.send('draft');
    const edited = await message.edit('final');
    const dm = await (await client.users.fetch(CAROL, { force: true })).createDM();
    const application = await client.application.fetch();

    expect(edited.content).toBe('final');
    expect(fake.message(message.id)).toMatchObject({ content: 'final', edits: 1 });
    expect(dm.id).toBe(fake.dmChannelId(CAROL));
    expect(application.id).toBe(fake.applicationId);
    expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('answers 404 Unknown Channel for a channel that has become unknown', async () => {
    const { fake, client } = await connect();
    const channelId = fake.channelId('desk');
    const channel = sendable(client, channelId);
    fake.makeChannelUnknown(channelId);

    await expect(channel.send('anyone?')).rejects.toMatchObject({ status: 404, code: 10003, message: 'Unknown Channel' });
  });
});
