/**
 * Generated stories for the linking tests, and the checks that a stored story equals linking
 * the whole story again, read through plain SQL that both engines answer (`StoryRows`).
 */
import type { Entity } from '../../../src/core/article.ts';
import { linkStoryEntities } from '../../../src/core/analyse/entity-linking.ts';
import { lookupKeysOf } from '../../../src/core/retrieve/entity-index.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { analysedArticle, person } from './article-fixture.ts';

/** Runs a query (no parameters) on the store's database, from a second connection. */
/** The tables linking writes, each with the column naming the story entity a row belongs to: what the write-count tests watch. */
export const LINKING_TABLES = [
  ['entity_links', 'story_entity'],
  ['story_entity_names', 'story_entity'],
  ['story_entity_keys', 'story_entity'],
  ['story_entities', 'id'],
] as const;

export type StoryRows = (sql: string) => Promise<Record<string, unknown>[]>;

const GIVEN = ['Alice', 'Bruno', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas'];
const SYLLABLES = ['bar', 'cor', 'del', 'fen', 'gar', 'hol', 'kin', 'lam', 'mor', 'nes', 'pal', 'ros', 'sten', 'tor', 'vel', 'wick'];
const ROLES = ['chairman', 'finance minister', 'chief executive', 'mayor', 'coach'];

/** A made-up surname per number: "Barcorson", "Delfenson", … */
export function surname(n: number): string {
  const a = SYLLABLES[n % SYLLABLES.length]!;
  const b = SYLLABLES[Math.floor(n / SYLLABLES.length) % SYLLABLES.length]!;
  const c = Math.floor(n / SYLLABLES.length ** 2);
  return `${a[0]!.toUpperCase()}${a.slice(1)}${b}${c > 0 ? SYLLABLES[c % SYLLABLES.length] : ''}son`;
}

/** Person n: a given name (two people may share a surname: n and n + 300) and maybe a role. */
export function personNamed(n: number, key: string, withRole = false): Entity {
  const last = surname(n % 300);
  return person(key, `${GIVEN[n % GIVEN.length]} ${last}`, [last], withRole ? [ROLES[n % ROLES.length]!] : []);
}

export function organisation(key: string, name: string, aliases: readonly string[] = []): Entity {
  return { key, name, kind: 'organisation', aliases, roles: [], named: true };
}

/**
 * Article i: two full names (one with a role), a surname alone (joined to its one full name,
 * or left alone when two people share it), an unnamed role holder, and an organisation named
 * in full with its short name or by the short name alone.
 */
export function generated(i: number, people: readonly number[] = [(i * 7) % 400, (i * 13 + 5) % 400, (i * 3 + 1) % 400]): ReturnType<typeof analysedArticle> {
  const [a, b, c] = people as [number, number, number];
  const first = personNamed(a, 'p0', true);
  const second = personNamed(b, 'p1');
  const single = person('p2', surname(c % 300));
  const roleHolder: Entity = {
    key: 'r0',
    name: `the ${ROLES[c % ROLES.length]}`,
    kind: 'person',
    aliases: [],
    roles: [ROLES[c % ROLES.length]!],
    named: false,
  };
  const short = `${SYLLABLES[i % 12]!.toUpperCase()}`;
  const org = i % 2 === 0 ? organisation('o0', `${short} Holdings`, [short]) : organisation('o0', short);
  const quote = `We will look at item ${i} closely,`;
  return analysedArticle({
    id: `gen/${String(i).padStart(5, '0')}`,
    paragraphs: [`${first.name} met ${second.name}, ${single.name} and ${roleHolder.name} at ${org.name}. “${quote}” ${first.name} said.`],
    entities: [first, second, single, roleHolder, org],
    quotes: [{ text: quote, speaker: 'p0', cue: 'said' }],
    hash: `hash-${i}`,
  });
}

/** Every difference between the stored story and linking the whole story again from its articles. */
export async function differencesFromWholeLinking(store: Store, rows: StoryRows): Promise<string[]> {
  const whole = linkStoryEntities(await store.listArticleEntities());
  const stored = new Map((await store.storyEntities()).map((entity) => [entity.id, entity]));
  const differences: string[] = [];
  for (const entity of whole.entities) {
    const row = stored.get(entity.id);
    stored.delete(entity.id);
    if (!row) differences.push(`missing ${entity.id}`);
    else if (
      row.name !== entity.name ||
      row.kind !== entity.kind ||
      JSON.stringify(row.aliases) !== JSON.stringify(entity.aliases) ||
      JSON.stringify(row.roles) !== JSON.stringify(entity.roles)
    )
      differences.push(`differs ${entity.id}`);
    else if (row.articleCount !== entity.articles.length) differences.push(`article count of ${entity.id}: ${row.articleCount}, not ${entity.articles.length}`);
  }
  for (const id of stored.keys()) differences.push(`extra ${id}`);
  const links = (await rows('SELECT article, entity_key, story_entity FROM entity_links')) as {
    article: string;
    entity_key: string;
    story_entity: string;
  }[];
  const storedLinks = new Map(links.map((l) => [`${l.article}\u0000${l.entity_key}`, l.story_entity]));
  for (const [key, id] of whole.links)
    if (storedLinks.get(key) !== id) differences.push(`link ${key.replace('\u0000', ' ')}: ${storedLinks.get(key)}, not ${id}`);
  if (storedLinks.size !== whole.links.size) differences.push(`${storedLinks.size} links, not ${whole.links.size}`);
  // The rows a question reads entities by (names and role stems) are those of the stored entities.
  const rowsOf = async (sql: string) => {
    const byEntity = new Map<string, string[]>();
    for (const { id, key } of (await rows(sql)) as { id: string; key: string }[]) byEntity.set(id, [...(byEntity.get(id) ?? []), key]);
    for (const keys of byEntity.values()) keys.sort();
    return byEntity;
  };
  const names = await rowsOf('SELECT story_entity AS id, name_key AS key FROM story_entity_names');
  const roles = await rowsOf('SELECT story_entity AS id, role_stem AS key FROM story_entity_roles');
  for (const entity of await store.storyEntities()) {
    const keys = lookupKeysOf(entity);
    if (JSON.stringify(names.get(entity.id) ?? []) !== JSON.stringify([...keys.names].sort())) differences.push(`name keys of ${entity.id}`);
    if (JSON.stringify(roles.get(entity.id) ?? []) !== JSON.stringify([...keys.roleStems].sort())) differences.push(`role stems of ${entity.id}`);
  }
  return differences;
}

/** Story entities whose stored article or quotation count differs from a count of their links. */
export async function countsDifferingFromLinks(rows: StoryRows): Promise<string[]> {
  const found = await rows(
    `SELECT e.id FROM story_entities e WHERE e.article_count != (SELECT count(DISTINCT l.article) FROM entity_links l WHERE l.story_entity = e.id)
      OR e.quote_count != (SELECT count(*) FROM entity_links l JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key WHERE l.story_entity = e.id)`,
  );
  return found.map((row) => String(row.id));
}
