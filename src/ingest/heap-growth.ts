/**
 * How far V8 lets the main thread's heap grow past what its last full collection kept, while
 * ingesting. By default V8 picks a factor of up to four: a first ingest of 100,000 articles keeps
 * some 60–90 MB (the run's fingerprints and files, then the story's first read), and garbage
 * from the analysed articles, which outlive two young collections while they wait for their
 * batch, filled the old generation to 250–290 MB before each full collection; whether the
 * last one came just before the end of a phase decided a peak of 380 or 520 MB. At 1.5 the peak
 * follows what the run holds. `npm start` already runs with the same flag (bin/start.js);
 * setting it here gives the CLI, the bot's watch and the bench's ingest the same behaviour.
 */
import { setFlagsFromString } from 'node:v8';

/** The growth allowed, in percent: the value bin/start.js and package.json's start script pass. */
export const INGEST_HEAP_GROWING_PERCENT = 50;

const FLAG = 'heap-growing-percent';

/**
 * Bounds the heap's growth as above, once per process; a process started with its own
 * `--heap-growing-percent` on its command line keeps it. V8 reads the flag
 * at each full collection, so setting it at run time takes effect from the next one.
 */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  const given = process.execArgv.some((arg) => arg.includes(FLAG) || arg.includes(FLAG.replaceAll('-', '_')));
  if (!given) setFlagsFromString(`--${FLAG}=${INGEST_HEAP_GROWING_PERCENT}`);
}

let bounded = false;
