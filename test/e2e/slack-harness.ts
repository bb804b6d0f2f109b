/**
 * The Slack adapter, started for real (Bolt's HTTP receiver or Socket Mode) against the fake
 * Slack on 127.0.0.1, with a pino logger whose JSON lines the test keeps. A request is
 * finished when the adapter logs its one `answered` line, so tests wait on that, never on
 * the clock.
 *
 *   const slack = await startSlack({ commands, services });
 *   const messages = await slack.command('ask', { question: 'Who?' });
 *   await slack.stop();
 */
import type { SlackConfig } from '../../src/config.ts';
import type { CommandDefinition } from '../../src/core/command.ts';
import type { Services } from '../../src/core/dispatch.ts';
import type { Logger } from '../../src/core/logger.ts';
import { createSlackAdapter, type SlackAdapter, type SlackTuning } from '../../src/adapters/slack/slack-adapter.ts';
import { slashCommandName } from '../../src/adapters/slack/command-names.ts';
import { FakeSlack, type FakeSlackOptions } from '../fakes/slack/index.ts';
import type { PostedMessage as FakeMessage } from '../fakes/slack/types.ts';
import { recordingLogger } from '../support/recording-logger.ts';
import type { AdapterHarness, PostedMessage } from '../contract/adapter-contract.ts';

export const CHANNEL = 'C0NEWS';
export const USER = 'U0ALICE';
export const PREFIX = 'briefbot';

/** Quick retries, so a test of 429 and 5xx takes milliseconds. */
export const FAST_RETRY = { retries: 3, minTimeoutMs: 5, maxTimeoutMs: 20, factor: 2 } as const;

export type { LogLine } from '../support/recording-logger.ts';

/** A pino logger (the production one, `createLogger`) writing JSON lines into memory. */
export const recordingPinoLogger = recordingLogger;

/**
 * What a user reads in a message: every string of its text and blocks, entities decoded and
 * the invisible characters the renderer inserts to keep text inert (zero-width space, soft
 * hyphen) removed.
 */
