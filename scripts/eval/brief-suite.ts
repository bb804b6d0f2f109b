/**
 * The brief suite: the story brief of the seeds must cite every article (the developments of
 * each year), in at most seven points, and fold articles that report the same remarks into
 * one point. "Same remarks" is read from the gold: two articles with a labelled quotation of
 * the same speaker starting alike.
 */
import { composeBrief, MAX_POINTS } from '../../src/core/compose/brief.ts';
import type { StoryView } from '../../src/core/retrieve/story-view.ts';
import type { Gold } from './gold.ts';
import { atLeast, atMost, type Metric } from './metrics.ts';

/** Pairs of articles whose labelled quotations share a speaker and wording. */
export function sameRemarkPairs(gold: Gold): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const a of gold.quotes.quotes) {
    for (const b of gold.quotes.quotes) {
      if (a.article >= b.article) continue;
      const speaker = a.speaker.some((s) => b.speaker.includes(s));
      const wording = a.starts.toLowerCase().includes(b.starts.toLowerCase()) || b.starts.toLowerCase().includes(a.starts.toLowerCase());
      if (speaker && wording) pairs.set(`${a.article}|${b.article}`, [a.article, b.article]);
    }
  }
  return [...pairs.values()];
}

export async function scoreBrief(view: StoryView, gold: Gold): Promise<{ metrics: Metric[]; misses: string[] }> {
  const { points } = (await composeBrief({}, view)).data!;
  const articles = [...(await view.articles()).keys()];
  const cited = new Set(points.flatMap((p) => p.citations.map((c) => c.article)));
  const misses: string[] = articles.filter((id) => !cited.has(id)).map((id) => `brief: no point cites ${id}`);
  let repeated = 0;
  const pairs = sameRemarkPairs(gold);
  for (const [a, b] of pairs) {
    const folded = points.some((p) => p.citations.some((c) => c.article === a) && p.citations.some((c) => c.article === b));
    if (!folded) {
      repeated += 1;
      misses.push(`brief: ${a} and ${b} report the same remarks but no point cites both`);
    }
  }
  return {
    metrics: [
      atMost('Brief points', points.length, MAX_POINTS, MAX_POINTS),
      atLeast('Brief articles cited', cited.size, articles.length, articles.length),
      atMost('Same remarks not folded', repeated, pairs.length, 0),
    ],
    misses,
  };
}
