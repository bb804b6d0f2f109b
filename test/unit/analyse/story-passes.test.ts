import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Entity, EntityKind } from '../../../src/core/article.ts';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { linkStoryEntities } from '../../../src/core/analyse/entity-linking.ts';
import { storyLinkerInPasses } from '../../../src/core/analyse/story-passes.ts';
import { cleanArticle } from '../../../src/core/clean/index.ts';
import { decodeText } from '../../../src/ingest/decode.ts';
import { parseFrontMatter } from '../../../src/ingest/front-matter.ts';
import { seededRandom } from '../../../scripts/seeded-random.ts';

type Article = { readonly id: string; readonly entities: readonly Entity[] };

/** Both linkers on the same articles: entities (without their article lists) and every link. */
function both(articles: readonly Article[]) {
  const whole = linkStoryEntities(articles);
  const linker = storyLinkerInPasses();
  for (const article of articles) linker.add(article);
  const passes = linker.finish();
  const links = (linkOf: (article: string, entity: Entity) => string | undefined) =>
    articles.flatMap(({ id, entities }) => entities.map((entity) => `${id} ${entity.key} → ${linkOf(id, entity)}`));
  return {
    whole: { entities: whole.entities.map(({ articles: _, ...entity }) => entity), links: links((id, entity) => whole.links.of(id, entity.key)) },
    passes: { entities: passes.entities, links: links(passes.linkOf) },
  };
}

function person(key: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { key, name, kind: 'person', aliases: [], roles: [], named: true, ...extra };
}

/**
 * Articles naming, in random mixes, people by full name and by surname alone (some surnames
 * shared by two full names, some also an organisation's name), organisations by name and alias,
 * and people only by role: every rule of linking and every tie its descriptions can meet.
 */
function mixedStory(count: number, seed: number): Article[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const people = ['Jane Doe', 'John Doe', 'Chen Wei', 'Mary Smith', 'Ali Khan', 'Dr Ali Khan', 'jane doe', 'Tom Baker', 'The Smiths'];
  const singles = ['Doe', 'Chen', 'Wei', 'Smith', 'Khan', 'Baker', 'Acme', 'Brown'];
  const things = ['Acme', 'Acme Corp', 'the Acme Group', 'Ofcom', 'London', 'Smith', 'Baker Street'];
  const roles = ['minister', 'defence secretary', 'chairman', 'acme chairman', 'spokesman', 'coach'];
  const kinds: EntityKind[] = ['organisation', 'place', 'group', 'organisation'];
  const articles: Article[] = [];
  for (let n = 0; n < count; n++) {
    const entities: Entity[] = [];
    const size = 1 + Math.floor(next() * 6);
    for (let e = 0; e < size; e++) {
      const key = `e${e}`;
      const someRoles = next() < 0.4 ? [pick(roles), ...(next() < 0.3 ? [pick(roles)] : [])] : [];
      const roll = next();
      if (roll < 0.3) entities.push(person(key, pick(people), { roles: someRoles, aliases: next() < 0.3 ? [pick(singles), `Ms ${pick(singles)}`] : [] }));
      else if (roll < 0.55) entities.push(person(key, pick(singles), { roles: someRoles, aliases: next() < 0.2 ? [`Mr ${pick(singles)}`] : [] }));
      else if (roll < 0.8)
        entities.push({ key, name: pick(things), kind: pick(kinds), aliases: next() < 0.4 ? [pick(things), 'the firm'] : [], roles: someRoles, named: true });
      else {
        const role = pick(roles);
        entities.push(person(key, `the ${role}`, { named: false, roles: next() < 0.3 ? [role, pick(roles)] : [role] }));
      }
    }
    // Entity keys in order, as the store reads them.
    articles.push({ id: `a${String(n).padStart(4, '0')}`, entities });
  }
  return articles;
}

describe('storyLinkerInPasses', () => {
  it('decides what linkStoryEntities decides for a surname, a full name and a role holder', () => {
    const { whole, passes } = both([
      { id: 'a', entities: [person('e0', 'Theresa Villiers', { roles: ['environment secretary'], aliases: ['Ms Villiers'] })] },
      { id: 'b', entities: [person('e3', 'Villiers')] },
      { id: 'c', entities: [person('e1', 'Environment Secretary', { named: false, roles: ['environment secretary'] })] },
    ]);
    expect(passes).toEqual(whole);
    expect(new Set(passes.links.map((link) => link.split(' → ')[1])).size).toBe(1);
  });

  it('orders a group as linkStoryEntities does when surnames of two kinds join it between its own members', () => {
    // "Chen" and "Wei" both join "Chen Wei", interleaved; the most common name ties.
    const { whole, passes } = both([
      { id: 'a', entities: [person('e0', 'Wei', { aliases: ['Mr Wei'] }), person('e1', 'Chen Wei', { roles: ['coach'] })] },
      { id: 'b', entities: [person('e0', 'Chen', { aliases: ['Dr Chen'] }), person('e1', 'Wei', { roles: ['chairman'] })] },
      { id: 'c', entities: [person('e0', 'Chen'), person('e1', 'Chen Wei', { aliases: ['Dr Chen'] })] },
      { id: 'd', entities: [{ key: 'e0', name: 'Wei', kind: 'organisation', aliases: [], roles: [], named: true }] },
    ]);
    expect(passes).toEqual(whole);
  });

  it('links a mixed story of 400 articles exactly as linkStoryEntities does', () => {
    for (const seed of [1, 2, 3]) {
      const { whole, passes } = both(mixedStory(400, seed));
      expect(passes.entities.length).toBeGreaterThan(10);
      expect(passes).toEqual(whole);
    }
  });

  it('links the seed articles as linkStoryEntities does', () => {
    const seeds = fileURLToPath(new URL('../../../seeds/', import.meta.url));
    const articles = readdirSync(seeds)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => {
        const { text } = decodeText(readFileSync(`${seeds}${file}`));
        const { body, bodyLine } = parseFrontMatter(text);
        const clean = cleanArticle(body, { firstLine: bodyLine });
        const entities = [...analyseArticle(clean, { published: clean.dateline.published }).entities].sort((a, b) =>
          a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
        );
        return { id: file.replace(/\.txt$/, ''), entities };
      });
    const { whole, passes } = both(articles);
    expect(passes.entities.length).toBeGreaterThan(20);
    expect(passes).toEqual(whole);
  });

  it('leaves unlinked the entities of an article the first read did not see', () => {
    const linker = storyLinkerInPasses();
    linker.add({ id: 'a', entities: [person('e0', 'Jane Doe')] });
    const story = linker.finish();
    expect(story.linkOf('a', person('e0', 'Jane Doe'))).toBe('person:jane-doe');
    expect(story.linkOf('b', person('e0', 'Jane Doe'))).toBeUndefined();
  });
});
