import { describe, expect, it } from 'vitest';
import { entityReader, toEntity, type EntityRow } from '../../../src/store/sqlite/rows.ts';

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
});
