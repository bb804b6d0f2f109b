import { describe, expect, it } from 'vitest';
import { packPieces, splitText, truncateText } from '../../../src/render/split.ts';
import { hasLoneSurrogate } from './platform-checks.ts';

const words = (text: string): string => text.replace(/\s+/g, '');

describe('splitText', () => {
  it('returns text that fits as a single chunk, and empty text as none', () => {
    expect(splitText('The board met on Tuesday.', 100)).toEqual(['The board met on Tuesday.']);
    expect(splitText('   ', 100)).toEqual([]);
  });

  it('cuts at a blank line before a line break, a sentence or a word', () => {
    const text = 'First paragraph, which is short.\n\nSecond paragraph. It has two sentences.';
    expect(splitText(text, 60)).toEqual(['First paragraph, which is short.', 'Second paragraph. It has two sentences.']);
  });

  it('cuts at a sentence end rather than between words when no line break is near', () => {
    const text = 'The harbour board met on Tuesday evening. Councillors asked about the silt disposal site.';
    expect(splitText(text, 60)).toEqual(['The harbour board met on Tuesday evening.', 'Councillors asked about the silt disposal site.']);
  });

  it('keeps citation markers with the sentence they close', () => {
    const text = 'The board approved the scheme by six votes to two. [1][12] Work starts in the autumn. [3]';
    const chunks = splitText(text, 62);
    expect(chunks[0]).toBe('The board approved the scheme by six votes to two. [1][12]');
    expect(chunks[1]).toBe('Work starts in the autumn. [3]');
  });

  it('never leaves markers at the start of a chunk, away from the words they cite', () => {
    const text = 'The board met on Tuesday [12][13] and again on Friday [4] when the council joined it';
    for (const limit of [20, 25, 30, 35, 40]) {
      const chunks = splitText(text, limit);
      expect(chunks.some((chunk) => chunk.startsWith('['))).toBe(false);
      expect(chunks.join(' ')).toBe(text);
    }
  });

  it('cuts a marker run too long for the limit between markers, never inside one', () => {
    const text = `Sentence${'[1]'.repeat(4)}${'[22]'.repeat(4)}`;
    const chunks = splitText(text, 14);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.replace(/(?:\[\d+\])+/g, '')).not.toMatch(/[[\]]/);
    }
    expect(chunks.join('')).toBe(text);
  });

  it('keeps spans the caller marks atomic whole, such as Slack links', () => {
    const link = '<https://courier.example/news/2021/harbour|Calderbay Courier, 9 March 2021>';
    const text = `See ${link} and ${link} for the vote.`;
    const chunks = splitText(text, 90, { atomic: [/<[^<>\n]*>/g] });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.split('<').length).toBe(chunk.split('>').length);
    expect(chunks.join(' ')).toContain(link);
  });

  it('never separates the two halves of an emoji, even with no spaces at all', () => {
    const text = `${'🚢'.repeat(500)}x${'🙂'.repeat(500)}`;
    const chunks = splitText(text, 99);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(99);
      expect(hasLoneSurrogate(chunk)).toBe(false);
    }
    expect(chunks.join('')).toBe(text);
  });

  it('keeps every chunk within the limit and loses no text on long mixed input', () => {
    const sentence = (i: number): string => `Item ${i} cost £${i * 3}m & more <${i}> 🙂. [${i}]`;
    const text = Array.from({ length: 400 }, (_, i) => sentence(i) + (i % 7 === 0 ? '\n\n' : i % 3 === 0 ? '\n' : ' ')).join('');
    for (const limit of [37, 100, 999, 3000]) {
      const chunks = splitText(text, limit, { atomic: [/&(?:amp|lt|gt);/g] });
      expect(chunks.every((chunk) => chunk.length <= limit)).toBe(true);
      expect(words(chunks.join(''))).toBe(words(text));
    }
  });

  it('cuts an atomic span longer than the limit rather than overflow', () => {
    const text = `<${'a'.repeat(300)}>`;
    const chunks = splitText(text, 100, { atomic: [/<[^<>]*>/g] });
    expect(chunks.every((chunk) => chunk.length <= 100)).toBe(true);
    expect(chunks.join('')).toBe(text);
  });

  it('repairs every chunk after the first and leaves the first alone', () => {
    const chunks = splitText('# one two three four five six', 12, { repair: (chunk) => `~${chunk}` });
    expect(chunks[0]?.startsWith('#')).toBe(true);
    expect(chunks.slice(1).every((chunk) => chunk.startsWith('~'))).toBe(true);
  });

  it('refuses a limit too small to make progress', () => {
    expect(() => splitText('abc', 1)).toThrow(RangeError);
  });
});

describe('truncateText', () => {
  it('leaves text that fits untouched', () => {
    expect(truncateText('Dredging plan wins narrow vote', 40)).toBe('Dredging plan wins narrow vote');
  });

  it('cuts at a word and marks the cut with an ellipsis, within the limit', () => {
    const cut = truncateText('Harbour board backs the fourteen million pound dredging scheme', 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.endsWith('…')).toBe(true);
    expect('Harbour board backs the fourteen million pound dredging scheme'.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('packPieces', () => {
  it('joins whole pieces while they fit and starts a new chunk when they do not', () => {
    expect(packPieces(['Para one.', 'Para two.', 'Para three.'], 21, '\n\n')).toEqual(['Para one.\n\nPara two.', 'Para three.']);
  });

  it('splits a piece longer than the limit on its own', () => {
    const chunks = packPieces(['short', 'a long piece of text that must be split'], 16, '\n');
    expect(chunks.every((chunk) => chunk.length <= 16)).toBe(true);
    expect(words(chunks.join(''))).toBe(words('short a long piece of text that must be split'));
  });
});
