/**
 * A speaker's role as a reader expects to see it beside the name: "Defence Secretary",
 * "Head of FBI", "UNESCO Secretary General". Analysis keeps roles lower-cased; the capitals of
 * acronyms come back from the ways the articles wrote the name.
 */
import type { KnownEntity } from '../retrieve/entity-index.ts';
import { foldForLookup } from '../retrieve/entity-index.ts';

/** Roles longer than this read as a description, not a title; a shorter one is preferred. */
const TITLE_WORDS = 4;
const LOWER_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'at', 'in', 'on', 'to', 'a', 'an']);

/** Written forms with inner capitals ("FBI", "UNESCO", "McKinsey") from the entity's aliases. */
function writtenForms(entity: Pick<KnownEntity, 'name' | 'aliases'>): Map<string, string> {
  const forms = new Map<string, string>();
  for (const alias of [entity.name, ...entity.aliases]) {
    for (const word of alias.split(/[\s’']+/)) {
      if (/\p{Lu}/u.test(word.slice(1))) forms.set(word.toLowerCase(), word);
    }
  }
  return forms;
}

/**
 * The role to show for a speaker, or null when it has none or its name already says it.
 * Among several, the most specific title of up to four words.
 *
 * @example roleLabel({ name: 'Ana Costa', roles: ['secretary general', 'unesco secretary general'], aliases: ['UNESCO secretary general'], … })
 *   === 'UNESCO Secretary General'
 * @example roleLabel({ name: 'Joan Smith', roles: ['defence secretary'], … }) === 'Defence Secretary'
 */
export function roleLabel(entity: Pick<KnownEntity, 'name' | 'roles' | 'aliases'>): string | null {
  // "Acme spokesman" needs no role "spokesman" beside it.
  const nameWords = new Set(foldForLookup(entity.name).split(' '));
  const roles = entity.roles
    .map((role) => role.trim())
    .filter(
      (role) =>
        role !== '' &&
        !foldForLookup(role)
          .split(' ')
          .every((word) => nameWords.has(word)),
    );
  if (roles.length === 0) return null;
  const words = (role: string) => role.split(/\s+/).length;
  const titles = roles.filter((role) => words(role) <= TITLE_WORDS);
  const pool = titles.length > 0 ? titles : roles;
  const chosen = [...pool].sort((a, b) => words(b) - words(a) || a.localeCompare(b))[0] as string;
  return roleTitle(chosen, entity);
}

/**
 * One of an entity's roles written as a title, acronyms as the articles wrote them.
 * @example roleTitle('unesco secretary general', { name: 'Ana Costa', aliases: ['UNESCO secretary general'] }) === 'UNESCO Secretary General'
 */
export function roleTitle(role: string, entity: Pick<KnownEntity, 'name' | 'aliases'>): string {
  const forms = writtenForms(entity);
  return role
    .trim()
    .split(/\s+/)
    .map((word, i) => forms.get(word) ?? (i > 0 && LOWER_WORDS.has(word) ? word : `${word[0]!.toUpperCase()}${word.slice(1)}`))
    .join(' ');
}
