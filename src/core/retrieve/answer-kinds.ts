/**
 * What kind of fact a question asks for, and whether a sentence holds one: "how many" wants a
 * number, "when" a date, "who" a name, "where" a place, "why" a reason. A sentence that holds
 * the kind of fact asked for is more likely the answer than one that only repeats the
 * question's words. General English question words; nothing of any story.
 */
import { NUMBER_WORDS } from '../lexicon/number-words.ts';
import { CASE_SENSITIVE_FORMS, placeFor } from '../lexicon/places.ts';
import { isStopword, tokenize, type Token } from './terms.ts';

export type AnswerKind = 'amount' | 'score' | 'date' | 'person' | 'place' | 'reason' | 'yes-no' | 'statement' | 'general';

const SCORE = /\b(?:what|which|by what) (?:\w+ )?(?:score|scoreline|result)\b|\bhow did (?:the )?(?:match|game|final|tie) (?:end|finish)\b/;
const AMOUNT =
  /\bhow (?:much|many|big|far|long|large|high|low|old|fast|often|heavy|severe|serious)\b|\b(?:what|which|by what)(?: \w+)? (?:share|proportion|percentage|level|margin|price|cost|value|amount|number|figure|rate|fee|sum|total|size|age|distance|speed)\b|\bwhat (?:is|was|were|are) the (?:cost|price|value|amount|number|total)\b/;

// Tried at the question's opening word, in order.
const OPENINGS: readonly (readonly [AnswerKind, RegExp])[] = [
  ['date', /^(?:when\b|what (?:year|date|month|day|time)\b|since when\b)/],
  ['place', /^(?:where\b|(?:which|what) (?:country|countries|city|cities|town|venue|stadium|ground|region|state|place|island)\b)/],
  ['reason', /^(?:why\b|for what reason\b|what (?:\w+ )?(?:led|caused|prompted|made|drove|forced)\b|how come\b)/],
  ['person', /^(?:who|whom|whose)\b/],
  ['yes-no', /^(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|must)\b/],
];

/**
 * The kind of answer a question wants.
 * @example answerKindOf('How many jobs are at risk?') → 'amount'
 * @example answerKindOf('Where were they found training?') → 'place'
 * @example answerKindOf('Which rival boss is ready to bid?') → 'general' (a name is not a must: "which" may ask for a thing)
 */
export function answerKindOf(question: string): AnswerKind {
  // The question word that opens the main clause decides: in "Where were they found training
  // when they had said…", "when" belongs to a clause inside it.
  const lower = question.toLowerCase();
  const opening = /\b(?:what|which|who|whom|whose|when|where|why|how|did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|must)\b/.exec(lower);
  const q = opening ? lower.slice(opening.index) : lower;
  if (SCORE.test(q)) return 'score';
  if (AMOUNT.test(q)) return 'amount';
  for (const [kind, pattern] of OPENINGS) if (pattern.test(q)) return kind;
  return 'general';
}

// A figure, with a currency before it ("£7m", "3,600", "0.6%"), not glued to letters ("4G").
const FIGURE = /(?<![\p{L}\d])[£$€¥]?\d(?:[\d,.]*\d)?(?:%|bn|m|k)?(?![\p{L}])/gu;
// A result as sport reports it: "2-1", "6-3 6-2".
const SCORELINE = /(?<![\p{L}\d])\d{1,3}-\d{1,3}(?![\d-])/u;
const NUMBER_WORD = new RegExp(String.raw`\b(?:${Object.keys(NUMBER_WORDS).join('|')}|hundreds|thousands|millions|billions|half|quarter|third)\b`, 'gi');
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const DATE_WORDS = new RegExp(
  String.raw`\b(?:1[89]\d\d|20\d\d)\b|\b(?:${MONTHS}|${DAYS})\b|\b(?:since|ago|yesterday|today|tomorrow|last (?:week|month|year)|next (?:week|month|year))\b`,
  'g',
);
const REASON_WORDS =
  /\b(?:because|as a result|due to|owing to|after|following|amid|over fears|in order to|so that|which is why|the reason|blamed|caused by|thanks to|forced|prompted|led to|put down to|driven by|in the wake of)\b/i;
