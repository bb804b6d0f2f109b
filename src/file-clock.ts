/**
 * A clock read from a file (BRIEFBOT_TEST_CLOCK_FILE): end-to-end tests that spawn several bot
 * processes move one shared time by rewriting the file, so every process sees each digest slot
 * fall due together without the test waiting an hour. Only tests set it.
 */
import { readFileSync } from 'node:fs';
import type { Clock } from './core/clock.ts';

/**
 * Reads the file at each `now()`, so a rewrite is seen at once. A file being rewritten (empty
 * or cut short) leaves the time it last held.
 *
 * @example fileClock('/tmp/clock') // the file holds "2026-06-01T07:30:00.000Z" → now() is that instant
 * @throws when the file does not hold a time the first time it is read
 */
export function fileClock(file: string): Clock {
  let last: number | undefined;
  const read = (): number => {
    let text = '';
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (error) {
      if (last === undefined) throw error;
    }
    const time = Date.parse(text);
    if (Number.isNaN(time)) {
      if (last === undefined) throw new Error(`the test clock file ${file} does not hold an ISO time`);
      return last;
    }
    last = time;
    return time;
  };
  read();
  return { now: () => new Date(read()) };
}
