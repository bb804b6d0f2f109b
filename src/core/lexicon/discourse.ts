/**
 * The words by which a message in a conversation leans on what came before: pronouns that
 * stand for someone already named, words that open a follow-up ("and", "what about"), bare
 * question words ("why?"), and requests to go on ("more", "what else"). General English
 * grammar, the closed classes any grammar of English lists; nothing here is from a story.
 */
import type { Gender } from '../analyse/lexicon/honorifics.ts';

/** Personal pronouns (subject, object, possessive, reflexive) that stand for a person, with the gender they ask for. */
export const PERSON_PRONOUNS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['he', 'male'],
  ['him', 'male'],
  ['his', 'male'],
  ['himself', 'male'],
  ['she', 'female'],
  ['her', 'female'],
  ['hers', 'female'],
  ['herself', 'female'],
]);

/** Pronouns that stand for an organisation or a thing. */
export const THING_PRONOUNS: ReadonlySet<string> = new Set(['it', 'its', 'itself']);

/** Pronouns that stand for a group, an organisation or several of either. */
export const PLURAL_PRONOUNS: ReadonlySet<string> = new Set(['they', 'them', 'their', 'theirs', 'themselves']);

/** Demonstratives that point back at what was said ("why did he say that?"). */
export const DEMONSTRATIVES: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those']);

/** Words that open a message continuing the last one: "and in 2019?", "but why?". */
export const CONTINUATION_OPENERS: ReadonlySet<string> = new Set(['and', 'but', 'so', 'also', 'then', 'ok', 'okay', 'well', 'plus']);

/** Two-word openers that ask the last question of something else: "what about Australia?". */
export const SHIFT_OPENERS: readonly string[] = ['what about', 'how about', 'what of', 'and about', 'as for'];

/** Question words, and the short questions made of them alone. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(['why', 'how', 'when', 'where', 'who', 'what', 'which', 'whom', 'whose']);

/** Words that make "how" a question of its own: "how much?", "how many?", "how long?", "how come?". */
export const HOW_WORDS: ReadonlySet<string> = new Set(['much', 'many', 'long', 'often', 'far', 'soon', 'old', 'big', 'come']);

/** Words that ask for the next thing in order: "what did he say next?". */
export const NEXT_WORDS: ReadonlySet<string> = new Set(['next', 'afterwards', 'afterward', 'later', 'then']);

/** Whole messages that ask for more of the same: matched after folding case and trailing punctuation. */
export const MORE_REQUESTS: ReadonlySet<string> = new Set([
  'more',
  'more please',
  'tell me more',
  'go on',
  'continue',
  'keep going',
  'anything else',
  'what else',
  'and',
  'and?',
  'else',
  'show more',
  'more results',
  'any more',
  'anymore',
  'next',
]);

/** Words a reply's citation is called by: "source 2?", "citation 3". */
export const SOURCE_WORDS: ReadonlySet<string> = new Set(['source', 'sources', 'citation', 'citations', 'reference', 'ref', 'footnote', 'link']);

/** Auxiliary verbs that open a question or stand before its subject ("did", "was"). */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'shall',
  'may',
  'might',
  'must',
]);

/** Verbs that say nothing of their own in "why did he do that?", "what happened then?". */
export const PRO_VERBS: ReadonlySet<string> = new Set(['do', 'did', 'does', 'done', 'doing', 'happen', 'happened', 'happens', 'mean', 'meant', 'so']);

/** Words before a date that open a period at it: "since 2018", "after May". */
export const PERIOD_FROM_WORDS: ReadonlySet<string> = new Set(['since', 'after', 'from']);

/** Words before a date that close a period at it: "before 2015", "until March". */
export const PERIOD_TO_WORDS: ReadonlySet<string> = new Set(['before', 'until', 'till', 'by']);

/**
 * What follows a dummy "it" that stands for nothing ("is it true that …", "it is thought
 * …"): adjectives and participles of judgement and report, after "it" and a form of "be".
 */
export const DUMMY_IT_WORDS: ReadonlySet<string> = new Set([
  'true',
  'false',
  'possible',
  'impossible',
  'likely',
  'unlikely',
  'clear',
  'unclear',
  'known',
  'said',
  'reported',
  'thought',
  'believed',
  'expected',
  'feared',
  'hoped',
  'understood',
  'time',
  'worth',
  'important',
  'necessary',
  'hard',
  'easy',
  'right',
  'wrong',
  'fair',
  'legal',
  'illegal',
  'enough',
  'too',
  'so',
]);
