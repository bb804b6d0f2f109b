/**
 * A seeded corpus for the ranking tests of both engines' early stop: sentences of filler words
 * with common words (some in two forms of one stem), middling and rare ones, one sentence in ten
 * a repeat of an earlier one (equal scores, ordered by sentence id), and random OR queries over them.
 */
import type { Store } from '../../../src/core/ports/store.ts';
import { analysedArticle, origin } from './article-fixture.ts';
import { seededRandom } from '../../../scripts/seeded-random.ts';

// Words by how many sentences hold them: common ones (some in two forms of one stem), middling and rare.
export const COMMON = ['harbour', 'ferry', 'ferries', 'council', 'weather', 'market', 'markets'];
export const MIDDLING = ['storm', 'captain', 'budget', 'tourist', 'bridge', 'fishing', 'mayor', 'tide'];
export const RARE = ['lighthouse', 'smuggler', 'regatta', 'kelp', 'dredger', 'pier', 'gale', 'quay'];
export const FILLER = ['the', 'a', 'of', 'in', 'and', 'was', 'said', 'on', 'by', 'to', 'it', 'for', 'at', 'with'];

/** A sentence of 2 to 26 words: filler, each common word at 25%, middling at 4%, rare at 0.5%, some twice. */
function sentence(next: () => number): string {
  const words: string[] = [];
  const length = 2 + Math.floor(next() * 25);
  for (let i = 0; i < length; i++) words.push(FILLER[Math.floor(next() * FILLER.length)]!);
  const put = (word: string) => words.splice(Math.floor(next() * (words.length + 1)), 0, word);
  for (const [list, share] of [
    [COMMON, 0.25],
    [MIDDLING, 0.04],
    [RARE, 0.005],
  ] as const) {
    for (const word of list) {
      if (next() < share) put(word);
      if (next() < share / 4) put(word);
    }
  }
  return `${words.join(' ')}.`;
}

/** Writes the corpus: 150 articles of three paragraphs of four sentences. */
export async function writeRankingCorpus(store: Store): Promise<void> {
  const next = seededRandom(13);
  const written: string[] = [];
  for (let a = 0; a < 150; a++) {
    const paragraphs = Array.from({ length: 3 }, () =>
      Array.from({ length: 4 }, () => {
        // One sentence in ten repeats an earlier one: equal scores, ordered by rowid.
        const text = written.length > 0 && next() < 0.1 ? written[Math.floor(next() * written.length)]! : sentence(next);
        written.push(text);
        return text;
      }).join(' '),
    );
    await store.putArticle(analysedArticle({ id: `a${a}`, paragraphs }), origin());
  }
}

/** Random OR queries: one to four common words, often a middling or a rare one, sometimes a phrase or an absent word; and a limit. */
export function rankingQueries(count: number): { terms: string[]; limit: number }[] {
  const next = seededRandom(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const terms = new Set<string>();
    const commons = 1 + Math.floor(next() * 4);
    for (let i = 0; i < commons; i++) terms.add(pick(COMMON));
    if (next() < 0.7) terms.add(pick(MIDDLING));
    if (next() < 0.5) terms.add(pick(RARE));
    if (next() < 0.2) terms.add(`${pick(COMMON)} ${pick(FILLER)}`); // a phrase of two words
    if (next() < 0.1) terms.add('absentword');
    return { terms: [...terms], limit: pick([1, 5, 20, 150]) };
  });
}
