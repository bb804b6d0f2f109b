import { describe, expect, it } from 'vitest';
import { isFurnitureSentence } from '../../../src/core/clean/furniture-sentence.ts';

describe('telling page furniture from news, sentence by sentence', () => {
  it.each([
    'FILE PHOTO: A man walks past a company logo at a trade fair in Shanghai, China, March 1, 2019.',
    'FILE PHOTO - Workers leave the plant at the end of a shift.',
    'Cover image: an artist’s impression of the new bridge at night',
    '(Graphic: World currencies against the dollar - here)',
    'Workers leave the plant at the end of a shift in MayCredit: Lena Park',
    'A man walks past the logo in Shanghai. REUTERS/Jane Doe/File Photo',
    'This article is more than 5 months old',
    'This article is more than two years old.',
    'By Jane Smith, Technology Correspondent',
    'Photograph: Stefan Rousseau/PA',
    'Protesters outside the court (Getty Images)',
    'Sign up for our daily newsletter',
  ])('sets aside %j', (text) => {
    expect(isFurnitureSentence(text)).toBe(true);
  });

  it.each([
    'The photo agency said it had been sold to a rival for £4m.',
    'The file was leaked to a newspaper in March.',
    'By Monday the firm had gone into administration.',
    'The article was more than 5,000 words long, the editor said.',
    'Reuters reported that the talks had stalled.',
    'The cover image of the report showed the flooded town.',
    'Its main claim: the plant was unsafe.',
    'The video showed the bridge swaying in the wind.',
  ])('keeps %j', (text) => {
    expect(isFurnitureSentence(text)).toBe(false);
  });
});
