/**
 * The Discord adapter, started for real (discord.js's gateway client and REST client) against
 * the fake Discord on 127.0.0.1, with a pino logger whose JSON lines the test keeps. The
 * slash commands are registered first with `npm run discord:deploy`'s code, so interactions
 * arrive typed as on Discord. A question is finished when the adapter logs its one
 * `answered` line, so tests wait on that, never on the clock.
 *
 *   const discord = await startDiscord({ commands, services });
 *   const messages = await discord.command('ask', { question: 'Who?' });
 *   await discord.stop();
 */
import type { DiscordConfig } from '../../src/config.ts';
import type { CommandDefinition } from '../../src/core/command.ts';
import type { Services } from '../../src/core/dispatch.ts';
import type { Logger } from '../../src/core/logger.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { runDiscordDeploy } from '../../src/adapters/discord/deploy-run.ts';
import { FakeDiscord, type FakeDiscordOptions, type FakeMessage, type OptionValue } from '../fakes/discord/index.ts';
import { ALICE, BOB, CAROL, TOKEN, WORLD } from '../fakes/discord/client-harness.ts';
import type { AdapterHarness, PostedMessage } from '../contract/adapter-contract.ts';

export { ALICE, BOB, CAROL, TOKEN };

import { recordingLogger, type LogLine, type RecordingLogger } from '../support/recording-logger.ts';

export { recordingLogger, type LogLine, type RecordingLogger };

/** Every string of a message a user reads: content, embed titles, descriptions, fields, footers. */
export function messageStrings(message: Pick<FakeMessage, 'content' | 'embeds'>): string[] {
  const strings: string[] = [message.content];
  for (const embed of message.embeds) {
    const e = embed as { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } };
    strings.push(e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '');
  }
  return strings.filter((s) => s !== '');
}

/**
 * What a user reads: the strings joined by newlines, with the Markdown backslash escapes and
 * the zero-width spaces the renderer adds to keep text inert taken out again.
 */
export function visibleText(message: Pick<FakeMessage, 'content' | 'embeds'>): string {
  return messageStrings(message)
    .join('\n')
    .replace(/\u200B/g, '')
    .replace(/\\(.)/g, '$1');
}

/** Whether Discord would notify anyone for this message, as the fake computed it. */
export function pings(message: Pick<FakeMessage, 'pings'>): boolean {
  const p = message.pings;
  return p.everyone || p.users.length > 0 || p.roles.length > 0 || p.repliedUser;
}

export function asPosted(messages: readonly FakeMessage[]): PostedMessage[] {
  return messages.map((m) => ({ text: visibleText(m), ephemeral: (m.flags & 64) !== 0, pings: pings(m) }));
}

/** The newest message with a button whose label matches: its id and the button's custom id. */
export function newestButton(messages: readonly FakeMessage[], label: RegExp): { messageId: string; customId: string } | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    for (const row of message.components as { components?: { label?: string; custom_id?: string }[] }[]) {
      const button = (row.components ?? []).find((b) => label.test(b.label ?? ''));
      if (button?.custom_id) return { messageId: message.id, customId: button.custom_id };
    }
  }
  return null;
}

export interface DiscordRig extends AdapterHarness {
  readonly fake: FakeDiscord;
  readonly adapter: DiscordAdapter;
  readonly log: RecordingLogger;
  readonly config: DiscordConfig;
  /** The guild channel where commands and mentions happen. */
  readonly channelId: string;
  /** Runs `send`, waits for the adapter's `answered` line, and returns the bot's new messages in `channelId`, oldest first. */
  exchange(channelId: string, send: () => unknown): Promise<readonly FakeMessage[]>;
  /** Runs `click`, waits for the adapter's `answered a button` line, and returns the bot's new messages in `channelId`. */
  exchangeButton(click: () => unknown): Promise<readonly FakeMessage[]>;
  /** Runs a slash command as `userId` (default Alice, an editor) and returns the bot's messages. */
  slash(name: string, options?: Readonly<Record<string, OptionValue>>, userId?: string): Promise<readonly FakeMessage[]>;
}

