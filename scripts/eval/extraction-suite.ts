/**
 * Extraction quality on ScrapingHub's article-extraction benchmark, with its own score
 * (shingle-f1.ts): each page goes through what `add URL` does to a page (Readability on a
 * linkedom DOM, then the cleaner that sets captions, bylines and furniture aside), and the
 * cleaned text is compared with the benchmark's article body. Runs in `npm run eval` when
 * EXTRACTION_BENCH_REPO names the benchmark. Readability.js with jsdom scores F1 0.947 there.
 */
import { cleanArticle } from '../../src/core/clean/index.ts';
import { extractArticle } from '../../src/ingest/web/extract-article.ts';
import type { BenchPage } from './extraction-bench.ts';
import type { SuiteResult } from './run-eval.ts';
import { extractionScore, pageCounts, sameTokens, type Counts } from './shingle-f1.ts';

export const EXTRACTION_F1_TARGET = 0.95;

/**
 * Scores every page; the misses are the pages with the lowest F1 (what to look at next).
 *
 * @example scoreExtraction(loadExtractionBench(dir)).metrics[0] → { name: 'article body F1', score: '0.964', target: '≥ 0.95', pass: true }
 */
export function scoreExtraction(pages: readonly BenchPage[]): SuiteResult {
  const counts: Counts[] = [];
  const exact: boolean[] = [];
  const perPage: { id: string; url: string; f1: number; reason: string | null }[] = [];
  let refused = 0;
  const started = performance.now();
  for (const page of pages) {
    const extraction = extractArticle(page.html, page.url);
    const text = extraction.ok ? cleanArticle(extraction.article.text).text : '';
    if (!extraction.ok) refused++;
    const pageScore = pageCounts(page.truth, text);
    counts.push(pageScore);
    exact.push(sameTokens(page.truth, text));
    const [tp, fp, fn] = pageScore;
    perPage.push({ id: page.id, url: page.url, f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), reason: extraction.ok ? null : extraction.reason });
  }
  const msPerPage = (performance.now() - started) / Math.max(1, pages.length);
  const score = extractionScore(counts, exact);
  const worst = [...perPage].sort((a, b) => a.f1 - b.f1).slice(0, 5);
  return {
    name: `Article extraction (ScrapingHub benchmark, ${pages.length} pages, ${msPerPage.toFixed(0)} ms a page)`,
    metrics: [
      { name: 'article body F1', score: score.f1.toFixed(3), target: `≥ ${EXTRACTION_F1_TARGET}`, pass: score.f1 >= EXTRACTION_F1_TARGET },
      { name: 'precision / recall', score: `${score.precision.toFixed(3)} / ${score.recall.toFixed(3)}`, target: '', pass: true },
      { name: 'pages exactly right', score: score.accuracy.toFixed(3), target: '', pass: true },
      { name: 'pages refused (no article text)', score: `${refused}/${pages.length}`, target: '', pass: true },
    ],
    misses: worst.map((p) => `${p.id.slice(0, 12)} F1 ${p.f1.toFixed(2)} ${p.url}${p.reason ? ` (${p.reason})` : ''}`),
  };
}
