/**
 * The PolNeAR section of `npm run eval`: speaker attribution on real political news the bot
 * was not written for (PolNeAR's dev split, or train with POLNEAR_SPLIT=train; its test split
 * is held out). It runs the shared scorer (`../shared/eval/polnear_eval.py`) on the bot's own
 * CLI and turns its summary line into metrics. Without POLNEAR_REPO it says how to get it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { environmentWith, PROJECT_ROOT, type Config } from '../../src/config.ts';
import type { Metric } from './metrics.ts';

/** The acceptance targets of issue 11. */
export const POLNEAR_TARGETS = { found: 0.97, precision: 0.95, speakerRight: 0.85 } as const;

const SCORER = resolve(PROJECT_ROOT, '../shared/eval/polnear_eval.py');
const FOUND = /quotes found (\d+)\/(\d+)/;
const PRECISION = /matching any gold attribution (\d+)\/(\d+)/;
const SPEAKER = /speaker right (\d+)\/(\d+)/;

export interface PolnearSection {
  readonly name: string;
  /** Empty when it did not run; `note` then says why. */
  readonly metrics: readonly Metric[];
  readonly note: string | null;
  /** The scorer's lines for quotations whose speaker was wrong or missing, when asked for. */
  readonly misses: readonly string[];
}

function ratio(name: string, value: number, total: number, min: number): Metric {
  const share = total === 0 ? 0 : value / total;
  return { name, score: `${value}/${total} (${share.toFixed(2)})`, target: `≥ ${min.toFixed(2)}`, pass: share >= min };
}

/**
 * Reads the scorer's last line into metrics.
 * @example parsePolnearSummary('polnear dev: 84 articles; direct quotes found 600/617 (recall 0.97); system quotes matching any gold attribution 980/1015 (precision 0.97); speaker right 480/553 (0.87)')
 *   → [found 600/617, precision 980/1015, speaker right 480/553]
 */
export function parsePolnearSummary(line: string): Metric[] | null {
  const [found, precision, speaker] = [FOUND, PRECISION, SPEAKER].map((pattern) => pattern.exec(line));
  if (!found || !precision || !speaker) return null;
  return [
    ratio('Direct quotes found', Number(found[1]), Number(found[2]), POLNEAR_TARGETS.found),
    ratio('Quotes matching a gold attribution', Number(precision[1]), Number(precision[2]), POLNEAR_TARGETS.precision),
    ratio('Speaker right', Number(speaker[1]), Number(speaker[2]), POLNEAR_TARGETS.speakerRight),
  ];
}

/**
 * Runs the scorer when PolNeAR is configured; otherwise a note on how to get it. `showMisses`
 * asks the scorer for up to that many quotations whose speaker it did not find right.
 */
export function runPolnearSection(polnear: Config['polnear'], showMisses = 0): PolnearSection {
  const name = `Speaker attribution on PolNeAR (${polnear?.split ?? 'dev'} split, real political news)`;
  if (!polnear) {
    return {
      name,
      metrics: [],
      misses: [],
      note: 'Not run: set POLNEAR_REPO to the git dir of a fetched snapshot of networkdynamics/PolNeAR (POLNEAR_SPLIT=train for the train split).',
    };
  }
  if (!existsSync(SCORER))
    return { name, metrics: [], misses: [], note: `Not run: the scorer ${SCORER} is absent (it lives in the shared folder beside the project).` };
  const work = mkdtempSync(join(tmpdir(), 'briefbot-polnear-'));
  try {
    const run = spawnSync('python3', [SCORER, `${process.execPath} ${resolve(PROJECT_ROOT, 'bin/briefbot.js')}`], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: environmentWith({ POLNEAR_REPO: polnear.repo, POLNEAR_SPLIT: polnear.split, EVAL_TMP: work, SHOW_MISSES: String(showMisses) }),
      maxBuffer: 16 * 1024 * 1024,
    });
    const lines = (run.stdout ?? '').trim().split('\n');
    const last = lines.pop() ?? '';
    const metrics = run.status === 0 ? parsePolnearSummary(last) : null;
    if (!metrics)
      return {
        name,
        metrics: [],
        misses: [],
        note: `The scorer failed (exit ${run.status ?? run.error?.message}): ${(run.stderr || last).trim().slice(-300)}`,
      };
    return { name, metrics, note: last, misses: lines.filter((line) => line.startsWith('  miss ')).map((line) => line.trim()) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
