/**
 * Reads a question into what retrieval needs: the concepts it asks about (each with every
 * form the coverage might use for it), who it asks about, and what kind of answer it wants.
 *
 * "Did Washington block the company?" → concepts {United States: US, U.S., America,
 * Washington…}, {block: ban, bar, restrict…}, {the company: the story's main organisation},
 * answer kind `yes-no`.
 */
import { CASE_SENSITIVE_FORMS, placeFor } from '../lexicon/places.ts';
import { SPEECH_VERBS } from '../lexicon/stopwords.ts';
import { SYNONYM_GROUPS } from '../lexicon/synonyms.ts';
import { foldForLookup, type EntityIndex, type KnownEntity } from './entity-index.ts';
import { isStopword, stem, tokenize, type Token } from './terms.ts';

/** One way a concept can appear in a sentence, and how much finding it that way counts. */
export interface Form {
  readonly text: string;
  /** 1 for the words of the question itself; less for a synonym or a looser variant. */
  readonly weight: number;
}

export interface Concept {
  /** The words of the question it came from. */
  readonly label: string;
  readonly forms: readonly Form[];
  /** An entity of the story the concept names, when it names one. */
  readonly entity?: KnownEntity;
}

export type AnswerKind = 'amount' | 'date' | 'person' | 'place' | 'reason' | 'yes-no' | 'statement' | 'general';

export interface QueryPlan {
  readonly question: string;
  readonly concepts: readonly Concept[];
  readonly answer: AnswerKind;
  /** For "what did X say (about Y)": the speaker the question names. */
  readonly speaker?: KnownEntity;
  /** The words naming the speaker, when they name no known entity ("US officials"). */
  readonly speakerWords?: string;
}

const SYNONYMS_BY_STEM = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const word of group) {
    if (word.includes(' ')) continue;
    const key = stem(word);
    const list = SYNONYMS_BY_STEM.get(key) ?? [];
    list.push(...group.filter((other) => other !== word));
    SYNONYMS_BY_STEM.set(key, list);
  }
}
const SYNONYM_PHRASES = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const phrase of group.filter((word) => word.includes(' '))) SYNONYM_PHRASES.set(phrase, group);
}

// Nouns a question uses for "the organisation this story is about".
const ORGANISATION_NOUNS = new Set(['company', 'firm', 'group', 'business', 'giant', 'corporation', 'maker', 'supplier', 'vendor', 'manufacturer', 'organisation', 'organization']);

const SYNONYM_WEIGHT = 0.7;
const ALIAS_WEIGHT = 0.9;
const GENERIC_ORGANISATION_WEIGHT = 0.6;

function answerKind(question: string): AnswerKind {
  const q = question.toLowerCase();
  if (/\bhow (much|many)\b|\bwhat (is|was) the (cost|price|value|amount|number)\b/.test(q)) return 'amount';
  if (/\bwhen\b|\bwhat (year|date|month|day)\b|\bsince when\b|\bhow long\b/.test(q)) return 'date';
  if (/\bwhere\b/.test(q)) return 'place';
  if (/\bwhy\b|\bfor what reason\b/.test(q)) return 'reason';
  if (/^\s*who\b/.test(q)) return 'person';
  if (/^\s*(did|does|do|is|are|was|were|has|have|had|will|would|can|could)\b/.test(q)) return 'yes-no';
  return 'general';
}

/** Enough of an entity's aliases to find it: its names, not every way a story ever wrote it. */
const MAX_ALIASES = 6;
/** A name several entities share ("Smith") stands for the most prominent few. */
const MAX_ENTITIES = 3;

function entityConcept(label: string, entities: readonly KnownEntity[]): Concept {
  const forms = new Map<string, number>();
  for (const entity of entities) {
    forms.set(entity.name, 1);
    // Pronoun-like or role-only aliases ("the firm") would match every sentence; the
    // analysis already tied those mentions to the entity, so the names are what count.
    const proper = entity.aliases.filter((alias) => /^\p{Lu}/u.test(alias) && !/^(?:The|A|An)\s/.test(alias));
    for (const alias of proper.slice(0, MAX_ALIASES)) if (!forms.has(alias)) forms.set(alias, ALIAS_WEIGHT);
  }
  const first = entities[0];
  return {
    label,
    forms: [...forms].map(([text, weight]) => ({ text, weight })),
    ...(first ? { entity: first } : {}),
  };
}

