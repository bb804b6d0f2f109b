/**
 * The story-index suite: quotations and structure of the seeds against the gold, with the
 * acceptance thresholds of the story index. Pure: it scores what it is given.
 */
import type { Gold } from './gold.ts';
import { atLeast, atMost, type Metric } from './metrics.ts';
import { scoreQuotes, type QuoteScore, type SystemQuote } from './score-quotes.ts';
import { scoreStructure, type SourceLines, type StructureScore, type SystemArticle } from './score-structure.ts';

/** What the story index must reach on the seeds. */
export const SEED_ACCEPTANCE = {
  speakersRight: 21,
  notQuotesAttributed: 0,
  boilerplateLeaked: 0,
  contentLost: 0,
} as const;

export interface SeedIndexResult {
  readonly metrics: readonly Metric[];
  readonly quotes: QuoteScore;
  readonly structure: StructureScore;
  /** What went wrong, one line each, for people improving the analysis. */
  readonly misses: readonly string[];
}

/** Scores the seeds' quotations and structure and checks them against the acceptance. */
export function scoreSeedIndex(gold: Gold, quotes: readonly SystemQuote[], articles: readonly SystemArticle[], sources: SourceLines): SeedIndexResult {
  const q = scoreQuotes(gold.quotes, quotes);
  const s = scoreStructure(gold.structure, articles, sources);
  const metrics: Metric[] = [
    atLeast('Quotes found', q.found, q.labelled, SEED_ACCEPTANCE.speakersRight),
    atLeast('Speakers right', q.speakersRight, q.labelled, SEED_ACCEPTANCE.speakersRight),
    atMost('Not-quotes attributed', q.notQuotesAttributed, q.notQuotes, SEED_ACCEPTANCE.notQuotesAttributed),
    atLeast('Titles right', s.titles.right, s.titles.labelled, s.titles.labelled),
    atMost('Boilerplate leaked', s.boilerplate.leaked, s.boilerplate.labelled, SEED_ACCEPTANCE.boilerplateLeaked),
    atMost('Content lost (lines)', s.content.lost, s.content.lines, SEED_ACCEPTANCE.contentLost),
  ];
  return { metrics, quotes: q, structure: s, misses: misses(q, s) };
}

function misses(q: QuoteScore, s: StructureScore): string[] {
  const lines: string[] = [];
  for (const v of q.quotes) {
    if (!v.found) lines.push(`quote not found: ${v.gold.article} "${v.gold.starts}"`);
    else if (!v.speakerRight)
      lines.push(`wrong speaker: ${v.gold.article} "${v.gold.starts}": got ${v.speakersGiven.map((s) => s ?? 'none').join(', ')}; want ${v.gold.speaker[0]}`);
  }
  for (const v of q.notQuoteVerdicts) {
    if (v.attributedTo.length > 0) lines.push(`not a quote, attributed: ${v.gold.article} "${v.gold.text}" to ${v.attributedTo.join(', ')}`);
  }
  for (const t of s.titles.verdicts) {
    if (!t.right) lines.push(`title: ${t.id}: got "${t.got ?? ''}"; want ${t.expected === null ? 'a short made title' : `"${t.expected}"`}`);
  }
  for (const leak of s.boilerplate.leaks) lines.push(`boilerplate leaked: ${leak.id} line ${leak.line} "${leak.text}" into "${leak.into}"`);
  for (const loss of s.content.losses) lines.push(`content lost: ${loss.id} line ${loss.line} "${loss.text.slice(0, 80)}"`);
  return lines;
}
