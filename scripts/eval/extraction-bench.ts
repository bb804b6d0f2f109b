/**
 * ScrapingHub's article-extraction benchmark as the eval reads it: 181 saved pages
 * (`html/ID.html.gz`) and their true article bodies (`ground-truth.json`), from a checkout of
 * the repository or from its bare git directory (read with `git show`, nothing written).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BenchPage {
  readonly id: string;
  readonly url: string;
  readonly truth: string;
  /** The saved page, decoded as the benchmark's own runners decode it (UTF-8). */
  readonly html: string;
}

/**
 * Every page of the benchmark at `dir`, by id.
 *
 * @throws Error naming `dir` when it holds neither a checkout nor a git directory of the benchmark
 */
export function loadExtractionBench(dir: string): BenchPage[] {
  const read = reader(dir);
  const truth = JSON.parse(read('ground-truth.json').toString('utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return Object.entries(truth)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, item]) => ({
      id,
      url: item.url ?? `https://benchmark.invalid/${id}`,
      truth: item.articleBody ?? '',
      html: gunzipSync(read(`html/${id}.html.gz`)).toString('utf8'),
    }));
}

function reader(dir: string): (path: string) => Buffer {
  if (existsSync(join(dir, 'ground-truth.json'))) return (path) => readFileSync(join(dir, path));
  if (existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects'))) {
    return (path) => execFileSync('git', ['--git-dir', dir, 'show', `HEAD:${path}`], { maxBuffer: 64 * 1024 * 1024 });
  }
  throw new Error(`${dir} is not the article-extraction benchmark: expected ground-truth.json and html/ (a checkout) or a git directory`);
}