function placeConcept(label: string, canonical: string): Concept | undefined {
  const place = placeFor(canonical);
  if (!place) return undefined;
  const forms: Form[] = place.names.map((text) => ({ text, weight: 1 }));
  for (const text of place.demonyms) forms.push({ text, weight: 0.9 });
  for (const text of place.seats) forms.push({ text, weight: 0.8 });
  return { label, forms: dedupeForms(forms) };
}

function dedupeForms(forms: readonly Form[]): Form[] {
  const best = new Map<string, Form>();
  for (const form of forms) {
    const key = form.text.toLowerCase();
    const seen = best.get(key);
    if (!seen || seen.weight < form.weight) best.set(key, form);
  }
  return [...best.values()];
}

function wordConcept(token: Token): Concept {
  const forms: Form[] = [{ text: token.lower, weight: 1 }];
  for (const synonym of SYNONYMS_BY_STEM.get(token.stem) ?? []) forms.push({ text: synonym, weight: SYNONYM_WEIGHT });
  return { label: token.text, forms: dedupeForms(forms) };
}

/** A capitalised word that is not a capitalised question or function word ("Who", "The"). */
function isNameWord(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) && (!isStopword(token.lower) || CASE_SENSITIVE_FORMS.has(token.text));
}

function isFunctionWord(token: Token): boolean {
  return isStopword(token.lower) && !CASE_SENSITIVE_FORMS.has(token.text);
}

