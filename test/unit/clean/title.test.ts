import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/core/clean/index.ts';
import { firstSentence, makeTitle } from '../../../src/core/clean/made-title.ts';

describe('the headline', () => {
  it('is the first line of a BBC-style file: headline, then paragraphs', () => {
    const text = [
      'Ad sales lift media group profit',
      '',
      'Quarterly profits at the media group jumped 76% to $1.13bn (£600m) for the three months to December.',
      '',
      'The firm benefited from sales of high-speed internet connections and higher advert sales.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean).toMatchObject({ title: 'Ad sales lift media group profit', titleMade: false });
    expect(clean.blocks.map((block) => block.line)).toEqual([3, 5]);
  });

  it('keeps a headline that ends with an abbreviation or an ellipsis', () => {
    expect(
      cleanArticle('Tariffs will hurt farmers, warns U.S.\n\nFarm groups said the new tariffs would cost them billions of dollars in lost exports this year.')
        .title,
    ).toBe('Tariffs will hurt farmers, warns U.S.');
    expect(
      cleanArticle(
        'My memories of the old theatre...\n\nThe theatre closed its doors in 1989 after almost a century of shows, and was demolished a year later.',
      ).title,
    ).toBe('My memories of the old theatre...');
  });

  it('is the Markdown level-one heading when there is one', () => {
    const clean = cleanArticle(
      'World news\n\n# Floods force thousands from homes\n\nHeavy rain has forced thousands of people from their homes across the region, officials said.',
    );
    expect(clean.title).toBe('Floods force thousands from homes');
    expect(clean.setAside).toEqual([{ line: 1, text: 'World news', reason: 'site-furniture' }]);
  });

  it('keeps short lines between the headline and the story as content', () => {
    const text =
      'Leeds v Saracens\n\nHeadingley\n\nFriday, 25 February\n\n2000 GMT\n\nThe home side have brought in two props on loan for the game, while the visitors are unchanged.';
    const clean = cleanArticle(text);
    expect(clean.title).toBe('Leeds v Saracens');
    expect(clean.setAside).toEqual([]);
    expect(clean.blocks.map((block) => block.text)).toEqual([
      'Headingley',
      'Friday, 25 February',
      '2000 GMT',
      'The home side have brought in two props on loan for the game, while the visitors are unchanged.',
    ]);
  });
});

describe('a made title', () => {
  it('is made when the file starts with a paragraph, and marked as made', () => {
    const text =
      'The mayor has promised “a new deal” for cyclists after a series of crashes on the ring road left three people seriously injured, council documents show.\n\nThe plan will be published next month.';
    const clean = cleanArticle(text);
    expect(clean.titleMade).toBe(true);
    expect(clean.title).toBe('The mayor has promised “a new deal” for cyclists');
  });

  it('keeps the main clause and drops the subordinate clause after it', () => {
    expect(makeTitle('Shares in the chip maker fell sharply because orders from phone makers slowed in the spring.')).toBe(
      'Shares in the chip maker fell sharply',
    );
    expect(makeTitle('The council has closed the pier while engineers inspect storm damage to its supports.')).toBe('The council has closed the pier');
  });

  it('fits a long clause into 90 characters at a phrase boundary, never on a comma or function word', () => {
    const title = makeTitle(
      'Regional health authorities have ordered an urgent review of every maternity unit in the north-west of the country following a series of baby deaths at two hospitals.',
    );
    expect(title.length).toBeLessThanOrEqual(90);
    expect(title).toBe('Regional health authorities have ordered an urgent review of every maternity unit');
    expect(title).not.toMatch(/[,;:]$|\s(?:of|the|a|an|in|to|and)$/);
  });

  it('cuts at a word boundary when no phrase boundary fits', () => {
    const title = makeTitle(
      'Supercalifragilistic-expialidocious-internationalisation-standardisation-committee-representatives unanimously rejected everything.',
    );
    expect(title.length).toBeLessThanOrEqual(90);
    expect(title.endsWith(' ')).toBe(false);
  });

  it('drops a quotation mark whose closing mark was cut off', () => {
    const title = makeTitle(
      'The union leader has described the company’s latest pay offer to its warehouse staff as “an insult to every worker who kept the country fed”.',
    );
    expect(title.length).toBeLessThanOrEqual(90);
    expect((title.match(/“/g) ?? []).length).toBe((title.match(/”/g) ?? []).length);
  });
});

describe('firstSentence', () => {
  it('does not end a sentence at Mr., U.S. or No. 10', () => {
    expect(firstSentence('Mr. Lee met U.S. officials at No. 10 on Monday. They talked for an hour.')).toBe('Mr. Lee met U.S. officials at No. 10 on Monday.');
  });
});
