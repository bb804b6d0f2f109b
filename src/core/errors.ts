/**
 * Two kinds of error. A `UserError` is the user's to fix (a bad option, nothing found): it
 * goes back as a short private message. Anything else is ours: logged once, with its cause,
 * where commands are dispatched, and the user gets an apology with an id.
 */
export class UserError extends Error {
  override readonly name = 'UserError';

  /**
   * @param code a stable identifier for the kind of problem ('empty-question', 'unknown-article')
   * @param message what the user reads: what was wrong and what to do instead
   * @param options `commandLine`: the command line itself needs fixing (a path that does not
   *   exist), which the CLI reports with exit code 2 as it does a bad option
   */
  constructor(
    readonly code: string,
    message: string,
    readonly options: { readonly commandLine?: boolean } = {},
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
