/**
 * One request's answer, from the moment it was acknowledged to the final reply. A fast
 * command shows nothing but its answer. A slow one shows a "working…" message after a
 * moment, replaced by the command's partial replies as they come (at most one edit per
 * `progressEveryMs`, since Slack rate-limits edits), and finally by the answer. Everything
 * sent for one request goes out in order, one call at a time, so a late partial can never
 * overwrite the answer.
 */
import type { Logger } from '../../core/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { renderSlack, type SlackMessage } from '../../render/slack-blocks.ts';
import { describeSlackFailure } from './slack-errors.ts';
import { workingMessage } from './working-message.ts';

/** Where one request's messages go: a response_url (slash commands) or a conversation (mentions, DMs). */
export interface ReplyTarget {
  /** Shows the working message, or replaces the one shown with a newer partial. */
  showWorking(message: SlackMessage): Promise<void>;
  /** Delivers the answer, replacing or removing the working message if one is shown. */
  deliver(messages: readonly SlackMessage[], ephemeral: boolean): Promise<void>;
}

export interface SessionTiming {
  /** A command still running after this long gets a "working…" message. */
  readonly workingAfterMs: number;
  /** At most one update of the working message per this many milliseconds. */
  readonly progressEveryMs: number;
}

export class ReplySession {
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private pending: Reply | null = null;
  private shownAt: number | undefined;
  private done = false;

  constructor(
    private readonly target: ReplyTarget,
    private readonly timing: SessionTiming,
    private readonly log: Logger,
  ) {
    this.timer = setTimeout(() => this.show(), timing.workingAfterMs);
  }

  /** For `CommandContext.progress`: shows this partial reply soon, unless a newer one replaces it first. */
  readonly progress = (partial: Reply): void => {
    if (this.done) return;
    this.pending = partial;
    if (this.shownAt === undefined) {
      this.show();
      return;
    }
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.shownAt + this.timing.progressEveryMs - Date.now());
    this.timer = setTimeout(() => this.show(), wait);
  };

  /**
   * Sends the answer once whatever was already on its way has gone; rejects if it cannot be
   * delivered. `messages`: the reply as already rendered (one page of it, with its buttons).
   */
  async finish(reply: Reply, messages: readonly SlackMessage[] = renderSlack(reply)): Promise<void> {
    this.done = true;
    this.clearTimer();
    await this.chain;
    await this.target.deliver(messages, reply.ephemeral === true);
  }

  /** Stops the timers without sending anything more (the request is being abandoned). */
  cancel(): void {
    this.done = true;
    this.clearTimer();
  }

  private show(): void {
    this.clearTimer();
    if (this.done) return;
    const message = workingMessage(this.pending);
    this.pending = null;
    this.shownAt = Date.now();
    // A working message that fails is not worth failing the answer for: log it and go on.
    this.chain = this.chain.then(() =>
      this.target.showWorking(message).catch((error: unknown) => {
        this.log.warn({ ...describeSlackFailure(error) }, 'could not show the working message');
      }),
    );
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
