/**
 * How a question's words name what the story knows: its people, organisations and groups by
 * name, alias or role ("the defence chief", "head of the Pilots' Federation"), its countries
 * by any of their names, and "the company" for the organisation a single-subject story is
 * about. Each match is one concept of the question.
 */
import { CASE_SENSITIVE_FORMS, placeFor } from '../lexicon/places.ts';
import { foldForLookup, type QuestionIndex, type KnownEntity } from './entity-index.ts';
import type { Concept, Form } from './query.ts';
import { isStopword, type Token } from './terms.ts';
import { isLeaderNoun, sharedWordNet } from './word-relations.ts';

/** A run of the question's tokens that names something, and the concept it names. */
export interface NameMatch {
  readonly length: number;
  readonly concept: Concept;
}

// Nouns a question uses for "the organisation this story is about".
const ORGANISATION_NOUNS = new Set([
  'company',
  'firm',
  'group',
  'business',
  'giant',
  'corporation',
  'maker',
  'supplier',
  'vendor',
  'manufacturer',
  'organisation',
  'organization',
]);

const ALIAS_WEIGHT = 0.9;
const GENERIC_ORGANISATION_WEIGHT = 0.6;

/** Enough of an entity's aliases to find it: its names, not every way a story ever wrote it. */
const MAX_ALIASES = 6;
/** A name several entities share ("Smith") stands for the most prominent few. */
const MAX_ENTITIES = 3;

export function entityConcept(label: string, entities: readonly KnownEntity[]): Concept {
  const forms = new Map<string, number>();
  for (const entity of entities) {
    forms.set(entity.name, 1);
    // Pronoun-like or role-only aliases ("the firm") would match every sentence; the
    // analysis already tied those mentions to the entity, so the names are what count.
    // A demonym ("the Argentine") or a first name alone ("David") names many people besides.
    const firstName = entity.kind === 'person' && entity.name.includes(' ') ? entity.name.split(' ')[0] : undefined;
    const proper = entity.aliases.filter((alias) => /^\p{Lu}/u.test(alias) && !/^(?:The|A|An)\s/.test(alias) && alias !== firstName && !placeFor(alias));
    for (const alias of proper.slice(0, MAX_ALIASES)) if (!forms.has(alias)) forms.set(alias, ALIAS_WEIGHT);
  }
  const first = entities[0];
  return {
    label,
    forms: [...forms].map(([text, weight]) => ({ text, weight })),
    ...(first ? { entity: first, entityIds: entities.map((entity) => entity.id) } : {}),
  };
}

export function placeConcept(label: string, canonical: string): Concept | undefined {
  const place = placeFor(canonical);
  if (!place) return undefined;
  const forms: Form[] = place.names.map((text) => ({ text, weight: 1 }));
  for (const text of place.demonyms) forms.push({ text, weight: 0.9 });
  for (const text of place.seats) forms.push({ text, weight: 0.8 });
  return { label, forms: dedupeForms(forms), place: place.canonical };
}

export function dedupeForms(forms: readonly Form[]): Form[] {
  const best = new Map<string, Form>();
  for (const form of forms) {
    const key = form.text.toLowerCase();
    const seen = best.get(key);
    if (!seen || seen.weight < form.weight) best.set(key, form);
  }
  return [...best.values()];
}

/** A capitalised word that is not a capitalised question or function word ("Who", "The"). */
export function isNameWord(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) && (!isStopword(token.lower) || CASE_SENSITIVE_FORMS.has(token.text));
}

function isFunctionWord(token: Token): boolean {
  return isStopword(token.lower) && !CASE_SENSITIVE_FORMS.has(token.text);
}

/** Longest run of tokens from `start` that names a known entity or a place. */
export function matchRun(tokens: readonly Token[], start: number, index: QuestionIndex): NameMatch | undefined {
  const longest = Math.min(index.longestAlias, tokens.length - start);
  for (let length = longest; length >= 1; length--) {
    const run = tokens.slice(start, start + length);
    const text = run.map((token) => token.text).join(' ');
    const folded = foldForLookup(text);
    const capitalised = run.some(isNameWord);
    const edgesCount = !isFunctionWord(run[0]!) && !isFunctionWord(run[run.length - 1]!);
    // A name is written with a capital; a lower-case phrase of two words or more may name a
    // group ("union leaders"), never a person or a firm ("the company" is not a name).
    // A country's name or demonym is the country, even where the story calls someone "the American".
    const asPlace = length === 1 && CASE_SENSITIVE_FORMS.has(text) ? text : capitalised ? text : undefined;
    const place = asPlace ? placeFor(asPlace) : undefined;
    if (place) {
      const concept = placeConcept(text, place.canonical);
      if (concept) return { length, concept };
    }
    if (edgesCount && (capitalised || length > 1)) {
      const entities = index.byName(folded).filter((entity) => capitalised || entity.kind === 'group');
      if (entities.length > 0) return { length, concept: entityConcept(text, entities.slice(0, MAX_ENTITIES)) };
    }
  }
  return undefined;
}

