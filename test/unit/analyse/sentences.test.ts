import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/analyse/sentences.ts';
import { makeArticle } from './make-article.ts';

function sentencesOf(...paragraphs: string[]): string[] {
  const article = makeArticle(paragraphs);
  return splitSentences(article.text, article.blocks).map((sentence) => sentence.text);
}

describe('splitSentences', () => {
  it('splits plain sentences and keeps offsets into the text', () => {
    const article = makeArticle(['The vote was held. It passed easily.']);
    const sentences = splitSentences(article.text, article.blocks);
    expect(sentences.map((s) => article.text.slice(s.start, s.end))).toEqual(['The vote was held.', 'It passed easily.']);
  });

  it('does not split after honorifics, titles or initials', () => {
    expect(sentencesOf('Mr. Jones met Dr. Patel and Prof. J. R. Hartley at St. Mary’s. They talked.')).toEqual([
      'Mr. Jones met Dr. Patel and Prof. J. R. Hartley at St. Mary’s.',
      'They talked.',
    ]);
  });

  it('keeps dotted abbreviations, numbers and money inside a sentence', () => {
    expect(sentencesOf('U.S. officials met at No. 10 at 9 a.m. on Jan. 5 to discuss a £1.7bn deal, HK$1.59 billion and 3.5% growth. The talks ended.')).toEqual(
      ['U.S. officials met at No. 10 at 9 a.m. on Jan. 5 to discuss a £1.7bn deal, HK$1.59 billion and 3.5% growth.', 'The talks ended.'],
    );
  });

  it('splits after a dotted abbreviation when a new sentence clearly starts', () => {
    expect(sentencesOf('The firm moved to the U.S. The shares fell.')).toEqual(['The firm moved to the U.S.', 'The shares fell.']);
  });

  it('does not split a quoted question from its attribution', () => {
    expect(sentencesOf('"Why should we trust them?" asked Mr Smith. Nobody answered.')).toEqual([
      '"Why should we trust them?" asked Mr Smith.',
      'Nobody answered.',
    ]);
  });

  it('keeps a quotation ending in a comma together with its attribution', () => {
    expect(sentencesOf('"It is late. We are tired," he said. Then he left.')).toEqual(['"It is late.', 'We are tired," he said.', 'Then he left.']);
  });

  it('does not split at an ellipsis followed by lower case', () => {
    expect(sentencesOf('We have to accept the fact … that things change. Next.')).toEqual(['We have to accept the fact … that things change.', 'Next.']);
  });

  it('never crosses a paragraph and makes a heading one sentence of its own', () => {
    const article = makeArticle(['First paragraph ends without a stop', '## A cross-head. With a stop', 'Second paragraph.']);
    const sentences = splitSentences(article.text, article.blocks);
    expect(sentences.map((s) => [s.text, s.kind, s.block])).toEqual([
      ['First paragraph ends without a stop', 'paragraph', 0],
      ['A cross-head. With a stop', 'heading', 1],
      ['Second paragraph.', 'paragraph', 2],
    ]);
  });
});