export interface RigOptions {
  readonly commands: readonly CommandDefinition[];
  readonly services: Omit<Services, 'log'> & { readonly log?: Logger };
  readonly log?: RecordingLogger;
  readonly fake?: Partial<FakeDiscordOptions>;
  /** Register the slash commands before the bot connects (default true). */
  readonly deploy?: boolean;
  readonly progressIntervalMs?: number;
  /** Messages per answer before More (DISCORD_MAX_MESSAGES); the default when unset. */
  readonly maxMessages?: number;
}

/** Starts the fake, registers the commands in its guild, and starts the adapter against it. */
export async function startDiscord(options: RigOptions): Promise<DiscordRig> {
  const log = options.log ?? recordingLogger();
  const fake = await FakeDiscord.start({ ...WORLD, ...options.fake });
  const guildId = fake.guildIds[0]!;
  const config: DiscordConfig = {
    token: TOKEN,
    applicationId: fake.applicationId,
    guildId,
    apiUrl: fake.apiUrl,
    ...(options.maxMessages !== undefined ? { maxMessages: options.maxMessages } : {}),
  };
  if (options.deploy !== false) {
    const problems: string[] = [];
    const code = await runDiscordDeploy({
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: fake.apiUrl },
      commands: options.commands,
      write: () => {},
      fail: (line) => problems.push(line),
    });
    if (code !== 0) throw new Error(`deploy failed: ${problems.join('; ')}`);
  }
  const adapter = createDiscordAdapter({
    config,
    commands: options.commands,
    services: { ...options.services, log: options.services.log ?? log.logger },
    progressIntervalMs: options.progressIntervalMs ?? 50,
    stopTimeoutMs: 5_000,
  });
  await adapter.start();
  const channelId = fake.channelId('desk');

  const exchange = async (channel: string, send: () => unknown): Promise<readonly FakeMessage[]> => {
    const before = new Set(fake.messagesIn(channel).map((m) => m.id));
    const from = log.lines.length;
    send();
    await log.waitForLine((line) => line.msg === 'answered', from);
    return fake.messagesIn(channel).filter((m) => !before.has(m.id) && m.authorId === fake.botUserId);
  };
  const slash = (name: string, opts: Readonly<Record<string, OptionValue>> = {}, userId = ALICE) =>
    exchange(channelId, () => fake.sendInteraction({ name, userId, channelId, options: opts }));

  const exchangeButton = async (click: () => unknown): Promise<readonly FakeMessage[]> => {
    const before = new Set(fake.messagesIn(channelId).map((m) => m.id));
    const from = log.lines.length;
    click();
    await log.waitForLine((line) => line.msg === 'answered a button', from);
    return fake.messagesIn(channelId).filter((m) => !before.has(m.id) && m.authorId === fake.botUserId);
  };
  return {
    fake,
    adapter,
    log,
    config,
    channelId,
    exchange,
    exchangeButton,
    slash,
    async command(name, opts) {
      return asPosted(await slash(name, opts));
    },
    async mention(text) {
      return asPosted(await exchange(channelId, () => fake.sendMessage({ channelId, authorId: BOB, content: text, mentionBot: true })));
    },
    async directMessage(text) {
      return asPosted(await exchange(fake.dmChannelId(CAROL), () => fake.sendMessage({ dm: true, authorId: CAROL, content: text })));
    },
    async click(label, as = 'first') {
      const found = newestButton(fake.messagesIn(channelId), label);
      if (!found) return [];
      return asPosted(await exchangeButton(() => fake.clickButton({ ...found, userId: as === 'first' ? ALICE : BOB })));
    },
    async stop() {
      await adapter.stop();
      await fake.stop();
    },
  };
}
