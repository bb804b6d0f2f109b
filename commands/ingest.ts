/**
 * `ingest PATH…`: index files and folders of articles. Incremental: unchanged files write
 * nothing; every file that is skipped is named with the reason. A path that does not exist
 * (or a web address, which `add` takes) is refused before anything is read.
 */
import { existsSync } from 'node:fs';
import { defineCommand } from '../src/core/define-command.ts';
import { UserError } from '../src/core/errors.ts';
import type { ReplyPart } from '../src/core/reply.ts';
import type { IngestReport } from '../src/ingest/report.ts';

/** Long id lists are cut in the text view; `--json` has them all. */
const SHOWN = 20;

export const ingest = defineCommand({
  name: 'ingest',
  description: 'Index files and folders of .txt and .md articles (with an optional sources.json)',
  options: [{ name: 'paths', type: 'string', description: 'files or folders to index', rest: true, multiple: true, required: true }],
  examples: ['ingest seeds/', 'ingest corpus/politics corpus/tech/001.txt'],
  surfaces: ['cli'],
  admin: true,
  async run({ paths }, { store, clock, log }) {
    // A path that is not there is a typing mistake to fix, not a run that added nothing.
    for (const path of paths) {
      if (/^https?:\/\//i.test(path))
        throw new UserError('web-address', `${path.slice(0, 200)} is a web address, not a file or folder: use briefbot add ${path.slice(0, 200)}`, {
          usage: true,
        });
      if (!existsSync(path)) throw new UserError('missing-path', `${path.slice(0, 200)} does not exist: nothing was ingested`, { usage: true });
    }
    // The pipeline is loaded when it runs, so every other command starts without it.
    const [{ ingestPaths }, { defaultIngestWorkers }, { summariseReport }] = await Promise.all([
      import('../src/ingest/ingest.ts'),
      import('../src/ingest/analysis-pool.ts'),
      import('../src/ingest/report.ts'),
    ]);
    const report = await ingestPaths(paths, { store, clock, log, workers: defaultIngestWorkers() });
    return { title: summariseReport(report), parts: describe(report), citations: [], data: { ...report } };
  },
});

function describe(report: IngestReport): ReplyPart[] {
  const parts: ReplyPart[] = [];
  const list = (label: string, lines: readonly string[]) => {
    if (lines.length === 0) return;
    const shown = lines.slice(0, SHOWN);
    const more = lines.length > SHOWN ? [`… and ${lines.length - SHOWN} more (--json lists them all)`] : [];
    parts.push({ kind: 'heading', text: `${label} (${lines.length})` }, { kind: 'lines', lines: [...shown, ...more] });
  };
  list('Added', report.added);
  list('Updated', report.updated);
  list('Removed', report.removed);
  list(
    'Duplicates',
    report.duplicates.map((d) => `${d.id}: duplicate of ${d.of}`),
  );
  list(
    'Skipped',
    report.skipped.map((s) => `${s.path}: ${s.reason}`),
  );
  list(
    'Warnings',
    report.warnings.map((w) => `${w.path}: ${w.message}`),
  );
  return parts;
}
