import { describe, expect, it } from 'vitest';
import { isAuthorBio } from '../../../src/core/clean/author-bio.ts';
import { cleanArticle } from '../../../src/core/clean/index.ts';

const story = [
  'Carmaker to build battery plant in the north',
  '',
  'A carmaker will build a £1bn battery factory in the north-east, creating 1,000 jobs, the company said on Friday.',
  '',
  '“This is a vote of confidence in the region,” the business secretary said.',
];

describe('isAuthorBio', () => {
  it.each([
    'Jane Smith is a senior technology reporter at the Daily Courier.',
    'Tom Reed writes about energy and the environment. He has covered climate talks since 2009.',
    'Priya joined the paper in 2015 and has reported on the courts ever since. Follow her on Twitter.',
    'About the author: Sam Lee is a freelance journalist based in Leeds.',
    'Marta discovered her love for writing at school, and now she writes about food and farming.',
  ])('recognises %j', (text) => {
    expect(isAuthorBio(text)).toBe(true);
  });

  it.each([
    'Mr Brown is the author of a history of the company and said he was saddened by the news.',
    'Things began well, but the club lost six games in a row before joining the league in 1999.',
    'Dr Patel, who writes for medical journals, warned that waiting lists would grow.',
    'The reporter who broke the story has covered the case for three years, the paper said.',
    'Ms Jones is a correspondent for the BBC and told the inquiry she had been threatened.',
  ])('does not take %j for a bio', (text) => {
    expect(isAuthorBio(text)).toBe(false);
  });
});

describe('the end of an article', () => {
  it('sets aside a closing bio and the short list of links above it', () => {
    const text = [
      ...story,
      '',
      '• Five things to know about the new factory',
      '• How battery prices are falling',
      '• The towns hoping for a jobs boost',
      '',
      'Jane Smith is a business reporter at the Daily Courier. She has covered the car industry for a decade.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.setAside.map((item) => [item.line, item.reason])).toEqual([
      [7, 'related-links'],
      [8, 'related-links'],
      [9, 'related-links'],
      [11, 'author-bio'],
    ]);
    expect(clean.blocks.map((block) => block.line)).toEqual([3, 5]);
  });

  it('keeps a list the article introduces with a colon', () => {
    const text = [...story, '', 'The plant will make:', '- Battery cells for electric cars', '- Packs for buses and vans'].join('\n');
    const clean = cleanArticle(text);
    expect(clean.setAside).toEqual([]);
    expect(clean.text).toContain('- Battery cells for electric cars\n\n- Packs for buses and vans');
  });

  it('keeps a long list of awards and a list of "category - winner" pairs at the end', () => {
    const winners = ['- Best actor - Ann Lee for Hamlet', '- Best actress - Ruth Cole for Medea', '- Best new play - The Harbour at the Lyric'];
    const clean = cleanArticle([...story, '', ...winners].join('\n'));
    expect(clean.setAside).toEqual([]);
    for (const line of winners) expect(clean.text).toContain(line);
  });

  it('keeps a last paragraph that quotes someone, even one that mentions writing', () => {
    const last = 'She said she would write about the closure in her next book.';
    const clean = cleanArticle([...story, '', last].join('\n'));
    expect(clean.setAside).toEqual([]);
    expect(clean.text.endsWith(last)).toBe(true);
  });
});
