import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/core/clean/index.ts';

const paragraphs = [
  'Energy bills will rise by 10% in April after the regulator raised its price cap, adding £150 a year to a typical household bill.',
  'The regulator blamed higher wholesale gas prices, which have climbed since the autumn.',
  'Why prices are rising',
  'Suppliers buy most of their gas months in advance, so the increase reflects costs from last year.',
];

describe('layouts', () => {
  it('reads paragraphs separated by blank lines and by single newlines the same way', () => {
    const blank = cleanArticle(['Energy bills to rise 10%', ...paragraphs].join('\n\n'));
    const single = cleanArticle(['Energy bills to rise 10%', ...paragraphs].join('\n'));
    const shape = (clean: ReturnType<typeof cleanArticle>) => clean.blocks.map((block) => [block.kind, block.text]);
    expect(shape(single)).toEqual(shape(blank));
    expect(blank.blocks.map((block) => block.line)).toEqual([3, 5, 7, 9]);
    expect(single.blocks.map((block) => block.line)).toEqual([2, 3, 4, 5]);
  });

  it('joins the lines of a hard-wrapped paragraph', () => {
    const text = [
      'Council to close bridge for repairs',
      '',
      'The council said on Monday that the old bridge over the river would',
      'close for six months from March so that engineers can replace its',
      'rusting supports and resurface the road.',
      '',
      'Drivers will be diverted through the town centre, which traders say',
      'will bring more congestion to streets that are already busy.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.blocks.map((block) => [block.line, block.text])).toEqual([
      [
        3,
        'The council said on Monday that the old bridge over the river would close for six months from March so that engineers can replace its rusting supports and resurface the road.',
      ],
      [7, 'Drivers will be diverted through the town centre, which traders say will bring more congestion to streets that are already busy.'],
    ]);
  });

  it('normalises white space and nothing else', () => {
    const clean = cleanArticle('Headline here\n\n   The  firm\tsaid “no”  to   the offer.  \r\n');
    expect(clean.text).toBe('The firm said “no” to the offer.');
  });

  it('joins blocks with blank lines and gives each block its offsets into the text', () => {
    const clean = cleanArticle(['Energy bills to rise 10%', ...paragraphs].join('\n\n'));
    expect(clean.text).toBe(paragraphs.join('\n\n'));
    for (const block of clean.blocks) expect(clean.text.slice(block.start, block.end)).toBe(block.text);
  });
});

describe('block kinds', () => {
  it('marks a short unpunctuated line followed by prose as a cross-head', () => {
    const clean = cleanArticle(['Energy bills to rise 10%', ...paragraphs].join('\n\n'));
    expect(clean.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph']);
  });

  it('marks Markdown sub-headings as cross-heads', () => {
    const clean = cleanArticle(
      '# Budget at a glance\n\nThe chancellor set out her plans on Wednesday, with tax rises for the highest earners.\n\n## What it means for you\n\nMost households will pay slightly more.',
    );
    expect(clean.blocks.map((block) => [block.kind, block.text])).toEqual([
      ['paragraph', 'The chancellor set out her plans on Wednesday, with tax rises for the highest earners.'],
      ['heading', 'What it means for you'],
      ['paragraph', 'Most households will pay slightly more.'],
    ]);
  });

  it('does not make a cross-head of a short quoted sentence signed by its speaker', () => {
    const clean = cleanArticle(
      'Voters speak\n\nWe asked readers what they made of the debate on Monday night in Ohio.\n\n“He never answered a thing.” ― Tomas Riedel\n\nMany readers wrote to us about the moderators and the format of the night.',
    );
    expect(clean.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('does not make a cross-head of a short line that is not followed by prose', () => {
    const clean = cleanArticle(
      'Cup draw\n\nThe draw for the next round was made on Monday evening at the national stadium.\n\nArsenal v West Ham\n\nLeeds v Hull',
    );
    expect(clean.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('keeps a one-sentence summary under the headline as the standfirst when the story repeats it', () => {
    const text = [
      'Airport expansion approved',
      'Ministers have approved a third runway at the airport despite objections from residents.',
      'The government approved the runway on Tuesday, saying the airport expansion was vital for trade. Residents had objected to the plans for years.',
      'Construction is expected to start in 2026.',
    ].join('\n');
    expect(cleanArticle(text).blocks[0]).toMatchObject({ kind: 'standfirst', line: 2 });
  });

  it('keeps a summary line with no full stop under the headline as the standfirst', () => {
    const text =
      'Rail strike talks collapse\n\nUnions say fresh walkouts are likely unless the offer is improved this week\n\nTalks between the rail unions and train operators broke down on Tuesday evening.';
    expect(cleanArticle(text).blocks[0]!.kind).toBe('standfirst');
  });

  it('treats an opening paragraph that quotes someone as a paragraph, not a standfirst', () => {
    const text =
      'Minister has “grave” doubts over deal\n\nThe minister said she had “grave doubts” about the deal.\n\nThe minister’s doubts about the deal were reported on Sunday.';
    expect(cleanArticle(text).blocks[0]!.kind).toBe('paragraph');
  });

  it('makes no standfirst when the file has no headline', () => {
    const text =
      'Ministers have approved a third runway at the airport despite objections from residents.\n\nThe government approved the runway at the airport on Tuesday despite the objections.';
    const clean = cleanArticle(text);
    expect(clean.titleMade).toBe(true);
    expect(clean.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('nothing is lost', () => {
  it('accounts for every line: in the text, set aside with a reason, or the headline', () => {
    const text = [
      'Kicker',
      'Storm leaves thousands without power',
      'By Ann Lee | 12 November 2021',
      'Image caption,',
      'Engineers worked through the night',
      'Thousands of homes are still without power after high winds brought down lines.',
      'What happens next',
      'The network operator said crews would work through the weekend to reconnect everyone.',
      'Advertisement',
      '"We are doing everything we can," a spokeswoman said.',
      '- Why storms are getting stronger',
      '- How to claim compensation',
      'Ann Lee is the energy correspondent of the Valley Times. She has covered the industry since 2010.',
    ].join('\n');
    const clean = cleanArticle(text);
    const aside = new Set(clean.setAside.map((item) => item.line));
    text.split('\n').forEach((line, index) => {
      if (line === clean.title) return;
      expect(aside.has(index + 1) || clean.text.includes(line), `line ${index + 1}: ${line}`).toBe(true);
    });
    expect(clean.title).toBe('Storm leaves thousands without power');
    expect(clean.byline).toBe('Ann Lee');
    expect(clean.dateline.published).toBe('2021-11-12');
    expect(clean.blocks.map((block) => block.kind)).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph']);
  });

  it('returns an empty article for empty text', () => {
    expect(cleanArticle('  \n\n ')).toEqual({
      title: '',
      titleMade: true,
      text: '',
      blocks: [],
      setAside: [],
      dateline: { published: null, updated: null },
      byline: null,
    });
  });

  it('numbers lines from where the body starts in the file', () => {
    const clean = cleanArticle('Headline\n\nAdvertisement\n\nThe story itself, told in one sentence of plain prose.', { firstLine: 6 });
    expect(clean.setAside[0]!.line).toBe(8);
    expect(clean.blocks[0]!.line).toBe(10);
  });
});
