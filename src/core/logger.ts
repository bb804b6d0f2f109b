/**
 * The logger the core needs. pino's `Logger` satisfies it; tests pass a silent one.
 * Context goes in the first argument as fields: `log.info({ command, ms }, 'answered')`.
 */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  child(bindings: object): Logger;
}

/** A logger that drops everything, for tests and pure functions' callers that do not care. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};
