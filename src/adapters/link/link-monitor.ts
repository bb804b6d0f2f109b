/**
 * The state of the bot's link to one platform, and the log of its changes: each change is one
 * line (`disconnected from Slack` with its cause, `reconnecting to Slack in 30 s`, `reconnected
 * to Slack` with how long it was away), never a line per failed attempt. A new cause (the
 * platform answering HTML where it refused connections before) or a longer wait is a change;
 * the same failure again at the same wait is not.
 *
 *   const link = new LinkMonitor('Slack', log);
 *   link.onConnected(() => scheduler.resume('slack'));
 *   link.up();                                   // "connected to Slack"
 *   link.down('connect ECONNREFUSED');           // "disconnected from Slack"
 *   link.retrying(29_412, 30_000);               // "reconnecting to Slack in 29 s" (not said again at 30 s)
 */
import type { PlatformLink, PlatformRefusedError } from '../../core/adapter.ts';
import type { Logger } from '../../core/logger.ts';

export type LinkState = 'starting' | 'connected' | 'down' | 'refused';

export class LinkMonitor implements PlatformLink {
  #state: LinkState = 'starting';
  #cause: string | null = null;
  #loggedBase: number | null = null;
  #downSince = 0;
  #attempts = 0;
  readonly #listeners: (() => void)[] = [];
  readonly #watchers = new Set<(state: LinkState) => void>();
  #refuse: (error: PlatformRefusedError) => void = () => {};
  readonly refused: Promise<PlatformRefusedError> = new Promise((resolve) => (this.#refuse = resolve));

  constructor(
    /** The platform as people name it: 'Slack', 'Discord'. */
    readonly platform: string,
    private readonly log: Logger,
    /** Milliseconds now, to say how long an outage lasted (the waits' time). */
    private readonly now: () => number = Date.now,
  ) {}

  get state(): LinkState {
    return this.#state;
  }

  onConnected(listener: () => void): void {
    this.#listeners.push(listener);
  }

  /** Hears every change of state, until the returned function is called. */
  watch(watcher: (state: LinkState) => void): () => void {
    this.#watchers.add(watcher);
    return () => this.#watchers.delete(watcher);
  }

  #set(state: LinkState): void {
    this.#state = state;
    for (const watcher of [...this.#watchers]) watcher(state);
  }

  /** The platform answers: logged when it was not connected before, and listeners told. */
  up(): void {
    if (this.#state === 'connected' || this.#state === 'refused') return;
    if (this.#state === 'starting') this.log.info({}, `connected to ${this.platform}`);
    else this.log.info({ downForMs: this.now() - this.#downSince, attempts: this.#attempts }, `reconnected to ${this.platform}`);
    this.#set('connected');
    this.#cause = null;
    this.#loggedBase = null;
    this.#attempts = 0;
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch (error) {
        this.log.error({ err: error }, 'a listener for the reconnection failed');
      }
    }
  }

  /** An attempt failed, or the connection dropped, for `cause` (one line, no secret). */
  down(cause: string): void {
    if (this.#state === 'refused') return;
    this.#attempts += 1;
    if (this.#state !== 'down') {
      this.log.warn({ cause }, this.#state === 'starting' ? `cannot reach ${this.platform}` : `disconnected from ${this.platform}`);
      this.#downSince = this.now();
      this.#set('down');
    } else if (cause !== this.#cause) {
      this.log.warn({ cause, attempts: this.#attempts }, `${this.platform} still unreachable, for another reason`);
      this.#loggedBase = null;
    }
    this.#cause = cause;
  }

  /**
   * The next attempt is `waitMs` away, on a backoff step of `baseMs` before jitter: logged when
   * the step changes, so the waits that grow are each said once and the capped ones not again.
   */
  retrying(waitMs: number, baseMs: number = waitMs): void {
    if (this.#state !== 'down' || baseMs === this.#loggedBase) return;
    this.#loggedBase = baseMs;
    const seconds = Math.max(1, Math.round(waitMs / 1000));
    this.log.info({ waitMs, attempts: this.#attempts }, `reconnecting to ${this.platform} in ${seconds} s`);
  }

  /** The platform refused our credentials: the end of this link. */
  refusedWith(error: PlatformRefusedError): void {
    if (this.#state === 'refused') return;
    this.#set('refused');
    this.#refuse(error);
  }
}
