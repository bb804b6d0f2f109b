import type { SentenceContext } from './entities.ts';
import type { Draft, DraftTable } from './entity-drafts.ts';
import type { Occurrence } from './entity-gathering.ts';
import { givenNameGender } from './name-kinds.ts';
import { roleStrings, type Role } from './roles.ts';
import { NON_ORG_ACRONYMS, SPOKES_NOUNS } from './lexicon/organisations.ts';
import { OFFICE_NAMES } from './lexicon/roles.ts';
import { GENDERED_NOUNS } from './lexicon/gendered-nouns.ts';

/** A name's words, lower-cased and joined: the key it is filed under. */
export function lowerName(words: readonly string[]): string {
  return words.join(' ').toLowerCase();
}

/**
 * Files every occurrence under an entity: full names first, then surnames and honorific
 * forms ("Ms Smith", "Dr Chen" for "Chen Wei"), then organisations and places; a
 * name the words cannot classify is kept as an organisation when it recurs.
 */
export function fileOccurrences(occurrences: readonly Occurrence[], contexts: readonly Pick<SentenceContext, 'tokens'>[], table: DraftTable): void {
  const position = (o: Occurrence): number => contexts[o.ctx]?.tokens[o.tokStart]?.start ?? 0;
  // Each occurrence's key is looked up in several passes below: joined and lower-cased once.
  const lowerNames = new Map<Occurrence, string>();
  const nameOf = (o: Occurrence): string => {
    let name = lowerNames.get(o);
    if (name === undefined) {
      name = lowerName(o.words);
      lowerNames.set(o, name);
    }
    return name;
  };
  const bySurname = new Map<string, Set<Draft>>();
  const index = (word: string | undefined, draft: Draft): void => {
    if (!word) return;
    const set = bySurname.get(word) ?? new Set();
    set.add(draft);
    bySurname.set(word, set);
  };
  // A surname used alone ("Greer said") marks the full name it ends ("Germaine Greer") as a
  // person: people are referred to by surname, organisations rarely by their last word.
  // An acronym alone ("DVD") is no surname.
  const singles = new Set(
    occurrences
      .filter((o) => o.words.length === 1 && (o.kind === 'person' || o.kind === null) && !/^[A-Z0-9&.]{2,}$/.test(o.words[0] ?? ''))
      .map((o) => nameOf(o)),
  );
  for (const o of occurrences) {
    if (o.kind === null && o.words.length > 1 && o.words.length <= 3 && singles.has((o.words[o.words.length - 1] ?? '').toLowerCase())) o.kind = 'person';
  }
  for (const o of occurrences) {
    if (o.kind !== 'person' || o.words.length < 2) continue;
    const gender = o.lex.gender !== 'unknown' ? o.lex.gender : (givenNameGender(o.words[0] ?? '') ?? 'unknown');
    o.entity = table.upsert(`person:${nameOf(o)}`, { name: o.words.join(' '), kind: 'person', gender }, position(o));
    index(o.words[o.words.length - 1]?.toLowerCase(), o.entity);
    // Surname first ("Chen Wei", later "Dr Chen"): the first word is not a given name.
    if (!givenNameGender(o.words[0] ?? '')) index(o.words[0]?.toLowerCase(), o.entity);
  }
  // "Nicolas told me": a given name alone is the one person of the article it starts.
  const byGiven = new Map<string, Set<Draft>>();
  for (const o of occurrences) {
    if (!o.entity || o.kind !== 'person' || o.words.length < 2 || !givenNameGender(o.words[0] ?? '')) continue;
    const key = (o.words[0] ?? '').toLowerCase();
    byGiven.set(key, (byGiven.get(key) ?? new Set()).add(o.entity));
  }
  // "Clinton" in an article that names Hillary Clinton five times and Bill Clinton once is
  // Hillary Clinton: news calls the person it is about by surname alone.
  const fullMentions = new Map<Draft, number>();
  for (const o of occurrences) if (o.entity && o.words.length >= 2) fullMentions.set(o.entity, (fullMentions.get(o.entity) ?? 0) + 1);
  const surnameOf = (word: string): Draft | null => {
    const lower = word.toLowerCase();
    const set = bySurname.get(lower) ?? (givenNameGender(lower) ? byGiven.get(lower) : undefined);
    if (!set) return null;
    if (set.size === 1) return [...set][0] ?? null;
    const [first, second] = [...set].sort((a, b) => (fullMentions.get(b) ?? 0) - (fullMentions.get(a) ?? 0));
    return first && second && (fullMentions.get(first) ?? 0) > (fullMentions.get(second) ?? 0) ? first : null;
  };
  // Organisations named in full, by the acronym of their capitalised words: "International Monetary Fund" → IMF.
  const spelledOut = new Map<string, string>();
  for (const o of occurrences) {
    if (o.kind !== 'organisation' || o.words.length < 2) continue;
    const initials = o.words.filter((word) => /^\p{Lu}/u.test(word)).map((word) => word[0]);
    if (initials.length >= 2) spelledOut.set(initials.join(''), o.lex.name);
  }
  for (const o of occurrences) {
    if (o.entity) continue;
    const name = nameOf(o);
    if (o.words.length === 1 && (o.kind === 'person' || o.kind === null)) {
      const person = surnameOf(name);
      if (person) o.entity = person;
      // "Clinton" where Hillary and Bill Clinton are both named as often: one of them, a person, never a firm.
      else if (o.kind === 'person' || bySurname.has(name)) {
        const gender = o.honorific ? o.lex.gender : 'unknown';
        o.entity = table.upsert(`person:${name}`, { name: o.words.join(' '), kind: 'person', gender }, position(o));
      }
    }
    if (!o.entity && (o.kind === 'organisation' || o.kind === 'place')) {
      // "the IMF" in an article that names the International Monetary Fund: the same body.
      const name = (o.kind === 'organisation' && o.words.length === 1 ? spelledOut.get(o.words[0] ?? '') : undefined) ?? o.lex.name;
      o.entity = table.upsert(`${o.kind}:${name.toLowerCase()}`, { name, kind: o.kind }, position(o));
    }
  }
  // Names the words alone could not classify: a name that does what only people do is a
  // person ("Hollis admitted"); else a name seen twice is most often an organisation.
  const personal = new Set(occurrences.filter((o) => !o.entity && o.kind === null && o.personal && o.words.length === 1).map((o) => nameOf(o)));
  for (const o of occurrences) if (!o.entity && o.kind === null && personal.has(nameOf(o))) o.kind = 'person';
  for (const o of occurrences) {
    if (!o.entity && o.kind === 'person' && o.words.length === 1) {
      o.entity = table.upsert(
        `person:${nameOf(o)}`,
        { name: o.words.join(' '), kind: 'person', gender: givenNameGender(o.words[0] ?? '') ?? 'unknown' },
        position(o),
      );
    }
  }
  const counts = new Map<string, number>();
  for (const o of occurrences) if (!o.entity && o.kind === null) counts.set(nameOf(o), (counts.get(nameOf(o)) ?? 0) + 1);
  for (const o of occurrences) {
    if (o.entity || o.kind !== null) continue;
    const name = nameOf(o);
    const known = table.find(`organisation:${name}`) ?? table.find(`place:${name}`) ?? table.find(`person:${name}`);
    if (known) o.entity = known;
    else if (o.words.length === 1 && !NON_ORG_ACRONYMS.has(o.words[0] ?? '') && ((counts.get(name) ?? 0) >= 2 || (o.cue && !o.initial))) {
      o.entity = table.upsert(`organisation:${name}`, { name: o.words.join(' '), kind: 'organisation' }, position(o));
    }
  }
  for (const o of occurrences) {
    if (!o.entity) continue;
    for (const role of o.roles) for (const value of roleStrings(role)) o.entity.roles.add(value);
  }
}