// Words that introduce a description of the organisation the story is about.
const DETERMINERS = new Set(['the', 'this', 'that', 'its']);

/**
 * "the Chinese telecoms company", "the firm": a definite description ending in an
 * organisation noun names the story's main organisation. Its modifiers describe it, so the
 * whole phrase is one concept.
 */
export function matchOrganisationPhrase(tokens: readonly Token[], start: number, index: QuestionIndex): NameMatch | undefined {
  if (index.mainOrganisations.length === 0 || !DETERMINERS.has(tokens[start]?.lower ?? '')) return undefined;
  for (let end = start + 1; end < Math.min(tokens.length, start + 5); end++) {
    const token = tokens[end] as Token;
    if (ORGANISATION_NOUNS.has(token.lower)) {
      const label = tokens
        .slice(start, end + 1)
        .map((t) => t.text)
        .join(' ');
      const concept = entityConcept(label, index.mainOrganisations);
      // The story's own copy refers to it the same way: "the firm said", "the tech giant".
      const generic = ['the company', 'the firm', 'the group', 'giant'].map((text) => ({ text, weight: GENERIC_ORGANISATION_WEIGHT }));
      return { length: end - start + 1, concept: { ...concept, forms: dedupeForms([...concept.forms, ...generic]) } };
    }
    if (isStopword(token.lower)) return undefined;
  }
  return undefined;
}

/**
 * "head of the Pilots' Federation", "chief of the service": a leader noun, "of" and what it
 * leads, read as the role "pilots' federation head" so that the story's "chairman of the Pilots'
 * Federation" is found.
 */
export function matchRoleOf(tokens: readonly Token[], start: number, index: QuestionIndex): NameMatch | undefined {
  const head = tokens[start];
  if (!head || tokens[start + 1]?.lower !== 'of' || !isLeaderNoun(head.lower)) return undefined;
  let from = start + 2;
  if (DETERMINERS.has(tokens[from]?.lower ?? '')) from += 1;
  for (let end = Math.min(tokens.length, from + 4); end > from; end--) {
    const led = tokens.slice(from, end);
    if (led.some((token) => isStopword(token.lower))) continue;
    const people = [
      ...index.byRole([...led.map((token) => token.lower), head.lower]),
      // "the military alliance" may be how the coverage describes an organisation: then its
      // head is whoever holds a leading role named after it ("Pact secretary general").
      ...index
        .byName(foldForLookup(led.map((token) => token.text).join(' ')))
        .filter((entity) => entity.kind === 'organisation')
        .flatMap((organisation) => index.byRole([...foldForLookup(organisation.name).split(' '), head.lower])),
    ].filter((person, at, all) => all.findIndex((other) => other.id === person.id) === at);
    // The analysis may keep one person twice (by name, and by role alone): both are meant.
    if (people.length > 0 && people.length <= MAX_ENTITIES)
      return {
        length: end - start,
        concept: entityConcept(
          tokens
            .slice(start, end)
            .map((t) => t.text)
            .join(' '),
          people,
        ),
      };
  }
  return undefined;
}

/** A role phrase ending at a leader-like noun ("the defence chief") that names someone. */
export function matchRole(tokens: readonly Token[], start: number, index: QuestionIndex): NameMatch | undefined {
  for (let length = Math.min(4, tokens.length - start); length >= 1; length--) {
    const run = tokens.slice(start, start + length);
    // "officials", "spy chiefs": a plural names several people, never the one who holds a role.
    if (run.some((token) => isStopword(token.lower)) || isPluralNoun(run[run.length - 1]!.lower)) continue;
    const people = index.byRole(run.map((token) => token.lower));
    if (people.length === 1) return { length, concept: entityConcept(run.map((t) => t.text).join(' '), people) };
  }
  return undefined;
}

/** A noun in the plural: WordNet knows its singular and not the word itself ("officials", not "boss"). */
function isPluralNoun(word: string): boolean {
  const wordnet = sharedWordNet();
  return word.endsWith('s') && wordnet.senses(word, 'n').length === 0 && wordnet.baseForms(word, 'n').length > 0;
}
