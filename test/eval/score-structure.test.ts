import { describe, expect, it } from 'vitest';
import type { GoldStructure } from '../../scripts/eval/gold.ts';
import { scoreStructure, type SystemArticle } from '../../scripts/eval/score-structure.ts';
import { formatTable, atLeast, atMost } from '../../scripts/eval/metrics.ts';

const gold: GoldStructure = {
  articles: {
    titled: {
      title: 'Minister quits',
      boilerplate: [{ line: 3, text: 'Photo: Getty Images', why: 'credit' }],
      headings: [7],
      metadata_lines: [{ line: 2, text: 'Published: 1 May 2020', gives: { published: '2020-05-01' } }],
    },
    untitled: { title: null, boilerplate: [], headings: [], metadata_lines: [] },
  },
};

const titledLines = [
  'Minister quits',
  'Published: 1 May 2020',
  'Photo: Getty Images',
  '',
  'The minister resigned on Monday.',
  '',
  'What next',
  'Talks “continue”  today.',
];

function titled(overrides: Partial<SystemArticle> = {}): SystemArticle {
  return {
    id: 'titled',
    title: 'Minister quits',
    cleanText: 'The minister resigned on Monday.\n\nWhat next\n\nTalks "continue" today.',
    sentences: ['The minister resigned on Monday.', 'What next', 'Talks "continue" today.'],
    quotes: ['continue'],
    ...overrides,
  };
}

const sources = new Map([
  ['titled', titledLines],
  ['untitled', ['A long first sentence of an article that has no headline at all.']],
]);

function untitled(title: string): SystemArticle {
  const sentence = 'A long first sentence of an article that has no headline at all.';
  return { id: 'untitled', title, cleanText: sentence, sentences: [sentence], quotes: [] };
}

describe('scoreStructure', () => {
  it('scores clean output as all right', () => {
    const score = scoreStructure(gold, [titled(), untitled('Article without a headline')], sources);
    expect(score.titles.right).toBe(2);
    expect(score.boilerplate).toMatchObject({ labelled: 1, leaked: 0 });
    expect(score.content).toMatchObject({ lines: 3, lost: 0 });
  });

  it('requires a labelled title to be exact', () => {
    expect(scoreStructure(gold, [titled({ title: 'Minister Quits' })], sources).titles.verdicts[0]!.right).toBe(false);
  });

  it('rejects a made title that is a whole body sentence or too long', () => {
    expect(scoreStructure(gold, [untitled('A long first sentence of an article that has no headline at all.')], sources).titles.verdicts[1]!.right).toBe(false);
    expect(scoreStructure(gold, [untitled('x'.repeat(91))], sources).titles.verdicts[1]!.right).toBe(false);
    expect(scoreStructure(gold, [untitled('x'.repeat(90))], sources).titles.verdicts[1]!.right).toBe(true);
  });

  it('finds boilerplate inside a stored sentence or quotation, and a sentence cut from boilerplate', () => {
    expect(scoreStructure(gold, [titled({ quotes: ['as Photo: Getty Images shows'] })], sources).boilerplate.leaked).toBe(1);
    expect(scoreStructure(gold, [titled({ sentences: ['Photo: Getty'] })], sources).boilerplate.leaked).toBe(1);
    expect(scoreStructure(gold, [titled({ sentences: ['Photo'] })], sources).boilerplate.leaked).toBe(0);
  });

  it('counts a body line missing from the clean text as lost, but not headings, metadata or the title', () => {
    const score = scoreStructure(gold, [titled({ cleanText: 'What next\n\nTalks "continue" today.' }), untitled('Made')], sources);
    expect(score.content.losses.map((l) => [l.id, l.line])).toEqual([['titled', 5]]);
  });

  it('scores a missing article as wrong everywhere it can be', () => {
    const score = scoreStructure(gold, [], sources);
    expect(score.titles.right).toBe(0);
  });
});

describe('formatTable', () => {
  it('aligns metrics and marks each as ok or FAIL', () => {
    const table = formatTable([atLeast('Speakers right', 20, 23, 21), atMost('Leaked', 0, 4, 0)]);
    expect(table.split('\n')).toEqual(['Metric          Score  Target  ', 'Speakers right  20/23  ≥ 21    FAIL', 'Leaked          0/4    0       ok']);
  });
});
