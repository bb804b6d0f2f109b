import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { decodeBlocks, decodeMentions, encodeBlocks, encodeMentions, flattenStoredMentions } from '../../../src/store/rows/article-json.ts';
import { makeArticle } from '../analyse/make-article.ts';

const clean = makeArticle([
  'Chancellor Gordon Brown set out his plans in London on Tuesday.',
  '## Growing unease',
  '"We will not raise taxes," Mr Brown said. The Treasury declined to comment.',
]);
const { mentions } = analyseArticle(clean, { published: null });

describe('blocks and mentions as stored', () => {
  it('read back equal to what was written, storing each span once', () => {
    expect(mentions.length).toBeGreaterThan(2);
    const blocks = encodeBlocks(clean.blocks, clean.text);
    const stored = encodeMentions(mentions, clean.text);
    expect(decodeBlocks(blocks, clean.text)).toEqual(clean.blocks);
    expect(decodeMentions(stored, clean.text)).toEqual(mentions);
    expect(blocks).not.toContain('Growing unease');
    expect(stored).not.toContain('Brown');
  });

  it('keeps the text of a span that is not the slice of its offsets', () => {
    const odd = [{ entity: 'e1', sentence: 0, start: 0, end: 10, text: 'Gordon Brown' }];
    const stored = encodeMentions(odd, clean.text);
    expect(stored).toContain('Gordon Brown');
    expect(decodeMentions(stored, clean.text)).toEqual(odd);
    const block = [{ kind: 'paragraph' as const, text: 'not this text', line: 1, start: 0, end: 5 }];
    expect(decodeBlocks(encodeBlocks(block, clean.text), clean.text)).toEqual(block);
  });

  it('stores mentions as a flat list of numbers, each position relative to the one before', () => {
    const some = [
      { entity: 'e2', sentence: 0, start: 11, end: 23, text: clean.text.slice(11, 23) },
      { entity: 'e10', sentence: 1, start: 5, end: 9, text: clean.text.slice(5, 9) },
    ];
    const stored = encodeMentions(some, clean.text);
    expect(JSON.parse(stored)).toEqual([2, 0, 11, 12, 10, 1, -6, 4]);
    expect(decodeMentions(stored, clean.text)).toEqual(some);
    expect(decodeMentions(encodeMentions([], clean.text), clean.text)).toEqual([]);
  });

  it('keeps tuples for a mention whose entity key is not one analysis makes', () => {
    const odd = [{ entity: 'speaker-1', sentence: 0, start: 0, end: 10, text: clean.text.slice(0, 10) }];
    const stored = encodeMentions(odd, clean.text);
    expect(stored).toContain('speaker-1');
    expect(decodeMentions(stored, clean.text)).toEqual(odd);
  });

  it('flattens stored tuples written before the flat form, and only those without their text', () => {
    const tuples = JSON.stringify(mentions.map((m) => [m.entity, m.sentence, m.start, m.end]));
    const flat = flattenStoredMentions(tuples);
    expect(flat).not.toBeNull();
    expect(decodeMentions(flat ?? '', clean.text)).toEqual(mentions);
    expect(flattenStoredMentions(JSON.stringify([['e1', 0, 0, 10, 'Gordon Brown']]))).toBeNull();
    expect(flattenStoredMentions(JSON.stringify(mentions))).toBeNull();
  });

  it('reads rows written before, whose spans carry their text', () => {
    expect(decodeBlocks(JSON.stringify(clean.blocks), 'ignored')).toEqual(clean.blocks);
    expect(decodeMentions(JSON.stringify(mentions), 'ignored')).toEqual(mentions);
  });
});