export function visibleText(message: Pick<FakeMessage, 'text' | 'blocks'>): string {
  const strings: string[] = [];
  const walk = (value: unknown, key: string | undefined): void => {
    if (typeof value === 'string') {
      if (key === 'text') strings.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(message.blocks ?? [], undefined);
  const body = strings.length > 0 ? strings.join('\n') : (message.text ?? '');
  return body
    .replace(/[\u200B\u00AD]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Whether Slack would notify anyone for this message: a special mention (`<!here>`,
 * `<!channel>`, `<!everyone>`, `<!subteam^…>`), a user mention `<@U…>`, or a bare
 * `@here`/`@channel`/`@everyone` word (which Slack links when link_names is on).
 */
export function pings(message: Pick<FakeMessage, 'text' | 'blocks'>): boolean {
  const raw = `${message.text ?? ''}\n${JSON.stringify(message.blocks ?? [])}`;
  return /<[!@]/.test(raw) || /(?<![\w\u200B])@(here|channel|everyone)\b/i.test(raw);
}

/** The fake's messages as the contract reads them; deletes and superseded working messages dropped. */
export function asPosted(messages: readonly FakeMessage[]): PostedMessage[] {
  return messages.filter((m) => m.via !== 'chat.delete' && !m.deleteOriginal).map((m) => ({ text: visibleText(m), ephemeral: m.ephemeral, pings: pings(m) }));
}

/**
 * The text a Slack user types after a slash command for these options: the free text as is,
 * every other option as `--name "value"`.
 *
 * @example commandText(quote, { speaker: 'Nobody Atall' }) === '--speaker "Nobody Atall"'
 */
export function commandText(command: CommandDefinition | undefined, options: Readonly<Record<string, string | number | boolean>>): string {
  const words: string[] = [];
  let rest = '';
  for (const [name, value] of Object.entries(options)) {
    const spec = command?.options.find((o) => o.name === name);
    if (spec?.rest) rest = String(value);
    else if (typeof value === 'boolean') words.push(value ? `--${name}` : '');
    else words.push(`--${name} "${String(value)}"`);
  }
  return [...words, rest].filter(Boolean).join(' ');
}

export interface SlackRig extends AdapterHarness {
  readonly fake: FakeSlack;
  readonly adapter: SlackAdapter;
  readonly log: ReturnType<typeof recordingPinoLogger>;
  /** Runs `send` and resolves with what the bot sent once the adapter has logged `answered`. */
  exchange(send: () => Promise<unknown>): Promise<readonly FakeMessage[]>;
  /** Sends a raw slash command (any text) and waits for the answer. */
  slash(command: string, text: string): Promise<readonly FakeMessage[]>;
}

export interface RigOptions {
  readonly commands: readonly CommandDefinition[];
  readonly services: Omit<Services, 'log'> & { readonly log?: Logger };
  readonly log?: ReturnType<typeof recordingPinoLogger>;
  readonly socketMode?: boolean;
  readonly tuning?: Partial<SlackTuning>;
  readonly fake?: FakeSlackOptions;
  /** Messages per answer before More (SLACK_MAX_MESSAGES); the default when unset. */
  readonly maxMessages?: number;
}

/** Starts the fake and the adapter wired to it; `stop()` stops both (the adapter first). */
export async function startSlack(options: RigOptions): Promise<SlackRig> {
  const log = options.log ?? recordingPinoLogger();
  const fake = await FakeSlack.start({
    users: [
      { id: USER, name: 'alice', tz: 'Europe/London' },
      { id: 'U0BOSS', name: 'boss', isAdmin: true },
    ],
    channels: [{ id: CHANNEL, name: 'news' }],
    ...options.fake,
  });
  const config: SlackConfig = {
    botToken: fake.botToken,
    signingSecret: options.socketMode ? undefined : fake.signingSecret,
    appToken: options.socketMode ? fake.appToken : undefined,
    apiUrl: fake.apiUrl,
    port: 0,
    commandPrefix: PREFIX,
    adminUsers: [],
    ...(options.maxMessages !== undefined ? { maxMessages: options.maxMessages } : {}),
  };
  const adapter = createSlackAdapter({
    config,
    commands: options.commands,
    services: { ...options.services, log: options.services.log ?? log.logger },
    tuning: { host: '127.0.0.1', retry: FAST_RETRY, workingAfterMs: 60_000, drainMs: 2_000, ...options.tuning },
  });
  await adapter.start();
  if (!options.socketMode) fake.http.setRequestUrl(adapter.requestUrl!);
  const socket = options.socketMode === true;

  const exchange = async (send: () => Promise<unknown>): Promise<readonly FakeMessage[]> => {
    const mark = fake.messages.length;
    const from = log.lines.length;
    await send();
    await log.waitForLine((line) => line.msg === 'answered', from);
    return fake.messages.slice(mark);
  };
  const slash = (command: string, text: string) =>
    exchange(() =>
      socket ? fake.socket.slashCommand({ command, text, channel: CHANNEL }) : fake.http.slashCommand({ command, text, channel: CHANNEL }).then(expectOk),
    );
  return {
    fake,
    adapter,
    log,
    exchange,
    slash,
    async command(name, opts) {
      const command = options.commands.find((c) => c.name === name);
      return asPosted(await slash(slashCommandName(PREFIX, name), commandText(command, opts)));
    },
    async mention(text) {
      return asPosted(
        await exchange(() => (socket ? fake.socket.mention({ text, channel: CHANNEL }) : fake.http.mention({ text, channel: CHANNEL }).then(expectOk))),
      );
    },
    async directMessage(text) {
      return asPosted(await exchange(() => (socket ? fake.socket.directMessage({ text }) : fake.http.directMessage({ text }).then(expectOk))));
    },
    async click(label, as = 'first') {
      const found = newestButton(fake.messages, label);
      if (!found) return [];
      const user = as === 'first' ? USER : 'U0BOSS';
      const input = { actionId: found.actionId, channel: found.channel, user, ...(found.ts ? { messageTs: found.ts } : {}) };
      const mark = fake.messages.length;
      const from = log.lines.length;
      await (socket ? fake.socket.blockAction(input) : fake.http.blockAction(input).then(expectOk));
      await log.waitForLine((line) => line.msg === 'answered a button', from);
      // The More button's own message is edited (its button taken off): that edit is not an answer.
      return asPosted(fake.messages.slice(mark).filter((m) => !m.replaceOriginal));
    },
    async stop() {
      await adapter.stop();
      await fake.stop();
    },
  };
}

/** The newest message with a button whose label matches, as last edited: its action id, channel and ts. */
function newestButton(messages: readonly FakeMessage[], label: RegExp): { actionId: string; channel: string; ts: string | undefined } | null {
  const newer = new Set<string>();
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    // An edit is recorded as a later message with the same ts: older versions are gone.
    if (message.ts !== undefined) {
      if (newer.has(message.ts)) continue;
      newer.add(message.ts);
    }
    if (message.deleteOriginal) continue;
    for (const block of (message.blocks ?? []) as { type?: string; elements?: { action_id?: string; text?: { text?: string } }[] }[]) {
      if (block.type !== 'actions') continue;
      const button = (block.elements ?? []).find((e) => label.test(e.text?.text ?? ''));
      if (button?.action_id) return { actionId: button.action_id, channel: message.channel, ts: message.ts };
    }
  }
  return null;
}

function expectOk(result: { status: number; body: string }): void {
  if (result.status !== 200) throw new Error(`the receiver answered ${result.status}: ${result.body.slice(0, 200)}`);
}
