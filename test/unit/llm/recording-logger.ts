import type { Logger } from '../../../src/core/logger.ts';

export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly fields: object;
  readonly message: string | undefined;
}

/** A logger that keeps every entry, with the bindings of its children merged in. */
export function recordingLogger(entries: LogEntry[] = [], bindings: object = {}): Logger & { readonly entries: LogEntry[] } {
  const at = (level: LogEntry['level']) => (fields: object, message?: string) => void entries.push({ level, fields: { ...bindings, ...fields }, message });
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => recordingLogger(entries, { ...bindings, ...more }),
  };
}
