/**
 * Choosing a brief's points from candidate sentences: the heaviest that say different
 * things, at most seven; a candidate that says what a chosen point says becomes one of its
 * echoes (another outlet's citation); one that reports the same thing with other figures,
 * earlier or later, is shown beside it as an update, never folded into it.
 */
import { overlap } from '../retrieve/similarity.ts';
import type { Citable } from './citations.ts';
import { asUpdate } from './updates.ts';

export const MAX_POINTS = 7;

/** A candidate point: a sentence of an article, how much news it carries, and its echoes. */
export interface Point {
  readonly lead: Citable;
  readonly weight: number;
  readonly echoes: Citable[];
  /** The earlier report this point's lead updates, with its own echoes. */
  earlier?: { lead: Citable; echoes: Citable[]; change: string };
}

export interface PickOptions {
  /** Whether two sentences say the same thing (`sameClaim`, or the looser `sameDevelopment`). */
  readonly same: (a: string, b: string) => boolean;
  /** An article's date, published or estimated: orders updates and spreads points over time. */
  readonly dateOf: (article: string) => string | null;
  readonly limit?: number;
  /** How much each point already chosen from a candidate's article counts against it (default 0). */
  readonly perArticle?: number;
}

/** How much a point's overlap with one already chosen counts against it. */
const REDUNDANCY_PENALTY = 0.6;
/** How much naming people, places or figures the chosen points do not name counts for it. */
const NOVELTY_BONUS = 0.4;
/** How much a point from a month no chosen point covers counts for it: a brief follows the arc. */
const ARC_BONUS = 0.2;

/**
 * The facts a sentence names: capitalised words not opening it, and figures.
 * "Earlier, Maria Lopez said £4m was spent" → {maria, lopez, £4m}.
 */
function namedFacts(text: string): Set<string> {
  const facts = new Set<string>();
  for (const match of text.matchAll(/(?<=\s)\p{Lu}[\p{L}\p{N}’'.-]*|[£$€¥]?\d[\d,.]*(?:bn|m|%)?/gu)) {
    facts.add(match[0].toLowerCase().replace(/[’'.]s?$/, ''));
  }
  return facts;
}

const monthOf = (date: string | null): string | null => date?.slice(0, 7) ?? null;

/**
 * The points to show, in the order chosen. Each round takes the candidate whose weight, less
 * its overlap with what is chosen, plus what it names that is new and a month not yet
 * covered, is highest (so a second point from an article tells something the first did not).
 * `pickPoints(candidates, { same: sameClaim, dateOf })` → at most seven points.
 */
export function pickPoints(candidates: readonly Point[], options: PickOptions): Point[] {
  const { same, dateOf } = options;
  const limit = options.limit ?? MAX_POINTS;
  const chosen: Point[] = [];
  const factsOf = new Map(candidates.map((c) => [c, namedFacts(c.lead.text)] as const));
  // Kept up to date as points are chosen, so each round compares each candidate with the newest point only.
  const ruledOut = new Set<Point>();
  const redundancy = new Map<Point, number>(candidates.map((c) => [c, 0]));
  const named = new Set<string>();
  const months = new Set<string>();
  const fromArticle = new Map<string, number>();
  while (chosen.length < limit) {
    let best: Point | undefined;
    let bestValue = -Infinity;
    for (const candidate of candidates) {
      if (ruledOut.has(candidate)) continue;
      const facts = factsOf.get(candidate)!;
      const novel = [...facts].filter((fact) => !named.has(fact)).length;
      const novelty = facts.size === 0 ? 0 : novel / facts.size;
      const month = monthOf(dateOf(candidate.lead.article));
      const arc = month !== null && !months.has(month) ? ARC_BONUS : 0;
      const spread = (options.perArticle ?? 0) * (fromArticle.get(candidate.lead.article) ?? 0);
      const value = candidate.weight - REDUNDANCY_PENALTY * redundancy.get(candidate)! + NOVELTY_BONUS * novelty + arc - spread;
      if (value > bestValue) {
        bestValue = value;
        best = candidate;
      }
    }
    if (!best) break;
    chosen.push(best);
    ruledOut.add(best);
    fromArticle.set(best.lead.article, (fromArticle.get(best.lead.article) ?? 0) + 1);
    for (const fact of factsOf.get(best)!) named.add(fact);
    const month = monthOf(dateOf(best.lead.article));
    if (month !== null) months.add(month);
    for (const candidate of candidates) {
      if (ruledOut.has(candidate)) continue;
      // What the point says, or an update of it (shown beside it), is not a point of its own.
      if (same(best.lead.text, candidate.lead.text) || asUpdate(best.lead, candidate.lead, dateOf) !== null) ruledOut.add(candidate);
      else redundancy.set(candidate, Math.max(redundancy.get(candidate)!, overlap(best.lead.text, candidate.lead.text)));
    }
  }
  const points: Point[] = chosen.map((point) => ({ lead: point.lead, weight: point.weight, echoes: [] }));
  const taken = new Set(chosen);
  for (const candidate of candidates) if (!taken.has(candidate)) attach(points, candidate.lead, options);
  return points;
}

/** Files a sentence not chosen under the point it echoes or updates, if any. */
function attach(points: Point[], sentence: Citable, { same, dateOf }: PickOptions): void {
  const cites = (lead: Citable, echoes: readonly Citable[]) => [lead, ...echoes].some((c) => c.article === sentence.article);
  for (const [i, point] of points.entries()) {
    if (same(point.lead.text, sentence.text)) {
      if (!cites(point.lead, point.echoes)) point.echoes.push(sentence);
      return;
    }
    if (point.earlier && same(point.earlier.lead.text, sentence.text)) {
      if (!cites(point.earlier.lead, point.earlier.echoes)) point.earlier.echoes.push(sentence);
      return;
    }
    const update = point.earlier ? null : asUpdate(point.lead, sentence, dateOf);
    if (!update) continue;
    // The later report leads; the point as it was becomes the earlier one, echoes and all.
    points[i] =
      update.later === sentence
        ? { lead: sentence, weight: point.weight, echoes: [], earlier: { lead: point.lead, echoes: point.echoes, change: update.change } }
        : { ...point, earlier: { lead: sentence, echoes: [], change: update.change } };
    return;
  }
}
