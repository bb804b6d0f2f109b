import { describe, expect, it } from 'vitest';
import { classifyFurniture } from '../../../src/core/clean/furniture.ts';
import { cleanArticle } from '../../../src/core/clean/index.ts';

describe('classifyFurniture', () => {
  it.each([
    ['Recent articles', 'site-furniture'],
    ['Related stories', 'site-furniture'],
    ['More on this story', 'site-furniture'],
    ['You may also like', 'site-furniture'],
    ['Most read', 'site-furniture'],
    ['Comments', 'site-furniture'],
    ['Click here to see the full gallery', 'site-furniture'],
    ['Listen to the latest episode of our politics podcast', 'site-furniture'],
    ['Copyright 2021 The Valley Times. All rights reserved.', 'site-furniture'],
    ['© Northern Echo Ltd', 'site-furniture'],
    ['We use cookies to improve your experience on our site.', 'site-furniture'],
    ['Advertisement', 'advert'],
    ['ADVERTISEMENT - SCROLL TO CONTINUE', 'advert'],
    ['Share this article', 'share-prompt'],
    ['Share on Facebook', 'share-prompt'],
    ['Facebook Twitter WhatsApp Email', 'share-prompt'],
    ['Follow us on Twitter @citydesk', 'share-prompt'],
    ['Read more: Why the bridge repairs are late', 'related-links'],
    ['Watch: The moment the dam gave way', 'related-links'],
    ['This article is more than 5 months old', 'site-furniture'],
    ['This article is more than 2 years old', 'site-furniture'],
  ])('reads %j as %s', (line, reason) => {
    expect(classifyFurniture(line)).toBe(reason);
  });

  it.each([
    'Share prices fell 5% on Monday after the profit warning.',
    'Copyright law is changing to cover works made by machines.',
    'Users can download the free app from Tuesday.',
    'The firm’s cookie policy was criticised by the regulator.',
    'Related charges were dropped last year.',
    'Listen to the people, the minister told his party.',
    'Comments made by the chairman were reported to the board.',
    'Most read books of the year were crime novels, the survey found.',
    'This article is more than a summary of the report, its author said.',
  ])('leaves the sentence %j alone', (line) => {
    expect(classifyFurniture(line)).toBeNull();
  });
});

describe('site furniture in an article', () => {
  it('sets aside an advert, sharing prompts and a legal line from a wire story', () => {
    const text = [
      'Senate passes bill to fund highways',
      '',
      'Share this article',
      '',
      'The Senate on Thursday passed a bill to fund highway repairs for another five years, sending it to the president.',
      '',
      'Advertisement',
      '',
      '“This is a good day for drivers,” the majority leader said.',
      '',
      'Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.setAside.map((item) => [item.line, item.reason])).toEqual([
      [3, 'share-prompt'],
      [7, 'advert'],
      [11, 'site-furniture'],
    ]);
    expect(clean.blocks.map((block) => block.line)).toEqual([5, 9]);
  });

  it('sets aside the links listed under a "Related" or "Topics" header', () => {
    const text = [
      'Hospital waiting lists hit record high',
      '',
      'More than seven million people are waiting for hospital treatment in England, the highest number since records began.',
      '',
      'Related articles',
      'Nurses to be balloted on strike action',
      'Why are A&E waits getting longer?',
      '',
      'The health secretary said the figures were disappointing.',
      '',
      'Topics',
      'NHS',
      'Health',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.setAside.map((item) => [item.line, item.reason])).toEqual([
      [5, 'site-furniture'],
      [6, 'related-links'],
      [7, 'related-links'],
      [11, 'site-furniture'],
      [12, 'related-links'],
      [13, 'related-links'],
    ]);
    expect(clean.text).toContain('The health secretary said the figures were disappointing.');
  });
});
