/**
 * What the composition root needs of a chat platform (Slack, Discord, the terminal chat):
 * start it, stop it, and know when it has ended by itself. An adapter translates its
 * platform's events into `dispatch` calls and renders the replies; the core never sees it.
 */
export interface PlatformAdapter {
  /** 'slack', 'discord', 'console': for logs and messages. */
  readonly name: string;
  /** Connects or starts listening; resolves once it is ready to answer. */
  start(): Promise<void>;
  /** Stops taking new messages, lets answers in flight finish where it can, and releases its resources. */
  stop(): Promise<void>;
  /**
   * Resolves when the adapter ends on its own (the terminal chat when its user leaves with
   * Ctrl-D or /quit): the process then shuts down. Servers that run until stopped leave it out.
   */
  readonly finished?: Promise<void>;
}
