/**
 * Reads a question into what retrieval needs: the concepts it asks about (each with every
 * form the coverage might use for it), who it asks about, and what kind of answer it wants.
 *
 * "Did Washington block the company?" → concepts {United States: US, U.S., America,
 * Washington…}, {block: ban, bar, restrict…}, {the company: the story's main organisation},
 * answer kind `yes-no`.
 */
import { irregularBase, irregularForms } from '../lexicon/irregular-verbs.ts';
import { SPEECH_VERBS } from '../lexicon/stopwords.ts';
import type { KnownEntity, QuestionIndex } from './entity-index.ts';
import { ANSWER_NOUNS, answerKindOf, focusOf, KIND_NOUNS, type AnswerKind } from './answer-kinds.ts';
import { isStopword, stem, tokenize, type Token } from './terms.ts';
import { dedupeForms, isNameWord, matchOrganisationPhrase, matchRole, matchRoleOf, matchRun } from './query-names.ts';
import { relatedWords, sharedWordNet } from './word-relations.ts';

/** Forms at least this close to the question's words are searched for; the rest only re-score. */
const SEARCH_WEIGHT = 0.8;

// "what score", "which level": a word after these that names the kind of answer is not a topic.
const WH_BEFORE = new Set(['what', 'which']);

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
  /** Every entity it may name: a name or role several share ("Smith", "the federation's chairman"). */
  readonly entityIds?: readonly string[];
  /** The country it names, canonical: "Welsh" and "Wales" are one concept. */
  readonly place?: string;
  /** Part of what the question asks about ("how many *phones*"): the answer should name it. */
  readonly focus?: boolean;
  /** A number the question states ("the *2010* World Cup"): an answer's article must state it too. */
  readonly required?: boolean;
  /** A name the question writes with a capital inside it ("did *Facebook* buy…"), not a known entity. */
  readonly named?: boolean;
}

export type { AnswerKind };

export interface QueryPlan {
  readonly question: string;
  readonly concepts: readonly Concept[];
  readonly answer: AnswerKind;
  /** For "what did X say (about Y)": the speaker the question names. */
  readonly speaker?: KnownEntity;
  /** The words naming the speaker, when they name no known entity ("US officials"). */
  readonly speakerWords?: string;
}

/** A compound's parts ("engine-making" → "engine making", and "engine", "making" for less). */
const COMPOUND_WEIGHT = 0.9;
const COMPOUND_PART_WEIGHT = 0.5;
/** Another inflection of the same verb; not quite 1, as "found" may be "find" or "found". */
const INFLECTION_WEIGHT = 0.95;

function wordConcept(token: Token, asName: boolean): Concept {
  const forms: Form[] = [{ text: token.lower, weight: 1 }];
  const parts = token.lower.split('-').filter((part) => part.length > 1);
  if (parts.length > 1) {
    forms.push({ text: parts.join(' '), weight: COMPOUND_WEIGHT });
    for (const part of parts) if (!isStopword(part)) forms.push({ text: part, weight: COMPOUND_PART_WEIGHT });
  } else {
    // "built" is "build", and "lose" is also "lost": forms the stemmer cannot see.
    const base = irregularBase(token.lower) ?? token.lower;
    for (const form of [base, ...irregularForms(base)]) forms.push({ text: form, weight: INFLECTION_WEIGHT });
    // A name's words are not their dictionary senses: "Romeo" is not a lover, "Potter" not a craftsman.
    if (!asName) for (const related of relatedWords(token.lower)) forms.push(related);
  }
  return { label: token.text, forms: dedupeForms(forms), ...(/\d/.test(token.text) ? { required: true } : {}) };
}

// Particles that make a phrasal verb with the word before them ("set up", "call back").
const PARTICLES = new Set(['up', 'out', 'back', 'off', 'down', 'in', 'on', 'over', 'away', 'through']);

/** A verb and its particle that WordNet knows as one verb ("set up" → found, establish). */
function matchPhrasalVerb(tokens: readonly Token[], start: number): { length: number; concept: Concept } | undefined {
  const verb = tokens[start];
  const particle = tokens[start + 1];
  if (!verb || !particle || !PARTICLES.has(particle.lower) || isStopword(verb.lower)) return undefined;
  const wordnet = sharedWordNet();
  const lemma = wordnet
    .baseForms(verb.lower, 'v')
    .map((base) => `${base} ${particle.lower}`)
    .find((phrase) => wordnet.senses(phrase, 'v').length > 0);
  if (!lemma) return undefined;
  const label = `${verb.text} ${particle.text}`;
  const forms: Form[] = [
    { text: `${verb.lower} ${particle.lower}`, weight: 1 },
    { text: lemma, weight: 1 },
  ];
  for (const related of relatedWords(lemma)) forms.push(related);
  return { length: 2, concept: { label, forms: dedupeForms(forms) } };
}

