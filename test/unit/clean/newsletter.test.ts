import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/core/clean/index.ts';
import { continuesNewsletterPrompt, isNewsletterPrompt } from '../../../src/core/clean/newsletter.ts';

describe('isNewsletterPrompt', () => {
  it.each([
    'Sign up to our daily newsletter',
    'SUBSCRIBE TO OUR NEWSLETTER',
    'Sign up for Business Today, our free weekday email',
    'Get our morning briefing straight to your inbox',
    'Enter your email address to receive our weekly digest',
    'Thank you for subscribing!',
    'By signing up you agree to our privacy policy and terms of use.',
    'Subscribe',
    'The Morning Briefing newsletter',
  ])('recognises %j', (line) => {
    expect(isNewsletterPrompt(line)).toBe(true);
  });

  it.each([
    'Customers can sign up for the new tariff from Monday.',
    'More than two million people subscribed to the service in its first year.',
    'Get ready for more spam e-mails, security experts warned.',
    '“Sign up to our newsletter,” the email said, before asking for bank details.',
    'The newsletter, founded in 1998, has 40,000 readers and is published every Thursday by the union.',
  ])('leaves the sentence %j alone', (line) => {
    expect(isNewsletterPrompt(line)).toBe(false);
  });

  it('takes a promotional second line as part of the prompt, but not a line of the story', () => {
    expect(continuesNewsletterPrompt('The week’s best stories, exclusive offers and more!')).toBe(true);
    expect(continuesNewsletterPrompt('The station reopened on Tuesday after a week of repairs.')).toBe(false);
  });
});

describe('newsletter prompts in an article', () => {
  it('removes a prompt that interrupts a quotation and keeps both halves of the quote', () => {
    const text = [
      'Rail union threatens summer of strikes',
      '',
      'The union’s leader said the offer was an insult to staff who had worked through the pandemic.',
      '',
      '“We have given the operators every chance to make a fair offer,” she said. “Nobody should have to choose between heating and eating.',
      '',
      'Sign up to our daily newsletter',
      'The best stories of the day, delivered to your inbox every morning.',
      '',
      '“Until that changes, our members will keep walking out.”',
      '',
      'The operators said talks would resume next week.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.setAside).toEqual([
      { line: 7, text: 'Sign up to our daily newsletter', reason: 'newsletter' },
      { line: 8, text: 'The best stories of the day, delivered to your inbox every morning.', reason: 'newsletter' },
    ]);
    // The two halves of the quotation are now consecutive paragraphs.
    expect(clean.text).toContain('between heating and eating.\n\n“Until that changes, our members will keep walking out.”');
  });

  it('removes a prompt in a file that separates paragraphs with single newlines', () => {
    const text = [
      'Council approves new cycle lanes',
      'Work on the first route will start in the spring, the council said.',
      'Councillors voted 31 to 12 in favour of the plan on Tuesday night.',
      'SUBSCRIBE TO OUR WEEKLY NEWSLETTER',
      'Get the latest local news, events and offers!',
      'Opponents said the lanes would worsen congestion in the city centre.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.setAside.map((item) => [item.line, item.reason])).toEqual([
      [4, 'newsletter'],
      [5, 'newsletter'],
    ]);
    expect(clean.blocks.map((block) => block.line)).toEqual([2, 3, 6]);
  });
});
