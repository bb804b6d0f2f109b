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
    const names = entitiesOf('The Department of Health and the Crown Prosecution Service and Serious Fraud Office met.').map((entity) => [entity.name, entity.kind]);
    expect(names).toEqual(expect.arrayContaining([['Department of Health', 'organisation'], ['Crown Prosecution Service', 'organisation'], ['Serious Fraud Office', 'organisation']]));
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
    expect(entitiesOf('Georgeta Minciu, a part-time cleaner from Iasi, said the phones were cheap.')).toMatchObject([{ name: 'Georgeta Minciu', kind: 'person' }]);
  });

  it('records mentions with their spans', () => {
    const article = makeArticle(['Mr Blair met Mr Chirac in Paris.']);
    const analysis = analyseArticle(article, { published: null });
    expect(analysis.mentions.map((mention) => article.text.slice(mention.start, mention.end))).toEqual(['Mr Blair', 'Mr Chirac', 'Paris']);
  });
});
