/**
 * Two kinds of error. A `UserError` is the user's to fix (a bad option, nothing found): it
 * goes back as a short private message. Anything else is ours: logged once, with its cause,
 * where commands are dispatched, and the user gets an apology with an id.
 */
export interface UserErrorOptions {
  /**
   * The words typed are what must change (a time that is not a time, a command that does not
   * exist), not the world: the CLI exits 2 for these, as for any command line to fix.
   */
  readonly usage?: boolean;
}

export class UserError extends Error {
  override readonly name = 'UserError';
  /** See `UserErrorOptions.usage`. */
  readonly usage: boolean;

  /**
   * @param code a stable identifier for the kind of problem ('empty-question', 'unknown-article')
   * @param message what the user reads: what was wrong and what to do instead
   */
  constructor(
    readonly code: string,
    message: string,
    options: UserErrorOptions = {},
  ) {
    super(message);
    this.usage = options.usage === true;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/**
 * The store cannot be reached for the moment (its database server is down or restarting). Not
 * the user's fault and not a bug: nothing was lost, and asking again shortly works. Engines
 * throw it for lost or refused connections; dispatch answers "the index is unavailable".
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}
