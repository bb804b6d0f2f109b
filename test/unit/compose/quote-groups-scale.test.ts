/**
 * Issue 13's bad input for `quote`: a speaker quoted 50,000 times, every remark framed in the
 * same everyday words. Grouping must still end (before, each quotation walked every earlier
 * remark sharing a common word: quadratic, minutes for this speaker) and group right: each
 * remark once, with the articles that carry it.
 */
import { describe, expect, it } from 'vitest';
import { groupSpeakerQuotes, quoteKey } from '../../../src/core/compose/quote-groups.ts';
import { readWording } from '../../../src/core/compose/quote-wording.ts';
import type { StoredQuote } from '../../../src/core/ports/store.ts';

const REMARKS = 5_000;
const COPIES = 10;
const SYLLABLES = ['ka', 'lo', 'mir', 'dan', 'vel', 'tor', 'sen', 'bra', 'quin', 'zel', 'rho', 'mat', 'fen', 'gar', 'lis', 'pol'];

/** A made-up word for `n`: distinct numbers, distinct words. */
function wordOf(n: number): string {
  let word = '';
  let rest = n;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return `${word}ian`;
}

/** Remark `r`: the same frame of common words around four words of its own. */
function remark(r: number): string {
  const [a, b, c, d] = [0, 1, 2, 3].map((i) => wordOf(4 * r + i));
  return `The harbour tariff stays in place for the ${a}, the ${b}, the ${c} and the ${d} of this town`;
}

function quotation(article: string, index: number, text: string): StoredQuote {
  return {
    article,
    index,
    text,
    start: 0,
    end: text.length,
    sentence: index,
    kind: 'full',
    speaker: 'p1',
    speakerText: 'Ada Quill',
    cue: 'said',
    cueKind: 'explicit',
    cueStart: null,
    cueEnd: null,
    speakerName: 'Ada Quill',
    speakerId: 'person:ada-quill',
  };
}

describe('a speaker quoted 50,000 times', () => {
  it('groups each of 5,000 remarks carried by ten articles once, with its ten articles', () => {
    const quotes: StoredQuote[] = [];
    for (let copy = 0; copy < COPIES; copy++) {
      for (let r = 0; r < REMARKS; r++) quotes.push(quotation(`a${copy}-${Math.floor(r / 10)}`, r % 10, remark(r)));
    }
    const repeats: string[] = [];
    const groups = groupSpeakerQuotes(
      'person:ada-quill',
      quotes,
      (quote) => readWording(quote.text),
      (quote) => repeats.push(quoteKey(quote)),
    );

    expect(groups).toHaveLength(REMARKS);
    expect(repeats).toEqual([]);
    for (const group of groups) {
      expect(group.members).toHaveLength(COPIES);
      expect(new Set(group.members.map((member) => member.text))).toEqual(new Set([group.primary.text]));
    }
  }, 120_000);
});
