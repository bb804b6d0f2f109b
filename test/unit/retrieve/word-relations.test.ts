import { describe, expect, it } from 'vitest';
import { isLeaderNoun, relatedWords } from '../../../src/core/retrieve/word-relations.ts';

const texts = (word: string) => relatedWords(word).map((related) => related.text);

describe('related words from WordNet', () => {
  it('finds the morphological family: chairs ↔ chairman', () => {
    expect(texts('chairs')).toContain('chairman');
  });

  it('finds synonyms of the commonest senses: taxis → cab, output → yield', () => {
    expect(texts('taxis')).toContain('cab');
    expect(texts('output')).toContain('yield');
  });

  it('reads an irregular past form through its base: built → construct', () => {
    expect(texts('built')).toContain('construct');
  });

  it('weighs a related word below the word itself, and a family word above a synonym', () => {
    const related = relatedWords('chairs');
    expect(Math.max(...related.map((r) => r.weight))).toBeLessThan(1);
    const shutdown = relatedWords('shutdown');
    expect(shutdown.find((r) => r.text === 'shut down')!.weight).toBeGreaterThan(shutdown.find((r) => r.text === 'closure')!.weight);
  });

  it('never offers the word itself, an inflection of it, or a stopword', () => {
    const words = texts('banned');
    expect(words).not.toContain('ban');
    expect(words).not.toContain('banned');
    expect(words.every((word) => word.length >= 3)).toBe(true);
  });

  it('knows nouns for the person in charge from WordNet’s hierarchy', () => {
    for (const word of ['chairman', 'chief', 'boss', 'secretary', 'minister', 'head']) expect(isLeaderNoun(word), word).toBe(true);
    for (const word of ['spokesman', 'winger', 'harbour']) expect(isLeaderNoun(word), word).toBe(false);
  });
});
