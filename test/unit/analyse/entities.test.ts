import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { makeArticle } from './make-article.ts';

function entitiesOf(...paragraphs: string[]) {
  return analyseArticle(makeArticle(paragraphs), { published: null }).entities;
}

describe('finding entities', () => {
  it('files a full name, its honorific form and its surname under one person', () => {
    const entities = entitiesOf('Chancellor Gordon Brown set out his plans.', 'Mr Brown said taxes would not rise. Brown left early.');
    const brown = entities.find((entity) => entity.name === 'Gordon Brown');
    expect(brown).toMatchObject({ kind: 'person', named: true, roles: ['chancellor'] });
    expect(brown?.aliases).toEqual(expect.arrayContaining(['Mr Brown', 'Brown']));
    expect(entities.filter((entity) => entity.kind === 'person')).toHaveLength(1);
  });

  it('matches a surname-first name with its honorific form', () => {
    const entities = entitiesOf('Its founder, Dr Wang Jian, spoke in Beijing.', 'Dr Wang said the firm would grow.');
    const people = entities.filter((entity) => entity.kind === 'person');
    expect(people.map((entity) => entity.name)).toEqual(['Wang Jian']);
    expect(people[0]?.aliases).toEqual(expect.arrayContaining(['Dr Wang']));
    expect(people[0]?.roles).toEqual(['founder']);
  });

  it('joins organisation names across "of" and keeps two listed bodies apart', () => {
    const names = entitiesOf('The Department of Health and the Crown Prosecution Service and Serious Fraud Office met.').map((entity) => [
      entity.name,
      entity.kind,
    ]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['Department of Health', 'organisation'],
        ['Crown Prosecution Service', 'organisation'],
        ['Serious Fraud Office', 'organisation'],
      ]),
    );
  });

  it('normalises country variants of a place', () => {
    const places = entitiesOf('Talks between the U.S. and Britain went well. The US and the UK agreed.').filter((entity) => entity.kind === 'place');
    expect(places.map((place) => place.name).sort()).toEqual(['United Kingdom', 'United States']);
  });

  it('does not take a capitalised word that opens a sentence for a name', () => {
    const names = entitiesOf('However, growth slowed. Concerns remain about exports.').map((entity) => entity.name);
    expect(names).toEqual([]);
  });

  it('classifies a name as an organisation from a descriptor before it', () => {
    expect(entitiesOf('Shares in software firm Zentrix rose.')).toMatchObject([{ name: 'Zentrix', kind: 'organisation' }]);
  });

  it('classifies an unknown two-word name followed by "said" as a person', () => {
    expect(entitiesOf('Roderic Wye said the talks had failed.')).toMatchObject([{ name: 'Roderic Wye', kind: 'person' }]);
  });

  it('keeps a person named only by role as an unnamed entity with that role', () => {
    const entities = entitiesOf('The Home Secretary has said the law will change.');
    expect(entities.find((entity) => !entity.named)).toMatchObject({ name: 'Home Secretary', kind: 'person', roles: ['home secretary'] });
  });

  it('splits a role with an organisation in it from a knighted name', () => {
    const people = entitiesOf('Metropolitan Police Commissioner Sir John Stevens spoke.').filter((entity) => entity.kind === 'person');
    expect(people.map((person) => person.name)).toEqual(['John Stevens']);
    expect(people[0]?.roles).toContain('metropolitan police commissioner');
  });

  it('takes a person for a person from an apposition and a reporting verb', () => {
    expect(entitiesOf('Georgeta Minciu, a part-time cleaner from Iasi, said the phones were cheap.')).toMatchObject([
      { name: 'Georgeta Minciu', kind: 'person' },
    ]);
  });

  it('records mentions with their spans', () => {
    const article = makeArticle(['Mr Blair met Mr Chirac in Paris.']);
    const analysis = analyseArticle(article, { published: null });
    expect(analysis.mentions.map((mention) => article.text.slice(mention.start, mention.end))).toEqual(['Mr Blair', 'Mr Chirac', 'Paris']);
  });

  it('files a given name used alone under the one person of the article it starts', () => {
    const entities = entitiesOf('Rovers signed Peter Wilkins in May.', 'The manager said Peter was happy to stay.');
    expect(entities.filter((entity) => entity.kind === 'person' && entity.named).map((entity) => [entity.name, entity.aliases])).toEqual([
      ['Peter Wilkins', ['Peter']],
    ]);
  });

  it('does not take a capitalised common noun that opens a sentence for a name', () => {
    const names = entitiesOf('Shares in Acme Holdings fell on Monday.', 'Investors sold shares after the warning. Shares recovered later.').map(
      (entity) => entity.name,
    );
    expect(names).not.toContain('Shares');
  });

  it('keeps contractions such as "We\'ve" and "I\'m" out of names', () => {
    const names = entitiesOf('"We\'ve had a good year," said Jane Ashton. "We\'ve worked hard."', "I'm Sorry was her first hit.").map((entity) => entity.name);
    expect(names.filter((name) => /[’']/.test(name))).toEqual([]);
  });

  it("takes a nationality before a name for the person's description", () => {
    expect(entitiesOf('Andy Clark lost to Dutchman Piet Vos in the final.').find((entity) => entity.name === 'Piet Vos')).toMatchObject({
      kind: 'person',
      roles: ['dutchman'],
    });
  });

  it('takes a name that qualifies a role for an organisation, not a person', () => {
    const entities = entitiesOf('Riverside City striker Tom Hale has apologised.', 'City recently announced debts of £60m.');
    expect(entities.filter((entity) => entity.kind === 'person').map((entity) => entity.name)).toEqual(['Tom Hale']);
  });

  it('takes an event or competition for something other than a person', () => {
    const entities = entitiesOf('"He needs rest," said Kingston Cup doctor Hamish Grant.', 'He withdrew from the Kingston Cup.');
    expect(entities.find((entity) => entity.name === 'Kingston Cup')?.kind).not.toBe('person');
  });

  it('does not take a film title that starts with a role word for a person', () => {
    const entities = entitiesOf('He has worked on the Star Trek DVD box set.', 'Each DVD holds more data.');
    expect(entities.filter((entity) => entity.kind === 'person')).toEqual([]);
  });

  it('does not take a name and the verb after it for a group', () => {
    const entities = entitiesOf('Band frontman Tom Ashby thanked fans for their support.');
    expect(entities.filter((entity) => entity.kind === 'group').map((entity) => entity.name)).toEqual(['fans']);
  });

  it('takes a single name that does what only people do for a person, not an organisation', () => {
    const entities = entitiesOf('Hollis joined the club in 1998.', 'Hollis admitted the deal was close. Later Hollis explained his view.');
    expect(entities.find((entity) => entity.name === 'Hollis')?.kind).toBe('person');
  });

  it('takes a ground named after "in" or "at" for a place, even when it starts with a given name', () => {
    expect(entitiesOf('The club will build its new stadium in Ashton Park.').find((entity) => entity.name === 'Ashton Park')?.kind).toBe('place');
  });

  it('does not take a preposition that opens a sentence for part of a name', () => {
    const names = entitiesOf('Like Zentrix, the new service shares files.', 'Zentrix was shut down.').map((entity) => entity.name);
    expect(names.filter((name) => name.startsWith('Like'))).toEqual([]);
  });
});
