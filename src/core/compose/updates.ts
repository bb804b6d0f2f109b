/**
 * Reports that update one another: two sentences on one thing whose figures differ ("12
 * killed", later "45 killed"). Neither is folded into the other; the later one is shown with
 * the earlier beside it and what changed, each with its own sources. Which is later is read
 * from the articles' dates; when they do not say (undated, or the same day), the two are
 * simply both shown.
 */
import type { EarlierReport } from '../reply.ts';
import { figuresChanged } from '../retrieve/similarity.ts';
import type { Citable, CitationList } from './citations.ts';

/** A later report and the earlier one it updates, with what changed. */
export interface UpdatePair<T extends Citable> {
  readonly later: T;
  readonly earlier: T;
  /** "12 → 45". */
  readonly change: string;
}

/**
 * The two as an update, later first, or null when they are not two reports of one thing with
 * different figures, or their dates do not say which came first.
 * @example asUpdate(a12, b45, dates) // { later: b45, earlier: a12, change: '12 → 45' } when b's article is the newer
 */
export function asUpdate<T extends Citable>(a: T, b: T, dateOf: (article: string) => string | null): UpdatePair<T> | null {
  if (a.article === b.article) return null;
  const da = dateOf(a.article);
  const db = dateOf(b.article);
  if (da === null || db === null || da === db) return null;
  const [earlier, later] = da < db ? [a, b] : [b, a];
  const changed = figuresChanged(earlier.text, later.text);
  if (!changed) return null;
  return { later, earlier, change: `${changed.from.join(', ') || '—'} → ${changed.to.join(', ') || '—'}` };
}

/** The earlier report as a reply shows it, its sources (and its `echoes`' sources) numbered in `citations`. */
export async function earlierReport(pair: UpdatePair<Citable>, citations: CitationList, echoes: readonly Citable[] = []): Promise<EarlierReport> {
  return { text: pair.earlier.text, cites: await citations.addAll([pair.earlier, ...echoes]), change: pair.change };
}

/**
 * The first sentence of `pool` (best first) that `sentence` updates or is updated by.
 * @example findUpdate(a12, [b45, c], dates) // { later: b45, earlier: a12, change: '12 → 45' }
 */
export function findUpdate<T extends Citable>(sentence: T, pool: readonly T[], dateOf: (article: string) => string | null): UpdatePair<T> | null {
  for (const other of pool) {
    const pair = asUpdate(sentence, other, dateOf);
    if (pair) return pair;
  }
  return null;
}
