/**
 * The production pino logger (`createLogger`) writing its JSON lines into memory, for tests
 * that check what was logged (a cause under an error id, never a token) and that wait on a
 * line (an adapter's one `answered` line per request) instead of on the clock.
 */
import { Writable } from 'node:stream';
import type { Logger } from '../../src/core/logger.ts';
import { createLogger } from '../../src/log.ts';
import type { RecordedLog } from '../contract/adapter-contract.ts';

export type LogLine = Readonly<Record<string, unknown>>;

export interface RecordingLogger extends RecordedLog {
  /** Every line as pino wrote it. */
  readonly raw: string[];
  /** The first line from index `from` on that satisfies `predicate`, now or when it is written. */
  waitForLine(predicate: (line: LogLine) => boolean, from?: number, timeoutMs?: number): Promise<LogLine>;
}

export function recordingLogger(): RecordingLogger {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const waiters = new Set<{ predicate: (line: LogLine) => boolean; from: number; resolve: (line: LogLine) => void }>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n').filter(Boolean)) {
        raw.push(text);
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        for (const waiter of [...waiters]) {
          if (lines.length - 1 >= waiter.from && waiter.predicate(line)) {
            waiters.delete(waiter);
            waiter.resolve(line);
          }
        }
      }
      done();
    },
  });
  const logger: Logger = createLogger({ level: 'debug', destination: stream });
  return {
    lines,
    raw,
    logger,
    waitForLine(predicate, from = 0, timeoutMs = 10_000) {
      const found = lines.slice(from).find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<LogLine>((resolve, reject) => {
        const waiter = {
          predicate,
          from,
          resolve: (line: LogLine) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching log line within ${timeoutMs} ms; last lines:\n${raw.slice(-5).join('\n')}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}
