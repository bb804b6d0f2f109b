import { describe, expect, it } from 'vitest';
import { boundaryAfter, boundaryAtOrBefore, clipText, insideClusters } from '../../../src/core/graphemes.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** The plain reading of the segmenter, as the oracle: every offset inside a cluster. */
function oracle(text: string): number[] {
  const out: number[] = [];
  for (const { index, segment } of segmenter.segment(text)) for (let p = index + 1; p < index + segment.length; p++) out.push(p);
  return out;
}

describe('grapheme clusters', () => {
  it.each([
    ['ASCII only', 'The minister said no.'],
    ['an emoji with a skin tone', 'ok 👍🏽 ok'],
    ['a family joined by zero-width joiners', 'a👨‍👩‍👧‍👦b'],
    ['flags side by side', '🇬🇧🇫🇷🇩🇪🇮🇹'],
    ['accents as combining marks', 'cafe\u0301 n\u0303'],
    ['CR LF', 'one\r\ntwo'],
    ['an Arabic number sign before a digit', '\u06001 and \u0605x'],
    ['Thai with a spacing vowel', 'ก\u0e33ก\u0e33'],
    ['a long run with no ASCII', '中文👍🏽'.repeat(1_500)],
    ['flags across a long run', '🇬🇧'.repeat(1_500)],
  ])('finds every offset inside a cluster, as the segmenter does: %s', (_name, text) => {
    expect(insideClusters(text)).toEqual(oracle(text));
  });

  it('moves a cut back to the start of the cluster it falls in', () => {
    const text = 'abcdefgh🏳️‍🌈xyz';
    for (let p = 9; p <= 13; p++) expect(boundaryAtOrBefore(text, p)).toBe(8);
    expect(boundaryAtOrBefore(text, 14)).toBe(14);
    expect(boundaryAtOrBefore('🇬🇧🇫🇷', 6)).toBe(4);
  });

  it('finds where a cluster ends', () => {
    expect(boundaryAfter('👍🏽b', 0)).toBe(4);
    expect(boundaryAfter('e\u0301x', 0)).toBe(2);
  });

  it('clips text to a length with an ellipsis, never inside a cluster', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('x'.repeat(100), 5)).toBe('xxxx…');
    expect(clipText('Flags 🇬🇧🇫🇷', 9)).toBe('Flags …');
    expect(clipText('a👨‍👩‍👧b', 6)).toBe('a…');
  });
});
