import { describe, expect, it } from 'vitest';
import { classifyCaption } from '../../../src/core/clean/caption.ts';
import { cleanArticle } from '../../../src/core/clean/index.ts';

describe('classifyCaption', () => {
  it.each([
    ['Passengers queue at King’s Cross station. Photograph: Maria Lopez/The Herald', 'caption'],
    ['The stadium before kick-off Credit: Reuters', 'caption'],
    ['Flood water in the town centre (Getty Images)', 'caption'],
    ['Firefighters at the scene (Photo: Tom Reed/PA)', 'caption'],
    ['Pictured: the new hospital wing under construction', 'caption'],
    ['Image caption Protesters gathered outside the court on Friday', 'caption'],
    ['Image credit: Lena Park |', 'credit'],
    ['Photo: AFP', 'credit'],
    ['Picture: Stefan Rousseau/PA Wire', 'credit'],
    ['Image copyright Getty Images', 'credit'],
    ['AFP via Getty Images', 'credit'],
    ['(Reuters)', 'credit'],
  ])('reads %j as %s', (line, kind) => {
    expect(classifyCaption(line)).toBe(kind);
  });

  it.each([
    'He showed the committee a picture: a flooded ward with beds pushed against the wall.',
    'Shares rose 4% to 210p (£2.10) in early trading.',
    'Caroline Quentin (Life Begins/ Von Trapped, ITV1)',
    'The source of the leak has not been found.',
    'Reuters exits the Russian market after 30 years',
    'The picture is far from clear, analysts said.',
  ])('leaves the sentence %j alone', (line) => {
    expect(classifyCaption(line)).toBeNull();
  });
});

describe('captions in an article', () => {
  it('sets aside a Guardian-style caption under the standfirst and keeps the story', () => {
    const text = [
      'Water firms fined over sewage spills',
      '',
      'Regulator says the penalties are the largest it has ever imposed on the industry',
      '',
      'A storm overflow pipe on the river near Oxford. Photograph: Ann Field/Alamy',
      '',
      'Three water companies have been fined a total of £40m for failing to stop sewage spills into rivers, the regulator said on Wednesday.',
      '',
      '“This is a clear message,” its chief executive said.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.setAside).toEqual([{ line: 5, text: 'A storm overflow pipe on the river near Oxford. Photograph: Ann Field/Alamy', reason: 'caption' }]);
    expect(clean.text).not.toContain('Photograph');
    expect(clean.text).toContain('“This is a clear message,” its chief executive said.');
  });

  it('sets aside a caption line above the headline when a credit shows the lead has a picture', () => {
    const text = [
      'Wind turbines off the coast at dusk',
      '',
      'Offshore wind auction attracts record bids',
      '',
      'Photo credit: Nils Berg',
      '',
      'A government auction for offshore wind contracts has attracted record bids, with developers offering to build at lower prices than ever before.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.title).toBe('Offshore wind auction attracts record bids');
    expect(clean.setAside.map((item) => [item.line, item.reason])).toEqual([
      [1, 'caption'],
      [5, 'credit'],
    ]);
  });

  it('reads the caption on the line after a bare "Image caption" label', () => {
    const text = [
      'Storm leaves thousands without power',
      '',
      'Image source, PA Media',
      'Image caption,',
      'Engineers worked through the night to restore supplies',
      '',
      'Thousands of homes are still without power after high winds brought down lines across the north of England.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.setAside.map((item) => item.line)).toEqual([3, 4, 5]);
    expect(clean.text).toBe('Thousands of homes are still without power after high winds brought down lines across the north of England.');
  });

  it('treats a Markdown image as a caption', () => {
    const clean = cleanArticle(
      '# Pier reopens after repairs\n\n![The restored pier at sunset](pier.jpg)\n\nThe pier has reopened to visitors after a two-year, £9m restoration.',
    );
    expect(clean.setAside).toEqual([{ line: 3, text: 'The restored pier at sunset', reason: 'caption' }]);
    expect(clean.title).toBe('Pier reopens after repairs');
  });
});
