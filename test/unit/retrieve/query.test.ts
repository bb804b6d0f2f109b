import { describe, expect, it } from 'vitest';
import { parseQuestion, planTerms } from '../../../src/core/retrieve/query.ts';
import { buildEntityIndex } from '../../../src/core/retrieve/entity-index.ts';
import { entity, harbourStory } from './fixtures.ts';

const labels = (question: string) => parseQuestion(question, harbourStory).concepts.map((c) => c.label);

describe('reading a question', () => {
  it('keeps content words and drops the words a question is made of', () => {
    expect(labels('What is the latest on the harbour expansion?')).toEqual(['harbour', 'expansion']);
  });

  it('reads a known person by full name, surname or honorific as one concept', () => {
    for (const question of ['What did Maria Lopez decide?', 'What did Ms Lopez decide?', 'Has Lopez decided?']) {
      const plan = parseQuestion(question, harbourStory);
      expect(plan.concepts.find((c) => c.entity)?.entity?.id, question).toBe('person:maria-lopez');
    }
  });

  it('finds the person who holds a role, in other words for the head of it', () => {
    expect(parseQuestion('What did the transport minister announce?', harbourStory).concepts[0]?.entity?.id).toBe('person:maria-lopez');
    expect(parseQuestion('What did the transport chief announce?', harbourStory).concepts[0]?.entity?.id).toBe('person:maria-lopez');
  });

  it('finds the head of an organisation through the description the coverage gives it, and only then', () => {
    const pact = (aliases: string[]) =>
      buildEntityIndex([
        entity({ id: 'org:pact', name: 'Northern Pact', kind: 'organisation', aliases, articleCount: 2 }),
        entity({
          id: 'person:ann-berg',
          name: 'Ann Berg',
          kind: 'person',
          aliases: ['Ms Berg'],
          roles: ['northern pact secretary general'],
          articleCount: 2,
          quoteCount: 3,
        }),
      ]);
    const question = 'What did the head of the military alliance say?';
    expect(parseQuestion(question, pact(['the military alliance'])).speaker?.id).toBe('person:ann-berg');
    expect(parseQuestion(question, pact([])).speaker).toBeUndefined();
    expect(parseQuestion('What did the head of the Northern Pact say?', pact([])).speaker?.id).toBe('person:ann-berg');
  });

  it('reads a demonym in a role as its country: "the Italian coach" holds the role "Italy coach"', () => {
    const index = buildEntityIndex([entity({ id: 'person:gianni-rossi', name: 'Gianni Rossi', kind: 'person', roles: ['italy coach'], quoteCount: 2 })]);
    expect(parseQuestion('What did the Italian coach say?', index).speaker?.id).toBe('person:gianni-rossi');
  });

  it('does not take a bare "head" or a plural for the one person who holds a role', () => {
    expect(parseQuestion('What did the head say?', harbourStory).speaker).toBeUndefined();
    expect(parseQuestion('What did transport ministers say?', harbourStory).speaker).toBeUndefined();
  });

  it('reads "the company" and its description as the organisation the story is about', () => {
    const plan = parseQuestion('Who set up the shipping company?', harbourStory);
    const organisation = plan.concepts.find((c) => c.entity);
    expect(organisation?.entity?.id).toBe('org:portco');
    expect(organisation?.label).toBe('the shipping company');
    expect(organisation?.forms.map((f) => f.text)).toContain('the firm');
  });

  it('expands a country to its other names, demonym and seat of government', () => {
    const forms = planTerms(parseQuestion('Did Washington object?', harbourStory));
    expect(forms).toEqual(expect.arrayContaining(['United States', 'US', 'U.S.', 'America', 'American']));
  });

  it('tells the country US from the pronoun us', () => {
    expect(planTerms(parseQuestion('Did the US object?', harbourStory))).toContain('United States');
    expect(planTerms(parseQuestion('Tell us about the ferries', harbourStory))).not.toContain('United States');
  });

  it('adds words WordNet relates to the question’s words, so "fired" finds "dismissed"', () => {
    const forms = planTerms(parseQuestion('Was the manager fired?', harbourStory));
    expect(forms).toEqual(expect.arrayContaining(['dismissed', 'discharged']));
  });

  it('names the speaker of a "what did X say" question, preferring a person', () => {
    const plan = parseQuestion('What did PortCo boss Tom Reed say about the strike?', harbourStory);
    expect(plan.answer).toBe('statement');
    expect(plan.speaker?.id).toBe('person:tom-reed');
  });

  it('keeps the words of a speaker it does not know', () => {
    const plan = parseQuestion('What did the dock workers say?', harbourStory);
    expect(plan.speaker).toBeUndefined();
    expect(plan.speakerWords).toBe('the dock workers');
  });

  it('knows what kind of answer a question wants', () => {
    expect(parseQuestion('How much did the harbour cost?', harbourStory).answer).toBe('amount');
    expect(parseQuestion('When did the strike start?', harbourStory).answer).toBe('date');
    expect(parseQuestion('Why did the talks fail?', harbourStory).answer).toBe('reason');
    expect(parseQuestion('Who owns the harbour?', harbourStory).answer).toBe('person');
  });

  it('finds nothing to look for in punctuation, operators and emoji, without throwing', () => {
    for (const question of ['???', '🙂🙂', 'AND OR NOT', '" * ^ :', '']) {
      expect(parseQuestion(question, buildEntityIndex([])).concepts).toEqual([]);
    }
  });
});
