/**
 * The terminal chat: a readline loop over the same commands and the same dispatch as every
 * other chat. On a terminal it has a welcome banner, a prompt, history kept across sessions,
 * Tab completion, a "thinking…" spinner for slow answers, Ctrl-C to clear the line (twice to
 * leave) and Ctrl-D or /quit to leave. With piped input it reads line by line, prints only
 * the replies (one blank line between them, nothing else) and ends at the end of the input.
 * Each line is a turn of the session's conversation, so "why?" follows on from the last answer.
 * Besides the CLI, the only place that writes to stdout.
 */
import { clearScreenDown, createInterface, cursorTo, type Interface } from 'node:readline';
import type { PlatformAdapter } from '../../core/adapter.ts';
import type { CommandDefinition } from '../../core/command.ts';
import { converse, DEFAULT_IDLE_MINUTES } from '../../core/conversation/converse.ts';
import { contextFor, type Services } from '../../core/dispatch.ts';
import { renderJsonLine } from '../../render/json.ts';
import { renderTerminal } from '../../render/terminal.ts';
import { styles, wrapWidth } from '../../render/terminal-text.ts';
import { welcomeBanner, type IndexFacts } from './banner.ts';
import { createCompleter, type CompletionLookup } from './completer.ts';
import { HISTORY_SIZE, loadHistory, saveHistory } from './history.ts';
import { withThinking } from './thinking.ts';

export interface ConsoleChatOptions {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };
  /** The registry; the chat offers those whose surfaces include 'chat'. */
  readonly commands: readonly CommandDefinition[];
  readonly services: Services;
  /** NO_COLOR is set. */
  readonly noColor: boolean;
  /** Where history is kept between sessions; null keeps none. */
  readonly historyFile: string | null;
  /** Milliseconds before the spinner shows (tests shorten it). */
  readonly thinkingDelayMs?: number;
  /**
   * The session's conversation: its key in the store (the same key after a restart carries
   * the conversation on) and how long it may stay idle. Default: `console:terminal`, 30 minutes.
   */
  readonly conversation?: { readonly key: string; readonly idleMinutes: number };
  /** Each reply as one line of JSON (`briefbot chat --json`), for scripts. */
  readonly json?: boolean;
}

/** The conversation of the terminal chat when none is named. */
export const TERMINAL_SESSION = 'console:terminal';

/** Lines that end the chat, as the whole line. */
const QUIT_WORDS = new Set(['/quit', '/exit', '/q', 'quit', 'exit']);
const CLEAR_WORD = '/clear';
/** Two Ctrl-C within this long leave the chat. */
const DOUBLE_INTERRUPT_MS = 2000;

/**
 * The terminal chat as a platform adapter: `start()` prints the banner (on a terminal) and
 * starts reading; `finished` resolves when the user leaves or the input ends.
 */
