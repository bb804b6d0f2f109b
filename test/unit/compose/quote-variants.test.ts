import { describe, expect, it } from 'vitest';
import { differences } from '../../../src/core/compose/quote-differences.ts';
import { align, compareWordings, sameQuotation } from '../../../src/core/compose/quote-variants.ts';
import { openWord, readWording, sameWordsKey } from '../../../src/core/compose/quote-wording.ts';

/** How `b` differs from `a`, as a reader is told. */
function howDiffers(a: string, b: string): string | null {
  const x = readWording(a);
  const y = readWording(b);
  return differences(x, y, align(x, y));
}

// Two outlets' wordings of one remark, from the seed articles.
const ITV =
  'We’ve got to look at what partners such as Australia and the US are doing in order to ensure that they have the maximum security of that 5G network and we’ve got to recognise the fact, as has been recently exposed, that the Chinese state does sometimes act in a malign way.';
const NEW_EUROPE = 'We have to recognise the fact … that the Chinese government sometimes acts maliciously';
const GRAVE = 'I have grave, very deep concerns about Huawei providing the 5G network in Britain. It’s something we’d have to look at very closely';

describe('reading a quotation’s words', () => {
  it('opens contractions so that “we’ve” and “we have” compare equal', () => {
    expect(openWord('we’ve')).toEqual(['we', 'have']);
    expect(openWord("don't")).toEqual(['do', 'not']);
    expect(openWord("can't")).toEqual(['can', 'not']);
    expect(openWord('It’s')).toEqual(['it', 'is']);
    expect(openWord('Huawei’s')).toEqual(['huawei']);
  });

  it('marks the word after an ellipsis, however the ellipsis is typed', () => {
    for (const text of ['the fact … that', 'the fact ... that', 'the fact [...] that', 'the fact . . . that']) {
      const cutBefore = readWording(text)
        .tokens.filter((token) => token.afterCut)
        .map((token) => token.surface);
      expect(cutBefore, text).toEqual(['that']);
    }
  });

  it('ignores curly or straight quotation marks, case and white space when telling whether the words are the same', () => {
    expect(sameWordsKey(readWording('It’s  “too much”'))).toBe(sameWordsKey(readWording('it\'s "too much"')));
    expect(sameWordsKey(readWording('too much'))).not.toBe(sameWordsKey(readWording('too little')));
  });
});

describe('telling whether two wordings are one quotation', () => {
  it('treats a partial quotation contained in a full one as the same quotation', () => {
    expect(sameQuotation(GRAVE, 'deep concerns')).toBe(true);
    expect(sameQuotation('very deep concerns', GRAVE)).toBe(true);
  });

  it('treats a cut and reworded version of a remark as the same quotation', () => {
    expect(sameQuotation(ITV, NEW_EUROPE)).toBe(true);
  });

  it('keeps apart two remarks of one speaker that share a few topic words', () => {
    expect(sameQuotation(GRAVE, ITV)).toBe(false);
    expect(
      sameQuotation(
        'Nobody here should wait another winter for the harbour to be dredged',
        'The harbour must be dredged before the autumn storms, or the fleet will be stranded for the whole winter',
      ),
    ).toBe(false);
  });

  it('needs a short phrase word for word, not its words scattered', () => {
    expect(sameQuotation(GRAVE, 'concerns run deep')).toBe(false);
    expect(sameQuotation('We have deep and lasting concerns about the deal', 'deep concerns')).toBe(false);
  });

  it('does not count a single common word as a quotation of a longer remark', () => {
    expect(sameQuotation(GRAVE, 'concerns')).toBe(false);
  });

  it('reports how much of the shorter wording the longer keeps', () => {
    const comparison = compareWordings(readWording(ITV), readWording(NEW_EUROPE));
    expect(comparison.kept).toBeGreaterThan(0.6);
    expect(comparison.kept).toBeLessThan(1);
  });
});

describe('saying how a wording differs', () => {
  it('names the words cut at an ellipsis and the words reworded', () => {
    const said = howDiffers(ITV, NEW_EUROPE) ?? '';
    expect(said).toContain('cuts “as has been recently exposed” (marked …)');
    expect(said).toContain('“government sometimes acts maliciously” for “state does sometimes act in a malign way”');
    expect(said).toContain('“We have” for “we’ve got”');
    expect(said).toMatch(/^Quotes only part of it/);
  });

  it('says a phrase quoted word for word from a longer remark is part of it', () => {
    expect(howDiffers(GRAVE, 'deep concerns')).toBe('Quotes part of it, word for word');
  });

  it('says when the other wording quotes more of the remark', () => {
    expect(howDiffers('deep concerns about Huawei', GRAVE)).toMatch(/^Quotes more of it/);
  });

  it('tells a cut made silently from one marked with an ellipsis', () => {
    const full = 'The harbour must be dredged before the autumn storms, or the fleet will be stranded';
    expect(howDiffers(full, 'the harbour must be dredged or the fleet will be stranded')).toBe('Leaves out “before the autumn storms”');
    expect(howDiffers(full, 'the harbour must be dredged … or the fleet will be stranded')).toBe('Cuts “before the autumn storms” (marked …)');
  });

  it('names a contraction opened or closed as a change of wording', () => {
    expect(howDiffers('We can not wait for another winter.', "We can't wait for another winter")).toBe("“can't” for “can not”");
  });

  it('finds nothing to say when only case and punctuation differ', () => {
    expect(howDiffers('“We will pay our share,” he said', 'we will pay our share he said')).toBeNull();
  });
});
