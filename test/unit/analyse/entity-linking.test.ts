import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/article.ts';
import { linkKey, linkStoryEntities } from '../../../src/core/analyse/entity-linking.ts';

function person(key: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { key, name, kind: 'person', aliases: [], roles: [], named: true, ...extra };
}

describe('linkStoryEntities', () => {
  it('links a full name, a surname and a role-only mention across articles to one person', () => {
    const story = linkStoryEntities([
      { id: 'a', entities: [person('e0', 'Theresa Villiers', { roles: ['environment secretary'], aliases: ['Ms Villiers'] })] },
      { id: 'b', entities: [person('e3', 'Villiers')] },
      { id: 'c', entities: [person('e1', 'Environment Secretary', { named: false, roles: ['environment secretary'] })] },
    ]);
    const ids = new Set([story.links.get(linkKey('a', 'e0')), story.links.get(linkKey('b', 'e3')), story.links.get(linkKey('c', 'e1'))]);
    expect(ids.size).toBe(1);
    const [only] = story.entities;
    expect(story.entities).toHaveLength(1);
    expect(only).toMatchObject({ name: 'Theresa Villiers', kind: 'person', articles: ['a', 'b', 'c'] });
    expect(only?.aliases).toEqual(expect.arrayContaining(['Ms Villiers', 'Villiers', 'Environment Secretary']));
  });

  it('links "Dr Li" to a surname-first full name', () => {
    const story = linkStoryEntities([
      { id: 'a', entities: [person('e0', 'Li Keqiang')] },
      { id: 'b', entities: [person('e0', 'Li', { aliases: ['Dr Li'] })] },
    ]);
    expect(story.entities.map((entity) => entity.name)).toEqual(['Li Keqiang']);
  });

  it('leaves a surname alone when two people of the story share it', () => {
    const story = linkStoryEntities([
      { id: 'a', entities: [person('e0', 'Boris Johnson'), person('e1', 'Jo Johnson')] },
      { id: 'b', entities: [person('e0', 'Johnson')] },
    ]);
    expect(story.entities.map((entity) => entity.name).sort()).toEqual(['Boris Johnson', 'Jo Johnson', 'Johnson']);
  });

  it('leaves a role-only mention alone when several people hold the role', () => {
    const story = linkStoryEntities([
      { id: 'a', entities: [person('e0', 'Ann Lee', { roles: ['chairman'] }), person('e1', 'Bo Chan', { roles: ['chairman'] })] },
      { id: 'b', entities: [person('e0', 'chairman', { named: false, roles: ['chairman'] })] },
    ]);
    expect(story.entities).toHaveLength(3);
  });

  it('links organisations by name and by an alias such as an acronym', () => {
    const org = (key: string, name: string, aliases: string[] = []): Entity => ({ key, name, kind: 'organisation', aliases, roles: [], named: true });
    const story = linkStoryEntities([
      { id: 'a', entities: [org('e0', 'World Health Organization', ['WHO'])] },
      { id: 'b', entities: [org('e2', 'WHO')] },
      { id: 'c', entities: [org('e5', 'the World Health Organization')] },
    ]);
    expect(story.entities.map((entity) => entity.name)).toEqual(['World Health Organization']);
  });

  it('lists every link as an article-and-key pair with its story entity', () => {
    const story = linkStoryEntities([
      { id: 'a', entities: [person('e0', 'Ann Lee'), person('e1', 'Lee')] },
      { id: 'b', entities: [person('e0', 'Bo Chan')] },
    ]);
    const pairs = [...story.links].map(([key, id]) => [key.split('\u0000'), id]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        [['a', 'e0'], 'person:ann-lee'],
        [['a', 'e1'], 'person:ann-lee'],
      ]),
    );
    expect(pairs).toHaveLength(3);
    expect(story.links.of('a', 'e1')).toBe('person:ann-lee');
    expect(story.links.has(linkKey('b', 'e9'))).toBe(false);
  });

  it('gives stable ids made from kind and name', () => {
    const story = linkStoryEntities([{ id: 'a', entities: [person('e0', 'José Mourinho')] }]);
    expect(story.entities[0]?.id).toBe('person:jose-mourinho');
  });

  it('links 10,000 articles of 20 entities each, every mention linked once', () => {
    const articles = Array.from({ length: 10_000 }, (_, a) => ({
      id: `article-${a}`,
      entities: Array.from({ length: 20 }, (_, e): Entity => {
        const n = (a * 7 + e * 13) % 3000;
        return e % 2 === 0
          ? person(`e${e}`, `Given${n % 50} Family${n}`, { aliases: [`Mr Family${n}`], roles: [`role ${n % 40}`] })
          : { key: `e${e}`, name: `Body ${n} Council`, kind: 'organisation', aliases: [], roles: [], named: true };
      }),
    }));
    // How fast it is belongs to `npm run bench` (ingest at 10k); here, that the whole story links.
    const story = linkStoryEntities(articles);
    expect(story.links.size).toBe(200_000);
  });

  it('does not link an unnamed spokesperson to the named person who holds the role elsewhere', () => {
    const story = linkStoryEntities([
      { id: 'a', entities: [person('e0', 'Fiona Kemp', { roles: ['spokesman', 'labour spokesman'] })] },
      { id: 'b', entities: [person('e0', 'Labour spokesman', { named: false, roles: ['spokesman', 'labour spokesman'] })] },
    ]);
    expect(story.links.get(linkKey('b', 'e0'))).not.toBe(story.links.get(linkKey('a', 'e0')));
  });

  it('links a role-only mention to the holder its own article names when several hold the role', () => {
    const story = linkStoryEntities([
      { id: 'a', entities: [person('e0', 'Ann Lee', { roles: ['tory leader'] }), person('e1', 'Bo Chan', { roles: ['tory leader'] })] },
      { id: 'b', entities: [person('e0', 'Bo Chan'), person('e1', 'Tory leader', { named: false, roles: ['tory leader'] })] },
    ]);
    expect(story.links.get(linkKey('b', 'e1'))).toBe(story.links.get(linkKey('a', 'e1')));
  });
});
