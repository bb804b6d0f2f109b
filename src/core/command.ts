/**
 * A command is declared once and offered everywhere: the Discord command JSON, the Slack
 * manifest, the CLI sub-command, the terminal chat and `help` are all generated from its
 * definition. `run` is a function from parsed options to a `Reply`; it never sees a
 * platform object, an ack or a token.
 */
import type { Clock } from './clock.ts';
import type { AnswerFocus } from './compose/answer-focus.ts';
import type { Logger } from './logger.ts';
import type { Reply } from './reply.ts';
import type { Store } from './ports/store.ts';
import type { DigestService } from './ports/digests.ts';
import type { FeedService } from './ports/feeds.ts';
import type { ProseWriter } from './ports/writer.ts';

export type OptionType = 'string' | 'integer' | 'boolean';

export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  readonly description: string;
  readonly required?: boolean;
  /**
   * Takes the free text after the command name: `ask who founded it?` gives
   * `{ question: 'who founded it?' }`. At most one option of a command is `rest`.
   */
  readonly rest?: boolean;
  /**
   * Takes several values, given as a list: on the CLI, every positional argument (with
   * `rest`) or each repetition of the flag. `ingest a/ b/` gives `{ paths: ['a/', 'b/'] }`.
   */
  readonly multiple?: boolean;
  readonly choices?: readonly string[];
  /** Platforms that can offer completions ask the store for these. */
  readonly autocomplete?: 'speaker' | 'article';
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
}

export type OptionValue = string | number | boolean | readonly string[];
export type ParsedOptions = Readonly<Record<string, OptionValue | undefined>>;

export type Surface = 'chat' | 'cli';
export type Platform = 'cli' | 'console' | 'slack' | 'discord';

/** Who asked, and where: commands use it for permissions and per-channel state, never to reply. */
export interface Invoker {
  readonly platform: Platform;
  readonly user: string | null;
  readonly channel: string | null;
  readonly workspace: string | null;
  /** Whether the platform says this user may manage the channel (Slack admin, Discord Manage Channel). */
  readonly canManageChannel: boolean;
}

/** What a command may use. The composition root builds it; tests build their own. */
export interface CommandContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly invoker: Invoker;
  /** The LLM writer, when one is configured; without it answers are extractive. */
  readonly writer?: ProseWriter;
  /** Digest subscriptions and previews, where the bot runs a scheduler. */
  readonly digests?: DigestService;
  /** Following feeds and indexing pages (`add`, `feeds`, `remove`). */
  readonly feeds?: FeedService;
  /**
   * Shows a partial reply while a slow command works: chat platforms edit a "working…"
   * message (throttled to their limits); the final reply still comes back from `run`.
   */
  readonly progress?: (partial: Reply) => void;
  /**
   * A follow-up in a conversation, read before retrieval: what the answer leaves out (sentences
   * already shown), narrows to (a period) and prefers (the conversation's articles).
   */
  readonly focus?: AnswerFocus;
}

export interface CommandDefinition {
  readonly name: string;
  /** One line, under 100 characters (Discord's limit for a command description). */
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** Whole invocations as a user types them: `ask Who founded the company?`. */
  readonly examples: readonly string[];
  readonly surfaces: readonly Surface[];
  /** Changes the index or others' settings: only for those allowed to manage the bot. */
  readonly admin?: boolean;
  run(options: ParsedOptions, context: CommandContext): Promise<Reply>;
}
