/**
 * A logger for Bolt (and its WebClient and Socket Mode client) that prints nothing and
 * keeps what was logged, so tests stay quiet yet can still check a warning was raised.
 */
import { LogLevel, type Logger } from '@slack/bolt';

export interface LoggedLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly text: string;
}

export interface RecordingLogger extends Logger {
  readonly lines: readonly LoggedLine[];
}

/** A silent Bolt logger; `logger.lines` holds what Bolt said, e.g. `{ level: 'warn', text: 'http request failed …' }`. */
export function recordingBoltLogger(): RecordingLogger {
  const lines: LoggedLine[] = [];
  const keep =
    (level: LoggedLine['level']) =>
    (...msg: unknown[]) => {
      lines.push({ level, text: msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ') });
    };
  let level: LogLevel = LogLevel.DEBUG;
  return {
    lines,
    debug: keep('debug'),
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