/** Longest run of tokens from `start` that names a known entity, a place or a synonym phrase. */
function matchRun(tokens: readonly Token[], start: number, index: EntityIndex): { length: number; concept: Concept } | undefined {
  const longest = Math.min(index.longestAlias, tokens.length - start);
  for (let length = longest; length >= 1; length--) {
    const run = tokens.slice(start, start + length);
    const text = run.map((token) => token.text).join(' ');
    const folded = foldForLookup(text);
    const capitalised = run.some(isNameWord);
    const edgesCount = !isFunctionWord(run[0]!) && !isFunctionWord(run[run.length - 1]!);
    // A name is written with a capital; a lower-case phrase of two words or more may name a
    // group ("union leaders"), never a person or a firm ("the company" is not a name).
    if (edgesCount && (capitalised || length > 1)) {
      const entities = index.byName(folded).filter((entity) => capitalised || entity.kind === 'group');
      if (entities.length > 0) return { length, concept: entityConcept(text, entities.slice(0, MAX_ENTITIES)) };
    }
    const asPlace = length === 1 && CASE_SENSITIVE_FORMS.has(text) ? text : capitalised ? text : undefined;
    const place = asPlace ? placeFor(asPlace) : undefined;
    if (place) {
      const concept = placeConcept(text, place.canonical);
      if (concept) return { length, concept };
    }
    if (length > 1) {
      const group = SYNONYM_PHRASES.get(run.map((token) => token.lower).join(' '));
      if (group) {
        const forms = group.map((form) => ({ text: form, weight: form === text.toLowerCase() ? 1 : SYNONYM_WEIGHT }));
        return { length, concept: { label: text, forms: dedupeForms(forms) } };
      }
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
function matchOrganisationPhrase(tokens: readonly Token[], start: number, index: EntityIndex): { length: number; concept: Concept } | undefined {
  if (index.mainOrganisations.length === 0 || !DETERMINERS.has(tokens[start]?.lower ?? '')) return undefined;
  for (let end = start + 1; end < Math.min(tokens.length, start + 5); end++) {
    const token = tokens[end] as Token;
    if (ORGANISATION_NOUNS.has(token.lower)) {
      const label = tokens.slice(start, end + 1).map((t) => t.text).join(' ');
      const concept = entityConcept(label, index.mainOrganisations);
      // The story's own copy refers to it the same way: "the firm said", "the tech giant".
      const generic = ['the company', 'the firm', 'the group', 'giant'].map((text) => ({ text, weight: GENERIC_ORGANISATION_WEIGHT }));
      return { length: end - start + 1, concept: { ...concept, forms: dedupeForms([...concept.forms, ...generic]) } };
    }
    if (isStopword(token.lower)) return undefined;
  }
  return undefined;
}

/** A role phrase ending at a leader-like noun ("the defence chief") that names someone. */
function matchRole(tokens: readonly Token[], start: number, index: EntityIndex): { length: number; concept: Concept } | undefined {
  for (let length = Math.min(4, tokens.length - start); length >= 1; length--) {
    const run = tokens.slice(start, start + length);
    if (run.some((token) => isStopword(token.lower))) continue;
    const people = index.byRole(run.map((token) => token.lower));
    if (people.length === 1) return { length, concept: entityConcept(run.map((t) => t.text).join(' '), people) };
  }
  return undefined;
}

const SAY_PATTERN =
  /\b(?:what|how|did|does|has|have)\s+(?:did|does|do|has|have|had)?\s*(.+?)\s+(?:say|said|tell|told|think|thought|claim|claimed|warn|warned|argue|argued|mean|comment|commented|reply|replied|respond|responded|insist|insisted|add|added|admit|admitted|state|stated|announce|announced|call|called|describe|described)\b/i;

/**
 * Reads a question. Never throws on odd input: operators, quotes, emoji and right-to-left
 * text are just characters, and a question with no content words gives no concepts.
 */
export function parseQuestion(question: string, index: EntityIndex): QueryPlan {
  const tokens = tokenize(question);
  const concepts: Concept[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    const run = matchRun(tokens, i, index) ?? matchRole(tokens, i, index);
    if (run) {
      concepts.push(run.concept);
      i += run.length;
      continue;
    }
    const organisation = matchOrganisationPhrase(tokens, i, index);
    if (organisation) {
      concepts.push(organisation.concept);
      i += organisation.length;
      continue;
    }
    if (!isStopword(token.lower) && !SPEECH_VERBS.has(token.lower) && token.lower.length > 1) {
      concepts.push(wordConcept(token));
    }
    i += 1;
  }

  const sayMatch = SAY_PATTERN.exec(question);
  let speaker: KnownEntity | undefined;
  let speakerWords: string | undefined;
  if (sayMatch?.[1]) {
    speakerWords = sayMatch[1].trim();
    speaker = speakerAmong(concepts, speakerWords);
  }
  const answer: AnswerKind = sayMatch ? 'statement' : answerKind(question);
  return {
    question,
    concepts: mergeConcepts(concepts),
    answer,
    ...(speaker ? { speaker } : {}),
    ...(speakerWords && !speaker ? { speakerWords } : {}),
  };
}

const SPEAKER_PREFERENCE: Readonly<Record<string, number>> = { person: 0, group: 1, organisation: 2, place: 3 };

/** The entity among the concepts that the words before "say" name, people first. */
function speakerAmong(concepts: readonly Concept[], words: string): KnownEntity | undefined {
  const spoken = new Set(tokenize(words).map((token) => token.stem));
  const named = concepts.filter(
    (concept) => concept.entity && tokenize(concept.label).every((token) => spoken.has(token.stem)),
  );
  named.sort((a, b) => (SPEAKER_PREFERENCE[a.entity?.kind ?? 'place'] ?? 3) - (SPEAKER_PREFERENCE[b.entity?.kind ?? 'place'] ?? 3));
  return named[0]?.entity;
}

/** Two concepts naming the same entity are one concept ("Joan Smith … Smith"). */
function mergeConcepts(concepts: readonly Concept[]): Concept[] {
  const merged: Concept[] = [];
  const byEntity = new Set<string>();
  const byLabel = new Set<string>();
  for (const concept of concepts) {
    const key = concept.entity?.id;
    if (key && byEntity.has(key)) continue;
    if (key) byEntity.add(key);
    const label = stem(concept.label.toLowerCase());
    if (!key && byLabel.has(label)) continue;
    byLabel.add(label);
    merged.push(concept);
  }
  return merged;
}

/**
 * The forms worth sending to the full-text search: a form in more than a small share of the
 * index finds everything and ranks nothing (and makes the search slow on a large story), so
 * it is left to the re-scoring, unless it is all a concept has. Synonyms must be rarer still.
 */
export function searchTerms(plan: QueryPlan, sentences: number, frequency: (form: string) => number): string[] {
  const terms = new Set<string>();
  const common = Math.max(50, sentences * 0.02);
  for (const concept of plan.concepts) {
    const useful = concept.forms.filter((form) => {
      const df = frequency(form.text);
      return df > 0 && df <= (form.weight >= 0.9 ? common : common / 2);
    });
    const kept = useful.length > 0 ? useful : [...concept.forms].sort((a, b) => frequency(a.text) - frequency(b.text)).slice(0, 1);
    for (const form of kept) terms.add(form.text);
  }
  return [...terms];
}

/** All forms of a plan: what the re-scoring looks for. */
export function planTerms(plan: QueryPlan): string[] {
  const terms = new Set<string>();
  for (const concept of plan.concepts) for (const form of concept.forms) terms.add(form.text);
  return [...terms];
}

