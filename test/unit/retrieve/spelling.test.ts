import { describe, expect, it } from 'vitest';
import { correctQuestion, editsOf } from '../../../src/core/retrieve/spelling.ts';
import { parseQuestion } from '../../../src/core/retrieve/query.ts';
import { stem, tokenize } from '../../../src/core/retrieve/terms.ts';
import { harbourStory } from './fixtures.ts';

/** An index holding these words, each in `count` sentences. */
function indexOf(counts: Record<string, number>) {
  const byStem = new Map(Object.entries(counts).map(([word, count]) => [stem(word), count]));
  return {
    frequencies: async () => ({
      sentences: 100,
      of: (form: string) => Math.min(...tokenize(form).map((token) => byStem.get(token.stem) ?? 0)),
    }),
  };
}

describe('typo tolerance against the index vocabulary', () => {
  it('lists every string one edit away', () => {
    const edits = editsOf('teh');
    expect(edits).toContain('the');
    expect(edits).toContain('eh');
    expect(edits).toContain('tech');
    expect(edits).not.toContain('teh');
  });

  it('reads a word the index lacks as the commonest indexed word one edit away, keeping its capital', async () => {
    const question = 'What did Lopezz say about the goverment?';
    const view = indexOf({ lopez: 3, government: 12, harbour: 40 });
    const corrected = await correctQuestion(question, parseQuestion(question, harbourStory), view);
    expect(corrected.question).toBe('What did Lopez say about the government?');
    expect(corrected.corrections).toEqual([
      { typed: 'Lopezz', read: 'Lopez' },
      { typed: 'goverment', read: 'government' },
    ]);
  });

  it('leaves alone words the index has, short words and words with no near neighbour', async () => {
    const question = 'Did the harbour buy sourdough or a ferri?';
    const view = indexOf({ harbour: 40, ferry: 5 });
    const corrected = await correctQuestion(question, parseQuestion(question, harbourStory), view);
    expect(corrected).toEqual({ question, corrections: [] });
  });
});
