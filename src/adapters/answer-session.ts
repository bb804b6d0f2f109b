/**
 * One answer, the same on every chat platform: acknowledge the request at once (Slack's ack,
 * Discord's deferReply), run the command with previews of its partial replies (a "working…"
 * message where the platform shows none of its own, throttled to the platform's edit limits),
 * deliver the final reply, and when something fails, apologise to the asker with an error id
 * that the log line carries too. Everything sent for one request goes out in order, one call
 * at a time, so a late preview can never overwrite the answer. Adapters supply the outlet (where
 * messages go) and the rendering; commands never see any of it.
 *
 *   await answerSession(outlet, (progress) => dispatch(command, options, { ...context, progress }), {
 *     render: renderSlack, preview: workingMessage, workingAfterMs: 1500, previewEveryMs: 1000,
 *     log, via: 'slash-command', describeError: describeSlackFailure,
 *   });
 */
import { performance } from 'node:perf_hooks';
import type { DispatchResult } from '../core/dispatch.ts';
import { newErrorId } from '../core/error-id.ts';
import type { Logger } from '../core/logger.ts';
import type { Reply } from '../core/reply.ts';
import { throttledEditor } from './throttled-editor.ts';

/** Where one answer goes, in the platform's own message shape `M`. */
export interface AnswerOutlet<M> {
  /** Tells the platform the request arrived, before any work (Slack's three seconds, Discord's). */
  acknowledge(): Promise<void>;
  /** Shows, or replaces, the message standing in for the answer while it is worked out. */
  preview(message: M): Promise<void>;
  /** Delivers the answer's messages in order; `reply.ephemeral` says whether only the asker sees them. */
  deliver(messages: readonly M[], reply: Reply): Promise<void>;
  /** Tells the asker, briefly and privately, that the answer could not be given. */
  apologise(message: M): Promise<void>;
}

/** What the work resolves to: a dispatch's result, or the parts of one an adapter decided itself. */
export type AnswerResult = Pick<DispatchResult, 'reply' | 'outcome' | 'command' | 'code' | 'errorId'>;

export interface AnswerSessionOptions<M> {
  /** The final reply as the platform's messages, each within its limits. */
  readonly render: (reply: Reply) => readonly M[];
  /**
   * The final answer's messages when the adapter shapes them itself (one page of a long answer,
   * with its buttons: answer-pages.ts); `render` when absent, or when this fails.
   */
  readonly messagesFor?: (result: AnswerResult) => Promise<readonly M[]>;
  /** What stands in for the answer: `null` for a plain "working on it", else a partial reply. */
  readonly preview: (partial: Reply | null) => M;
  /** Show the plain working message after this long without a partial; undefined: the platform shows its own. */
  readonly workingAfterMs?: number;
  /** At most one preview per this many milliseconds. */
  readonly previewEveryMs: number;
  readonly log: Logger;
  /** How the request came ('slash-command', 'mention', 'dm' …), for the log. */
  readonly via: string;
  /** A platform error as log fields: its cause, never a token or a capability URL. */
  readonly describeError: (error: unknown) => object;
}

/**
 * Runs one answer to the end; never rejects. Logs one `answered` line with how it came, the
 * command, the outcome, the milliseconds from arrival to delivery, whether it was delivered and
 * in how many messages.
 */
export async function answerSession<M>(
  outlet: AnswerOutlet<M>,
  work: (progress: (partial: Reply) => void) => Promise<AnswerResult>,
  options: AnswerSessionOptions<M>,
): Promise<void> {
  const { log } = options;
  const started = performance.now();
  try {
    await outlet.acknowledge();
  } catch (error) {
    log.error({ ...options.describeError(error), via: options.via }, 'could not acknowledge the request');
    return;
  }
  const previews = throttledEditor(
    (partial: Reply | null) => outlet.preview(options.preview(partial)),
    options.previewEveryMs,
    // A preview that fails is not worth failing the answer for.
    (error) => log.warn({ ...options.describeError(error) }, 'could not show a preview of the answer'),
  );
  let working: NodeJS.Timeout | undefined = options.workingAfterMs === undefined ? undefined : setTimeout(() => previews.update(null), options.workingAfterMs);
  const stopWorking = () => {
    clearTimeout(working);
    working = undefined;
  };
  let result: AnswerResult;
  try {
    result = await work((partial) => {
      stopWorking();
      previews.update(partial);
    });
  } catch (error) {
    // dispatch never throws for a command's sake; this is the adapter's own failure (who asked, a lookup).
    const errorId = newErrorId();
    log.error(
      { err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error), errorId, via: options.via },
      'handling a request failed',
    );
    result = {
      reply: apology(
        `Sorry, something went wrong while answering (error ${errorId}). It has been logged; please try again, and mention the error id if it keeps happening.`,
      ),
      outcome: 'internal-error',
      command: null,
      code: 'internal',
      errorId,
    };
  } finally {
    stopWorking();
    await previews.close();
  }
  const final = result;
  const messages = options.messagesFor
    ? await options.messagesFor(final).catch((error: unknown) => {
        log.warn({ ...options.describeError(error) }, 'could not shape the answer into pages; posting it whole');
        return options.render(final.reply);
      })
    : options.render(result.reply);
  let delivered = true;
  let errorId = result.errorId;
  try {
    await outlet.deliver(messages, result.reply);
  } catch (error) {
    delivered = false;
    errorId = newErrorId();
    log.error({ ...options.describeError(error), errorId, via: options.via, command: result.command }, 'could not deliver the answer');
    const sorry = options.render(apology(`Sorry, the answer could not be posted here (error ${errorId}). Please try again in a moment.`))[0];
    if (sorry !== undefined)
      await outlet.apologise(sorry).catch((again: unknown) => log.warn({ ...options.describeError(again), errorId }, 'could not post the apology either'));
  }
  log.info(
    {
      via: options.via,
      command: result.command,
      outcome: result.outcome,
      ms: Math.round(performance.now() - started),
      delivered,
      messages: messages.length,
      ...(result.code ? { code: result.code } : {}),
      ...(errorId ? { errorId } : {}),
    },
    'answered',
  );
}

function apology(notice: string): Reply {
  return { parts: [], citations: [], notice, ephemeral: true };
}