// A capitalised word after a preposition of place: "in Australia", "at the University of Warwick".
const PLACE_PHRASE = /\b(?:in|at|to|from|near|into|across|outside|inside)\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*)/gu;
// A capitalised word inside the sentence (not its first word): a name.
const INNER_NAME = /(?<=[\p{Ll},;:'"’”)]\s+)\p{Lu}[\p{Ll}’'-]+/gu;
const CALENDAR = new RegExp(`^(?:${MONTHS}|${DAYS})$`);

/** The words of a text that a sentence must add to, folded for comparison: "Dunmore's" → "dunmore". */
export function askedWords(question: string): ReadonlySet<string> {
  return new Set(tokenize(question).map((token) => token.lower));
}

const isNew = (word: string, asked: ReadonlySet<string>) => !asked.has(word.toLowerCase().replace(/[’']s$/, ''));

function newName(text: string, asked: ReadonlySet<string>): boolean {
  for (const [word] of text.matchAll(INNER_NAME)) {
    // "Britain", "British" name a country, not someone.
    if (!isStopword(word.toLowerCase()) && !CALENDAR.test(word) && !placeFor(word.replace(/[’']s$/, '')) && isNew(word, asked)) return true;
  }
  return false;
}

function newPlace(text: string, asked: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(PLACE_PHRASE)) {
    const word = match[1]!;
    if (!isStopword(word.toLowerCase()) && !CALENDAR.test(word) && isNew(word, asked)) return true;
  }
  for (const form of CASE_SENSITIVE_FORMS) if (text.includes(form) && placeFor(form) && isNew(form, asked)) return true;
  return false;
}

function newMatch(text: string, pattern: RegExp, asked: ReadonlySet<string>): boolean {
  for (const [found] of text.matchAll(pattern)) if (isNew(found, asked)) return true;
  return false;
}

/**
 * Whether a sentence holds the kind of fact asked for, and one the question does not already
 * state: a number, date, place or name that is not among `asked` (the question's words).
 * @example holdsAnswerKind('amount', 'It would mean the loss of 800 jobs.') → true
 * @example holdsAnswerKind('place', 'The plant near Dunmore will close.', askedWords('Where will the Dunmore plant go?')) → false
 * @example holdsAnswerKind('date', 'The plant will close.') → false
 */
export function holdsAnswerKind(kind: AnswerKind, text: string, asked: ReadonlySet<string> = new Set()): boolean {
  switch (kind) {
    case 'amount':
      return newMatch(text, FIGURE, asked) || newMatch(text, NUMBER_WORD, asked);
    case 'score':
      return SCORELINE.test(text);
    case 'date':
      return newMatch(text, DATE_WORDS, asked);
    case 'reason':
      return REASON_WORDS.test(text);
    case 'place':
      return newPlace(text, asked);
    case 'person':
      return newName(text, asked);
    default:
      return false;
  }
}

const WH_WITH_NOUN = new Set(['what', 'which', 'whose']);
const HOW_MUCH = new Set(['much', 'many']);
/**
 * Nouns that name the kind of answer ("by what *score*", "what *share* of", "what *level*"):
 * after "what" or "which" they say what to look for, not what it is about.
 */
export const ANSWER_NOUNS: ReadonlySet<string> = new Set([
  'score',
  'scoreline',
  'result',
  'share',
  'proportion',
  'percentage',
  'level',
  'margin',
  'number',
  'figure',
  'amount',
  'total',
  'rate',
  'size',
  'age',
  'distance',
  'speed',
  'year',
  'date',
  'month',
  'day',
  'time',
]);

/** "what sort of visa": words that introduce the kind of thing asked about, before "of". */
export const KIND_NOUNS: ReadonlySet<string> = new Set(['sort', 'kind', 'type', 'form', 'manner']);
// The auxiliaries that end a question's focus: "how many *phones* did…".
const AUXILIARIES = new Set([
  'did',
  'does',
  'do',
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'has',
  'have',
  'had',
  'can',
  'could',
  'should',
  'might',
  'may',
  'must',
]);
const MAX_FOCUS = 3;

/**
 * The tokens a question asks about: the noun phrase after "how many/much" or "what/which",
 * up to the auxiliary that follows it. Empty when the question has none.
 * @example focusOf(tokenize('How many phones did passengers leave?')) → { start: 2, end: 3 } ("phones")
 * @example focusOf(tokenize('What sort of visa was she holding?')) → "visa"
 */
export function focusOf(tokens: readonly Token[]): { readonly start: number; readonly end: number } {
  const none = { start: 0, end: 0 };
  for (let i = 0; i < tokens.length - 1; i++) {
    const word = tokens[i]!.lower;
    let start = -1;
    if (word === 'how' && HOW_MUCH.has(tokens[i + 1]!.lower)) start = i + 2;
    else if (WH_WITH_NOUN.has(word)) start = i + 1;
    if (start < 0) continue;
    if (KIND_NOUNS.has(tokens[start]?.lower ?? '') && tokens[start + 1]?.lower === 'of') start += 2;
    let end = start;
    while (end < tokens.length && end - start < MAX_FOCUS && !AUXILIARIES.has(tokens[end]!.lower)) end++;
    // "What did X say": no noun between the question word and its auxiliary.
    if (end === start || (end < tokens.length && !AUXILIARIES.has(tokens[end]!.lower))) return none;
    return { start, end };
  }
  return none;
}
