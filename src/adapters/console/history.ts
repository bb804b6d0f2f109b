/**
 * The terminal chat's line history, kept in a file beside the database so up/down recalls
 * questions from earlier sessions. Capped, private to the user (mode 600), and never fatal:
 * a history that cannot be read or written only costs the recall.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../../core/logger.ts';

/** Lines kept; older ones are dropped. */
export const HISTORY_SIZE = 500;

/** `data/.briefbot_history` beside `data/briefbot.db`; none for an in-memory database. */
export function historyFileFor(db: string): string | null {
  return db === ':memory:' ? null : join(dirname(db), '.briefbot_history');
}

/**
 * The saved lines, newest first (the order readline wants), at most `HISTORY_SIZE`.
 * A missing or unreadable file is an empty history.
 */
export function loadHistory(file: string | null, log: Logger): string[] {
  if (file === null) return [];
  try {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    return lines.slice(-HISTORY_SIZE).reverse();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn({ err: error, file }, 'cannot read the chat history');
    return [];
  }
}

/** Writes the lines (newest first, as readline keeps them) oldest first, one per line. */
export function saveHistory(file: string | null, history: readonly string[], log: Logger): void {
  if (file === null) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const lines = history
      .slice(0, HISTORY_SIZE)
      .filter((line) => !line.includes('\n'))
      .reverse();
    writeFileSync(file, lines.length > 0 ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (error) {
    log.warn({ err: error, file }, 'cannot save the chat history');
  }
}
