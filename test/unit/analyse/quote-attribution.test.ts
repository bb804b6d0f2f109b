import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { credits, makeArticle } from './make-article.ts';

describe('attributing quotations', () => {
  it('credits "…," X said and said X to the named person', () => {
    expect(credits('“We played well,” Jose Mourinho said.', '"The referee was fair," said Mourinho.')).toMatchObject([
      { speaker: 'Jose Mourinho', cueKind: 'explicit', cue: 'said' },
      { speaker: 'Jose Mourinho', cueKind: 'explicit', cue: 'said' },
    ]);
  });

  it('credits X said: "…" and X told Y "…"', () => {
    expect(credits('Health Secretary Alan Milburn said: "Waiting lists are falling."', 'Ms Patricia Hewitt told the BBC "the plan is fair".')).toMatchObject([
      { speaker: 'Alan Milburn', cue: 'said' },
      { speaker: 'Patricia Hewitt', cue: 'told' },
    ]);
  });

  it('credits a quotation to the speaker in apposition', () => {
    expect(
      credits(
        '"Growth will slow," Karen Ward, chief economist at the bank, told reporters.',
        'The head of the agency, Tom Baker, recently said the rules were "out of date".',
      ),
    ).toMatchObject([
      { speaker: 'Karen Ward', cue: 'told' },
      { speaker: 'Tom Baker', cue: 'said' },
    ]);
  });

  it('resolves "he said" to the right person before', () => {
    expect(
      credits('Sarah Jones met Peter Crouch after the match.', 'Crouch was delighted with his goal. "It was the best of my career," he said.'),
    ).toMatchObject([{ speaker: 'Peter Crouch', cueKind: 'pronoun' }]);
  });

  it('resolves "she said" past a man mentioned more recently', () => {
    expect(credits('Angela Merkel spoke after talks with Tony Blair.', '"We agree on most things," she said.')).toMatchObject([
      { speaker: 'Angela Merkel', cueKind: 'pronoun' },
    ]);
  });

  it('does not resolve "he" to a man named after a preposition in the same sentence', () => {
    expect(credits('Ivan Petrov arrived in London in 1985.', 'Commenting on Mr Markov’s case, he said: "He deserves nothing."')).toMatchObject([
      { speaker: 'Ivan Petrov', cueKind: 'pronoun' },
    ]);
  });

  it('resolves "the chairman said" to the person introduced as chairman', () => {
    expect(credits('Club chairman Peter Hill-Wood defended the deal.', 'The chairman said it was "the right price for both sides".')).toMatchObject([
      { speaker: 'Peter Hill-Wood', cueKind: 'role' },
    ]);
  });

  it('attributes a quote to the speaker named in the previous paragraph', () => {
    expect(credits('“We will not give up,” Mr Obama said.', '“This is only the beginning of a long fight for every family in the country.”')).toMatchObject([
      { speaker: 'Obama' },
      { speaker: 'Obama', cueKind: 'continuation' },
    ]);
  });

  it('keeps the speaker across a multi-paragraph quotation with no closing mark', () => {
    expect(
      credits('The minister, Jane Hart, said: "The budget is balanced.', '"Nobody will pay more tax this year."', 'The opposition disagreed.'),
    ).toMatchObject([
      { speaker: 'Jane Hart', cue: 'said' },
      { speaker: 'Jane Hart', cueKind: 'continuation' },
    ]);
  });

  it('continues the speaker of a quotation within the same paragraph', () => {
    expect(credits('“We will appeal,” the club’s lawyer Mark Daly told reporters. “The decision is wrong in law.”')).toMatchObject([
      { speaker: 'Mark Daly' },
      { speaker: 'Mark Daly', cueKind: 'continuation' },
    ]);
  });

  it('credits a statement announced in the paragraph before', () => {
    expect(credits('Acme Holdings issued the following statement:', '"We have done nothing wrong and will cooperate fully."')).toMatchObject([
      { speaker: 'Acme Holdings', cueKind: 'statement' },
    ]);
  });

  it('credits "the firm said in a statement" to the organisation of the article', () => {
    expect(
      credits(
        'Shares in Globex Corp fell sharply after Globex Corp missed its targets.',
        'The firm said in a statement that it was "confident of a recovery".',
      ),
    ).toMatchObject([{ speaker: 'Globex Corp', cueKind: 'organisation' }]);
  });

  it('credits a spokesman to the organisation the paragraph is about', () => {
    expect(credits('The Wellcome Trust denied the claims. A spokesman said: "These reports are false."')).toMatchObject([
      { speaker: 'Wellcome Trust spokesman', cueKind: 'role' },
    ]);
  });

  it('credits a group of officials, whatever spelling of the country', () => {
    expect(credits('U.S. officials warned that the plan would be “a serious mistake”.')).toMatchObject([{ speaker: 'US officials' }]);
  });

  it('does not attribute a scare quote, and does not list a so-called one at all', () => {
    expect(
      credits('The minister said the firm had used a “back door” route into the market.', 'Critics mocked the so-called "dream team" of advisers.'),
    ).toMatchObject([{ text: 'back door', speaker: null }]);
    expect(credits('Critics mocked the so-called "dream team" of advisers.')).toEqual([]);
  });

  it('does not attribute a quotation in a cross-head', () => {
    expect(credits('## Reform is “too slow”', 'The report said progress was slow.')).toMatchObject([{ text: 'too slow', speaker: null, cueKind: 'none' }]);
  });

  it('does not take the object of "told" as the speaker', () => {
    expect(credits('Mary Clarke told the director: "I will not sing tonight."')).toMatchObject([{ speaker: 'Mary Clarke' }]);
  });

  it('does not continue a quotation that has a cue naming someone else, even unnamed', () => {
    expect(credits('“Prices will rise,” Mr Grant said.', '“Nobody saw this coming,” a government insider said.')).toMatchObject([
      { speaker: 'Grant' },
      { speaker: 'a government insider' },
    ]);
  });

  it('credits the body behind a statement', () => {
    expect(credits('An Ofcom statement said: "The broadcaster breached the code."')).toMatchObject([{ speaker: 'Ofcom' }]);
  });

  it('finds the speaker after a description or before an affiliation', () => {
    expect(credits('"Sales are up," marketing manager Simon Price said.', '"We are lazy," David Noone from Intervoice said.')).toMatchObject([
      { speaker: 'Simon Price' },
      { speaker: 'David Noone' },
    ]);
  });

  it('credits a speaker named only by an indefinite role', () => {
    expect(credits('“We have the best squad,” a club director said.')).toMatchObject([{ speaker: 'club director', cueKind: 'role' }]);
  });

  it('credits nobody for a passive "has been called"', () => {
    expect(credits('Acme Ltd makes phones. It has been called “the next big thing” by fans.')).toMatchObject([{ speaker: null }]);
  });

  it('does not take a clause after the quotation for its cue', () => {
    expect(credits('The vote follows a “tough meeting” where some senior Tories argued against it.')).toMatchObject([{ speaker: null }]);
  });

  it('credits a quotation in single quotes, as British outlets write them', () => {
    expect(credits("Leeds boss Kevin Blackwell's side lost again. 'We were poor, it's that simple,' Blackwell said.")).toMatchObject([
      { text: "We were poor, it's that simple", speaker: 'Kevin Blackwell' },
    ]);
  });

  it('keeps the cue span on the cue verb', () => {
    const article = makeArticle(['"We lost," admitted Rafael Benitez.']);
    const [quote] = analyseArticle(article, { published: null }).quotes;
    expect(quote && quote.cueStart !== null && quote.cueEnd !== null ? article.text.slice(quote.cueStart, quote.cueEnd) : null).toBe('admitted');
  });
});
