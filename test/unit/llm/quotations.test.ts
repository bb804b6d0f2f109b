import { describe, expect, it } from 'vitest';
import { isSameSpeaker, namedSpeaker } from '../../../src/llm/attribution.ts';
import { findQuotations, isVerbatimIn } from '../../../src/llm/quotations.ts';

const quoted = (text: string) => findQuotations(text).spans.map((s) => s.text);
const speaker = (text: string) => {
  const { spans } = findQuotations(text);
  return namedSpeaker(text, spans, spans[0]!);
};

describe('finding quotations in a written sentence', () => {
  it('finds straight and curly double quotation marks', () => {
    expect(quoted('He called it "nothing short of madness" and “alarming”.')).toEqual(['nothing short of madness', 'alarming']);
  });

  it('finds single quotation marks around words but not apostrophes', () => {
    expect(quoted("a 'no spy' deal with Britain's government and the firms' staff")).toEqual(['no spy']);
    expect(quoted('a ‘no spy’ deal with Britain’s government')).toEqual(['no spy']);
  });

  it('keeps single quotes inside a double quotation as part of it', () => {
    expect(quoted('He said “we will sign ‘no spy’ agreements”.')).toEqual(['we will sign ‘no spy’ agreements']);
  });

  it('reports a quotation mark that never closes', () => {
    expect(findQuotations('He said “we will sign.').unbalanced).toBe(true);
  });
});

describe('verbatim matching', () => {
  const stored = '“I have grave, very deep concerns about Huawei providing the 5G network in Britain. It’s something we’d have to look at very closely,”';

  it('matches words copied exactly, whatever the quotation marks and trailing punctuation', () => {
    expect(isVerbatimIn('grave, very deep concerns', stored)).toBe(true);
    expect(isVerbatimIn("It's something we'd have to look at very closely.", stored)).toBe(true);
  });

  it('allows the first letter’s case to change and an ellipsis to stand for words left out', () => {
    expect(isVerbatimIn('Grave, very deep concerns', stored)).toBe(true);
    expect(isVerbatimIn('I have grave ... concerns about Huawei', stored)).toBe(true);
    expect(isVerbatimIn('concerns about Huawei … I have grave', stored)).toBe(false);
  });

  it('rejects changed words, changed case inside, and a word cut in half', () => {
    expect(isVerbatimIn('grave, very serious concerns', stored)).toBe(false);
    expect(isVerbatimIn('very Deep concerns', stored)).toBe(false);
    expect(isVerbatimIn('rave, very deep', stored)).toBe(false);
  });
});

describe('the speaker a sentence names', () => {
  it('names the person before or after the reporting verb', () => {
    expect(speaker('Gavin Williamson said he had “very deep concerns”.')).toBe('Gavin Williamson');
    expect(speaker('“It is madness,” said Mr Smith.')).toBe('Smith');
    expect(speaker('“It is madness,” Mr Smith told reporters.')).toBe('Smith');
    expect(speaker('According to Huawei, it had “never been asked”.')).toBe('Huawei');
    expect(speaker('Huawei chairman Liang Hua said it was “willing to sign”.')).toBe('Liang Hua');
  });

  it('names nobody for a pronoun, a role alone, or a name that is not next to the verb', () => {
    expect(speaker('He said he had “very deep concerns”.')).toBeNull();
    expect(speaker('The Defence Secretary said he had “very deep concerns”.')).toBeNull();
    expect(speaker('After talks with Germany, officials said it was “too much”.')).toBeNull();
  });

  it('never takes a name inside the quotation as the speaker', () => {
    expect(speaker('He said “Mr Williamson said nothing”.')).toBeNull();
  });

  it('compares a named speaker with the stored one word by word', () => {
    expect(isSameSpeaker('Mr Williamson', 'Gavin Williamson')).toBe(true);
    expect(isSameSpeaker('U.S. officials', 'US officials')).toBe(true);
    expect(isSameSpeaker('Alex Younger', 'Gavin Williamson')).toBe(false);
    expect(isSameSpeaker('Williamson', null)).toBe(false);
  });
});
