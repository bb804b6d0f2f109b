/**
 * `npm run eval`: indexes the project's seeds/ into a fresh temporary database and scores
 * the result against test/gold/, printing a table per suite and what was missed. Exits 1
 * when a metric misses its acceptance target, so CI can run it as a check.
 */
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/config.ts';
import { summariseReport } from '../src/ingest/report.ts';
import { formatTable } from './eval/metrics.ts';
import { runEval } from './eval/run-eval.ts';

const result = await runEval({ corpusDir: resolve(PROJECT_ROOT, 'seeds'), goldDir: resolve(PROJECT_ROOT, 'test/gold') });
const out: string[] = [`Ingest: ${summariseReport(result.ingest)}`];
for (const skipped of result.ingest.skipped) out.push(`  skipped ${skipped.path}: ${skipped.reason}`);
for (const suite of result.suites) {
  out.push('', suite.name, formatTable(suite.metrics));
  if (suite.misses.length > 0) out.push('', 'Missed:', ...suite.misses.map((line) => `  ${line}`));
}
out.push('', result.pass ? 'All targets met.' : 'Some targets were missed.');
process.stdout.write(`${out.join('\n')}\n`);
process.exitCode = result.pass ? 0 : 1;
