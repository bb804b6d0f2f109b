import { describe, expect, it } from 'vitest';
import { entitiesByArticle, entityReader, toEntity, type EntityRow } from '../../../src/store/sqlite/rows.ts';

const row = (article: string, aliases: string[]): EntityRow => ({
  article,
  key: 'e1',
  name: 'Joan Smith',
  kind: 'person',
  aliases: JSON.stringify(aliases),
  roles: JSON.stringify(['defence secretary']),
  named: 1,
});

describe('reading every article’s entities for story linking', () => {
  it('gives the entities each row holds', () => {
    const read = entityReader();
    for (const r of [row('a', ['Ms Smith', 'Smith']), row('b', ['Smith']), row('c', [])]) expect(read(r)).toEqual(toEntity(r));
  });

  it('shares one list between rows that hold the same aliases, and none between different ones', () => {
    const read = entityReader();
    const [first, second, other] = [read(row('a', ['Ms Smith', 'Smith'])), read(row('b', ['Ms Smith', 'Smith'])), read(row('c', ['Smith']))];
    expect(second.aliases).toBe(first.aliases);
    expect(second.roles).toBe(first.roles);
    expect(other.aliases).not.toBe(first.aliases);
    expect(other.aliases).toEqual(['Smith']);
  });

  it('groups rows read a chunk at a time by article, an article split across two chunks kept whole', async () => {
    const rows = ['a', 'a', 'b', 'b', 'b', 'c'].map((article, n) => ({ ...row(article, []), key: `e${n}` }));
    const after: (string | null)[] = [];
    const chunks = [rows.slice(0, 3), rows.slice(3, 5), rows.slice(5), []];
    const read = async (last: EntityRow | null) => {
      after.push(last?.key ?? null);
      return chunks.shift() ?? [];
    };
    const grouped = [];
    for await (const article of entitiesByArticle(read)) grouped.push({ id: article.id, keys: article.entities.map((e) => e.key) });
    expect(grouped).toEqual([
      { id: 'a', keys: ['e0', 'e1'] },
      { id: 'b', keys: ['e2', 'e3', 'e4'] },
      { id: 'c', keys: ['e5'] },
    ]);
    // Each chunk is asked for after the last row of the one before.
    expect(after).toEqual([null, 'e2', 'e4', 'e5']);
  });
});