/** The one named person of the article who holds `role`, or null when none or several do. */
export function personByRole(table: DraftTable, role: Role): Draft | null {
  // "the California congressman" after "Rep. Adam Schiff": the office under another of its names.
  const wanted = [...roleStrings(role), ...(OFFICE_NAMES.get(role.core) ?? [])];
  const persons = table.all().filter((draft) => draft.kind === 'person' && draft.named);
  // "the congressman" when a congresswoman is named too: a gendered office name is not the other gender's.
  const gender = GENDERED_NOUNS.get(role.core.split(' ').pop() ?? '');
  const exact = persons.filter((draft) => wanted.some((value) => draft.roles.has(value)) && !(gender && draft.gender !== 'unknown' && draft.gender !== gender));
  if (exact.length === 1) return exact[0] ?? null;
  if (exact.length > 1 || role.core.includes(' ')) return null;
  // "the secretary" for the secretary of state, "the chairman" for the Acme chairman.
  const loose = persons.filter((draft) => [...draft.roles].some((value) => value.endsWith(` ${role.core}`) || value.startsWith(`${role.core} of `)));
  return loose.length === 1 ? (loose[0] ?? null) : null;
}

/** Whether a role is a spokesperson's: they speak for an organisation. */
export function isSpokes(role: Role): boolean {
  return role.core.split(' ').some((word) => SPOKES_NOUNS.has(word));
}

/** A role phrase as a display name: "the Acme chairman" → "Acme chairman". */
export function capitalise(text: string): string {
  return text.replace(/^(?:the|a|an)\s+/i, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}
