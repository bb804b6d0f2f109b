import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/ports/store.ts';
import { buildEntityIndex, buildRoleIndex, type KnownEntity, roleStems } from '../../../src/core/retrieve/entity-index.ts';
import { EntityLookups, readQuestion } from '../../../src/core/retrieve/question-entities.ts';
import { parseQuestion } from '../../../src/core/retrieve/query.ts';
import { entity, entityLookupsOver, harbourStory } from './fixtures.ts';

// The harbour story of the other tests, and entities that name alike, share roles or lead an organisation.
const story: readonly KnownEntity[] = [
  ...harbourStory.all,
  entity({ id: 'org:pact', name: 'Northern Pact', kind: 'organisation', aliases: ['the military alliance'], articleCount: 2 }),
  entity({ id: 'org:quayside', name: 'Quayside Holdings', kind: 'organisation', aliases: ["Quayside's"], articleCount: 3, quoteCount: 0 }),
  entity({
    id: 'person:juan-lopez',
    name: 'Juan Lopez',
    kind: 'person',
    aliases: ['Mr Lopez', 'Lopez'],
    roles: ['Italy coach'],
    articleCount: 1,
    quoteCount: 1,
  }),
  entity({
    id: 'person:ann-berg',
    name: 'Ann Berg',
    kind: 'person',
    aliases: ['Ms Berg'],
    roles: ['northern pact secretary general', 'chairman'],
    articleCount: 2,
    quoteCount: 3,
  }),
  entity({ id: 'person:chairman', name: 'the chairman', kind: 'person', roles: ['chairman'], articleCount: 1, quoteCount: 1 }),
  entity({ id: 'person:ana-rossi', name: 'Ana Rossi', kind: 'person', aliases: ['Ms Rossi'], roles: ['Italy ambassador'], articleCount: 1 }),
];
const ARTICLES = 6;

/** A store holding `story` that answers the lookups as the engines do (the contract suite holds them to it), and counts whole-list reads. */
function lookupStore(): { store: Store; wholeReads: () => number } {
  let wholeReads = 0;
  const store = {
    countArticles: async () => ARTICLES,
    storyEntities: async () => {
      wholeReads += 1;
      return story;
    },
    ...entityLookupsOver(story),
  } as unknown as Store;
  return { store, wholeReads: () => wholeReads };
}

describe('reading a question with the entities it names, read by key', () => {
  const questions = [
    'What did Maria Lopez say about the harbour?',
    'What did Lopez say?',
    "What is Quayside's plan?",
    'Who runs PortCo Ltd?',
    'What did the transport chief announce?',
    'What did the Italian coach say?',
    'What did the head of the military alliance say?',
    'What did the chairman say?',
    'What did the chief executive of the firm say?',
    'Why did the company cut jobs?',
    'What did union leaders demand?',
    'What did Ms Berg and Mr Reed agree?',
    'What did Odile Verhaegen say?',
    'When did the harbour open?',
  ];

  it('gives the same plan as the index of every entity', async () => {
    const { store } = lookupStore();
    const whole = buildEntityIndex(story, ARTICLES);
    const lookups = new EntityLookups(store);
    const view = { questionEntities: () => lookups.session() };
    for (const question of questions) {
      expect(await readQuestion(question, view), question).toEqual(parseQuestion(question, whole));
    }
  });

  it('never reads the list of every entity, and reads a name it has read once only once', async () => {
    const { store, wholeReads } = lookupStore();
    let keyReads = 0;
    const counting = new Proxy(store, {
      get(target, property) {
        if (property === 'storyEntitiesByKey') keyReads += 1;
        return Reflect.get(target, property);
      },
    });
    const lookups = new EntityLookups(counting);
    const view = { questionEntities: () => lookups.session() };
    await readQuestion('What did Maria Lopez say?', view);
    const first = keyReads;
    expect(first).toBeGreaterThan(0);
    await readQuestion('What did Maria Lopez say?', view);
    expect(keyReads).toBe(first);
    expect(wholeReads()).toBe(0);
  });

  it('reads whole only the holders a role lookup finds, not every holder of the role word', async () => {
    const { store } = lookupStore();
    const readWhole: string[] = [];
    const counting = new Proxy(store, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (property !== 'storyEntitiesByKey') return value;
        return async (keys: Parameters<Store['storyEntitiesByKey']>[0]) => {
          const found = await value(keys);
          readWhole.push(...found.filter((e: KnownEntity) => e.kind === 'person' && e.roles.length > 0 && !keys.names?.length).map((e: KnownEntity) => e.id));
          return found;
        };
      },
    });
    const lookups = new EntityLookups(counting);
    const view = { questionEntities: () => lookups.session() };
    const question = 'What did the Italian coach say?';
    expect(await readQuestion(question, view)).toEqual(parseQuestion(question, buildEntityIndex(story, ARTICLES)));
    // Juan Lopez is the Italy coach; Ana Rossi holds a role of Italy too, and is not read whole.
    expect(readWhole).toEqual(['person:juan-lopez']);
    // Read once: asked again, the holder is not read again.
    await readQuestion(question, view);
    expect(readWhole).toEqual(['person:juan-lopez']);
  });
});

describe('roles as lookups read them', () => {
  it('stems a role the same however often it is read, and a caller changing the stems changes nothing after', () => {
    const first = roleStems('Secretary of Defence');
    expect(first).toEqual(['secretari', 'defenc']);
    first.push('changed');
    expect(roleStems('Secretary of Defence')).toEqual(['secretari', 'defenc']);
  });

  it('finds every holder of a role many people share, by its head and by its modifier', () => {
    const holders = Array.from({ length: 50 }, (_, i) =>
      entity({ id: `person:p${i}`, name: `Person ${i}`, kind: 'person', roles: [i % 2 === 0 ? 'foreign minister' : 'finance minister'] }),
    );
    const index = buildRoleIndex(holders);
    expect(index.byRole(['foreign', 'minister'])).toHaveLength(25);
    expect(index.byRole(['finance', 'minister']).map((holder) => holder.id)).toContain('person:p1');
    expect(index.byRole(['defence', 'minister'])).toEqual([]);
  });
});
