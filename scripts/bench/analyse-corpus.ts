/**
 * Analysis alone, on this thread, over a corpus folder: the CPU cost per article of what the
 * ingest's analysis worker does, without reading, hashing or writing. With OUT, writes every
 * analysed article as one JSON line, so two builds can be compared byte for byte.
 * Usage: run-ts.js scripts/bench/analyse-corpus.ts CORPUS_DIR [OUT_FILE] [--limit N] [--rounds N]
 */
import { createWriteStream } from 'node:fs';
import { scanPath } from '../../src/ingest/scan.ts';
import { readArticleBytes, toRawArticle, type SourceArticle } from '../../src/ingest/read-article.ts';
import { analyseRawArticle } from '../../src/ingest/analyse-raw.ts';

const args = process.argv.slice(2);
const option = (name: string): number | undefined => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = Number.parseInt(args[at + 1] ?? '', 10);
  args.splice(at, 2);
  return value;
};
const limit = option('--limit') ?? Number.POSITIVE_INFINITY;
const rounds = option('--rounds') ?? 1;
const [corpusDir, outFile] = args;
if (!corpusDir) throw new Error('usage: analyse-corpus.ts CORPUS_DIR [OUT_FILE] [--limit N] [--rounds N]');

const scan = await scanPath(corpusDir);
const files = [...scan.files].sort((a, b) => (a.path < b.path ? -1 : 1)).slice(0, limit);
const raws: SourceArticle[] = [];
for (const file of files) {
  const read = readArticleBytes(file.path);
  if (!read.ok) continue;
  const raw = toRawArticle(read.bytes, file, {});
  if (raw.ok) raws.push(raw.article);
}

const out = outFile ? createWriteStream(outFile) : null;
const cpu: number[] = [];
for (let round = 0; round < rounds; round++) {
  const before = process.cpuUsage();
  for (const raw of raws) {
    const article = analyseRawArticle(raw, 'h');
    if (out && round === 0) out.write(`${JSON.stringify(article)}\n`);
  }
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
}
out?.end();
const perArticle = cpu.map((ms) => Number((ms / raws.length).toFixed(3)));
process.stdout.write(`${JSON.stringify({ articles: raws.length, cpuMs: cpu.map(Math.round), msPerArticle: perArticle })}\n`);