export function createConsoleChat(options: ConsoleChatOptions): PlatformAdapter {
  const { input, output, services } = options;
  const commands = options.commands.filter((c) => c.surfaces.includes('chat'));
  const interactive = input.isTTY === true;
  const onTerminal = output.isTTY === true;
  const style = styles(onTerminal && !options.noColor);
  const width = () => (onTerminal ? wrapWidth(output.columns) : undefined);
  const context = contextFor(services, { platform: 'console', user: null, channel: null, workspace: null, canManageChannel: true });
  let rl: Interface | null = null;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const lookup = cachedLookup(services);
  let replies = 0;
  let quitByWord = false;
  const show = (text: string) => {
    if (text === '') return;
    // Piped: one blank line between replies and none after the last, so a single reply reads
    // exactly as `briefbot <line>` prints it. On a terminal, a blank line before the prompt.
    output.write(interactive ? `${text}\n` : `${replies > 0 ? '\n' : ''}${text}`);
    replies++;
  };

  async function loop(reader: Interface): Promise<void> {
    if (interactive) reader.prompt();
    for await (const line of reader) {
      const text = line.trim();
      if (text === '') {
        if (interactive) reader.prompt();
        continue;
      }
      if (QUIT_WORDS.has(text.toLowerCase())) {
        quitByWord = true;
        break;
      }
      if (text.toLowerCase() === CLEAR_WORD && onTerminal) {
        cursorTo(output, 0, 0);
        clearScreenDown(output);
      } else {
        const conversation = options.conversation ?? { key: TERMINAL_SESSION, idleMinutes: DEFAULT_IDLE_MINUTES };
        const answer = converse({ kind: 'text', text }, conversation.key, commands, context, { idleMinutes: conversation.idleMinutes });
        const result = await withThinking(output, interactive && onTerminal, answer, {
          dim: style.dim,
          ...(options.thinkingDelayMs !== undefined ? { delayMs: options.thinkingDelayMs } : {}),
        });
        if (options.json) output.write(renderJsonLine(result.reply, { command: result.command, outcome: result.outcome }));
        else show(renderTerminal(result.reply, { color: onTerminal && !options.noColor, width: width() }));
      }
      if (interactive) reader.prompt();
    }
  }

  return {
    name: 'console',
    finished,
    async start() {
      if (interactive) output.write(`${welcomeBanner(await indexFacts(services), commands, style, width())}\n`);
      const reader = createInterface({
        input,
        ...(interactive ? { output } : {}),
        terminal: interactive,
        prompt: `${style.bold(style.cyan('briefbot›'))} `,
        historySize: HISTORY_SIZE,
        removeHistoryDuplicates: true,
        ...(interactive
          ? {
              history: loadHistory(options.historyFile, services.log),
              completer: createCompleter(
                commands,
                lookup,
                [...QUIT_WORDS, CLEAR_WORD].filter((w) => w.startsWith('/')),
              ),
            }
          : {}),
      });
      rl = reader;
      if (interactive) {
        reader.on('history', (history: string[]) => saveHistory(options.historyFile, history, services.log));
        reader.on('SIGINT', interruptHandler(reader, output, style.dim));
      }
      output.on('error', () => reader.close());
      loop(reader)
        .catch((error: unknown) => services.log.error({ err: error }, 'the terminal chat stopped'))
        .finally(() => {
          reader.close();
          // Ctrl-D leaves the cursor on the prompt line; a typed /quit has already ended it.
          if (interactive) output.write(quitByWord ? 'Bye.\n' : '\nBye.\n');
          finish();
        });
    },
    async stop() {
      rl?.close();
      await finished;
    },
  };
}

/** Ctrl-C clears a line being typed; on an empty line it says how to leave, and a second one leaves. */
function interruptHandler(reader: Interface, output: NodeJS.WritableStream, dim: (text: string) => string): () => void {
  let last = 0;
  return () => {
    if (reader.line.length > 0) {
      reader.write(null, { ctrl: true, name: 'e' });
      reader.write(null, { ctrl: true, name: 'u' });
      last = 0;
      return;
    }
    const now = Date.now();
    if (now - last < DOUBLE_INTERRUPT_MS) {
      reader.close();
      return;
    }
    last = now;
    output.write(`\n${dim('(To leave, press Ctrl-C again, or Ctrl-D, or type /quit.)')}\n`);
    reader.prompt();
  };
}

async function indexFacts(services: Services): Promise<IndexFacts> {
  const articles = await services.store.listArticles();
  const outlets = new Set(articles.map((a) => a.meta.outlet?.trim().toLowerCase()).filter((o): o is string => Boolean(o)));
  return { articles: articles.length, outlets: outlets.size, dates: articles.map((a) => a.meta.published) };
}

/** Speakers (those quoted) and article ids, read once per session on the first Tab. */
function cachedLookup(services: Services): CompletionLookup {
  const cache = new Map<string, Promise<readonly string[]>>();
  return (kind) => {
    let values = cache.get(kind);
    if (!values) {
      values =
        kind === 'speaker'
          ? services.store.storyEntities().then((all) => all.filter((e) => e.quoteCount > 0).map((e) => e.name))
          : services.store.listArticles().then((all) => all.map((a) => a.id));
      cache.set(kind, values);
    }
    return values;
  };
}
