/**
 * Test-side helpers for driving the real discord.js client against the fake: a small
 * newsroom world, a logged-in client, and clean-up of both after each test.
 */
import { Client, Events, GatewayIntentBits, Partials, type ClientEvents, type GatewayIntentBits as Intent, type SendableChannels } from 'discord.js';
import { FakeDiscord, type FakeDiscordOptions } from './index.ts';

export const ALICE = '400000000000000001'; // an editor: her role grants Manage Channels
export const BOB = '400000000000000002'; // a plain member
export const CAROL = '400000000000000003'; // not in the guild; writes to the bot in DMs
export const TOKEN = 'fake-bot-token';

export const ALL_INTENTS: readonly Intent[] = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

export const WORLD: FakeDiscordOptions = {
  token: TOKEN,
  users: [
    { id: ALICE, username: 'alice' },
    { id: BOB, username: 'bob' },
    { id: CAROL, username: 'carol' },
  ],
  guilds: [
    {
      name: 'Newsroom',
      roles: [{ name: 'Editors', permissions: ['ManageChannels'] }],
      channels: [{ name: 'general' }, { name: 'desk', topic: 'the story' }],
      members: [{ userId: ALICE, roles: ['Editors'] }, { userId: BOB }],
    },
  ],
};

const open: { fakes: FakeDiscord[]; clients: Client[] } = { fakes: [], clients: [] };

/** A fake started with `WORLD` (plus overrides), stopped by `closeAll`. */
export async function startFake(options: Partial<FakeDiscordOptions> = {}): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start({ ...WORLD, ...options });
  open.fakes.push(fake);
  return fake;
}

/** An unstarted client pointed at the fake, destroyed by `closeAll`. */
export function clientFor(fake: FakeDiscord, intents: readonly Intent[] = ALL_INTENTS): Client {
  const client = new Client({ intents: [...intents], partials: [Partials.Channel], rest: { api: fake.apiUrl } });
  open.clients.push(client);
  return client;
}

/** A fake with the newsroom world and a logged-in, ready discord.js client. */
export async function connect(
  options: Partial<FakeDiscordOptions> = {},
  intents: readonly Intent[] = ALL_INTENTS,
): Promise<{ fake: FakeDiscord; client: Client<true> }> {
  const fake = await startFake(options);
  const client = clientFor(fake, intents);
  const ready = next(client, Events.ClientReady);
  await client.login(TOKEN);
  await ready;
  return { fake, client: client as Client<true> };
}

/** Destroys every client, then stops every fake: call in afterEach. */
export async function closeAll(): Promise<void> {
  for (const client of open.clients.splice(0)) await client.destroy();
  for (const fake of open.fakes.splice(0)) await fake.stop();
}

/** The next emission of a client event, failing after two seconds. */
export function next<E extends keyof ClientEvents>(client: Client, event: E, timeoutMs = 2_000): Promise<ClientEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    client.once(event, (...args: ClientEvents[E]) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

/** A cached channel the bot can send to; throws when the world has none by that id. */
export function sendable(client: Client, channelId: string): SendableChannels {
  const channel = client.channels.cache.get(channelId);
  if (!channel?.isSendable()) throw new Error(`channel ${channelId} is not a sendable channel in the cache`);
  return channel;
}