const SAY_PATTERN =
  /\b(?:what|how|did|does|has|have)\s+(?:did|does|do|has|have|had)?\s*(.+?)\s+(?:say|said|tell|told|think|thought|claim|claimed|warn|warned|argue|argued|mean|comment|commented|reply|replied|respond|responded|insist|insisted|add|added|admit|admitted|state|stated|announce|announced|call|called|describe|described)\b/i;

/**
 * Reads a question. Never throws on odd input: operators, quotes, emoji and right-to-left
 * text are just characters, and a question with no content words gives no concepts.
 */
export function parseQuestion(question: string, index: QuestionIndex): QueryPlan {
  const tokens = tokenize(question);
  const focus = focusOf(tokens);
  const concepts: Concept[] = [];
  // The head of what is asked about ("which rival club *boss*") is what the answer must name.
  const add = (concept: Concept, at: number, length = 1) =>
    concepts.push(focus.end > focus.start && at <= focus.end - 1 && at + length > focus.end - 1 ? { ...concept, focus: true } : concept);
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    // A role of two words or more goes first: "the Italian coach" is a person, not Italy and a coach.
    const role = matchRole(tokens, i, index);
    const run =
      (role && role.length > 1 ? role : undefined) ?? matchRun(tokens, i, index) ?? matchRoleOf(tokens, i, index) ?? role ?? matchPhrasalVerb(tokens, i);
    if (run) {
      add(run.concept, i, run.length);
      i += run.length;
      continue;
    }
    const organisation = matchOrganisationPhrase(tokens, i, index);
    if (organisation) {
      add(organisation.concept, i, organisation.length);
      i += organisation.length;
      continue;
    }
    // "what sort of visa": the kind word only introduces the thing asked about.
    const introducesKind =
      (KIND_NOUNS.has(token.lower) && tokens[i + 1]?.lower === 'of') || (ANSWER_NOUNS.has(token.lower) && i > 0 && WH_BEFORE.has(tokens[i - 1]!.lower));
    if (!isStopword(token.lower) && !SPEECH_VERBS.has(token.lower) && token.lower.length > 1 && !introducesKind) {
      const named = i > 0 && isNameWord(token);
      const concept = wordConcept(token, named);
      add(named ? { ...concept, named: true } : concept, i);
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
  const answer: AnswerKind = sayMatch ? 'statement' : answerKindOf(question);
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
  const named = concepts.filter((concept) => concept.entity && tokenize(concept.label).every((token) => spoken.has(token.stem)));
  named.sort((a, b) => (SPEAKER_PREFERENCE[a.entity?.kind ?? 'place'] ?? 3) - (SPEAKER_PREFERENCE[b.entity?.kind ?? 'place'] ?? 3));
  return named[0]?.entity;
}

/** Two concepts naming the same entity or country are one concept ("Joan Smith … Smith", "Wales … Welsh"). */
function mergeConcepts(concepts: readonly Concept[]): Concept[] {
  const merged: Concept[] = [];
  const byEntity = new Set<string>();
  const byLabel = new Set<string>();
  for (const concept of concepts) {
    const key = concept.entity?.id ?? (concept.place ? `place:${concept.place}` : undefined);
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
    // Synonyms only re-score: the articles the question's own words find are read whole, and
    // a synonym in the search would bring in sentences about its other senses.
    const useful = concept.forms.filter((form) => {
      const df = frequency(form.text);
      return form.weight >= SEARCH_WEIGHT && df > 0 && df <= (form.weight >= 0.9 ? common : common / 2);
    });
    // Else its rarest form the index holds (a form it never holds finds nothing: a question
    // whose every word is in every sentence would find no sentence at all).
    const held = concept.forms.filter((form) => frequency(form.text) > 0);
    const kept = useful.length > 0 ? useful : held.sort((a, b) => frequency(a.text) - frequency(b.text)).slice(0, 1);
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
