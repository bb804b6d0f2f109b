import { describe, expect, it } from 'vitest';
import { contentWords, words } from '../../../src/core/clean/words.ts';

describe('words', () => {
  it('lower-cases the words of a text and drops possessives', () => {
    expect(words('Acme’s 4G network, the firm said.')).toEqual(['acme', '4g', 'network', 'the', 'firm', 'said']);
  });

  it('drops the quotation marks and dashes that open a word, but keeps those inside it', () => {
    expect(words("'Tis the 'so-called' ’deal’ --now co-founder's")).toEqual(['tis', 'the', 'so-called', 'deal', 'now', 'co-founder']);
  });

  it('gives no word for marks standing alone', () => {
    expect(words("- ' ’ --")).toEqual([]);
  });
});

describe('contentWords', () => {
  it('keeps the stems of the words that are not function words', () => {
    expect([...contentWords('The firm signs the networks’ deals')]).toEqual(['firm', 'sign', 'network', 'deal']);
  });
});
