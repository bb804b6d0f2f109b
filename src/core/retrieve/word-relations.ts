/**
 * Other words for a question's word, from WordNet (a general resource, the same for every
 * story): its morphological family ("chairs" → chairman, "loss" → lose), its synonyms in its
 * commonest senses ("taxi" → cab, "output" → production) and, for less, the broader word of
 * its first sense. Each comes with a weight below the word's own 1, so a sentence in the
 * question's own words still ranks first.
 */
import { irregularBase } from '../lexicon/irregular-verbs.ts';
import { isStopword, stem } from './terms.ts';
import { openWordNet, PARTS_OF_SPEECH, type PartOfSpeech, type Synset, type WordNet } from '../lexicon/wordnet.ts';

export interface RelatedWord {
  readonly text: string;
  readonly weight: number;
}

/** A word of the same family is nearly the word itself. */
export const FAMILY_WEIGHT = 0.85;
/** A synonym in the word's commonest sense; later senses count for less. */
export const SYNONYM_WEIGHT = 0.7;
const SENSE_DECAY = [1, 0.75, 0.55];
/** A broader word ("taxi" → car) says less. */
export const BROADER_WEIGHT = 0.45;
/** WordNet lists senses commonest first; rarer ones mostly add noise. */
const SENSES_PER_PART = 3;
/** A word's family is the same in every sense, but a word with many senses has a long tail. */
const FAMILY_SENSES = 10;
const MAX_RELATED = 24;

let shared: WordNet | undefined;

/** The process's WordNet, opened at first use (its files are read lazily). */
export function sharedWordNet(): WordNet {
  shared ??= openWordNet();
  return shared;
}

function wordNumber(synset: Synset, lemma: string): number {
  return synset.words.indexOf(lemma) + 1;
}

/** Words a pointer leads to: the target word it names, or every word of the target synset. */
function pointed(wordnet: WordNet, synset: Synset, lemma: string, symbols: string): string[] {
  const own = wordNumber(synset, lemma);
  const words: string[] = [];
  for (const pointer of synset.pointers) {
    if (!symbols.includes(pointer.symbol) || (pointer.source !== 0 && pointer.source !== own)) continue;
    const target = wordnet.synset(pointer.offset, pointer.pos);
    if (!target) continue;
    if (pointer.target === 0) words.push(...target.words);
    else if (target.words[pointer.target - 1]) words.push(target.words[pointer.target - 1]!);
  }
  return words;
}

const cache = new Map<string, readonly RelatedWord[]>();

/**
 * Related words of one word as written, best first, without the word itself or its own
 * inflections (the stemmer already finds those).
 *
 * @example relatedWords('chairs') → [{ text: 'chairman', weight: 0.85 }, { text: 'president', weight: 0.7 }, …]
 * @example relatedWords('taxis') → [{ text: 'cab', weight: 0.7 }, { text: 'taxicab', weight: 0.7 }, …]
 */
export function relatedWords(word: string, wordnet: WordNet = sharedWordNet()): readonly RelatedWord[] {
  const lower = word.toLowerCase();
  const cached = cache.get(lower);
  if (cached) return cached;
  const best = new Map<string, number>();
  const ownStems = new Set([stem(lower), stem(irregularBase(lower) ?? lower)]);
  const add = (text: string, weight: number) => {
    if (text.length < 3 || isStopword(text) || ownStems.has(stem(text))) return;
    if ((best.get(text) ?? 0) < weight) best.set(text, weight);
  };
  const irregular = irregularBase(lower);
  const entries: { pos: PartOfSpeech; lemma: string; tagged: number }[] = [];
  for (const pos of PARTS_OF_SPEECH) {
    const lemmas = new Set(wordnet.baseForms(lower, pos));
    if (irregular && pos === 'v') lemmas.add(irregular);
    for (const lemma of lemmas) entries.push({ pos, lemma, tagged: wordnet.taggedSenses(lemma, pos) });
  }
  // A plural that WordNet also lists as a noun never seen in its tagged corpus ("stops" the card
  // game) is read as its base form that was ("stop").
  const baseSeen = entries.some((entry) => entry.lemma !== lower && entry.tagged > 0);
  for (const { pos, lemma, tagged } of entries) {
    if (baseSeen && pos === 'n' && lemma === lower && tagged === 0) continue;
    wordnet
      .senses(lemma, pos)
      .slice(0, FAMILY_SENSES)
      .forEach((synset, rank) => {
        // "+" links a word to its derivations in any sense ("deport" → deportation); "\\" an
        // adjective to the noun it pertains to ("American" → America).
        for (const family of pointed(wordnet, synset, lemma, '+\\')) add(family, FAMILY_WEIGHT);
        if (rank >= SENSES_PER_PART) return;
        const decay = SENSE_DECAY[rank] ?? 0.5;
        for (const synonym of synset.words) add(synonym, SYNONYM_WEIGHT * decay);
        if (rank === 0 && (pos === 'n' || pos === 'v')) {
          for (const broader of pointed(wordnet, synset, lemma, '@')) add(broader, BROADER_WEIGHT);
        }
      });
  }
  const related = [...best]
    .map(([text, weight]) => ({ text, weight }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_RELATED);
  if (cache.size > 5_000) cache.clear();
  cache.set(lower, related);
  return related;
}

const LEADER_ROOTS = ['leader', 'head', 'executive', 'administrator', 'head of state'];
// "head" is a person only in its fourth sense.
const LEADER_SENSES = 5;
const leaderCache = new Map<string, boolean>();

/**
 * Whether a noun names a person in charge: one of its first senses is, or is a kind of,
 * WordNet's leader, head (person in charge), executive or head of state. "chairman", "chief", "boss",
 * "secretary", "minister" → true; "chair" (furniture first) → true only through its later
 * sense; "spokesman" → false.
 */
export function isLeaderNoun(word: string, wordnet: WordNet = sharedWordNet()): boolean {
  const lower = word.toLowerCase();
  const known = leaderCache.get(lower);
  if (known !== undefined) return known;
  const roots = new Set<number>();
  for (const root of LEADER_ROOTS) {
    // The person senses of these words: WordNet's lexicographer file for people is noun.person.
    for (const synset of wordnet.senses(root, 'n').slice(0, 5)) if (isPersonSynset(wordnet, synset)) roots.add(synset.offset);
  }
  let leader = false;
  for (const lemma of wordnet.baseForms(lower, 'n')) {
    for (const synset of wordnet.senses(lemma, 'n').slice(0, LEADER_SENSES)) {
      if (reaches(wordnet, synset, roots, 4)) leader = true;
    }
  }
  leaderCache.set(lower, leader);
  return leader;
}

function isPersonSynset(wordnet: WordNet, synset: Synset): boolean {
  return reachesWord(wordnet, synset, 'person', 8);
}

function reaches(wordnet: WordNet, synset: Synset, targets: ReadonlySet<number>, depth: number): boolean {
  if (targets.has(synset.offset)) return true;
  if (depth === 0) return false;
  return synset.pointers.some((p) => p.symbol === '@' && p.pos === 'n' && reachesSynset(wordnet, p.offset, targets, depth - 1));
}

function reachesSynset(wordnet: WordNet, offset: number, targets: ReadonlySet<number>, depth: number): boolean {
  const next = wordnet.synset(offset, 'n');
  return next ? reaches(wordnet, next, targets, depth) : false;
}

function reachesWord(wordnet: WordNet, synset: Synset, word: string, depth: number): boolean {
  if (synset.words.includes(word)) return true;
  if (depth === 0) return false;
  return synset.pointers.some((p) => {
    if (p.symbol !== '@' || p.pos !== 'n') return false;
    const next = wordnet.synset(p.offset, 'n');
    return next ? reachesWord(wordnet, next, word, depth - 1) : false;
  });
}

/**
 * Whether WordNet knows a word only as a noun, never as a verb or adjective: a thing
 * ("sourdough", "passport"), not an action or a quality ("letting", "worried").
 */
export function isOnlyNoun(word: string, wordnet: WordNet = sharedWordNet()): boolean {
  const lower = word.toLowerCase();
  return wordnet.baseForms(lower, 'n').length > 0 && (['v', 'a', 'r'] as const).every((pos) => wordnet.baseForms(lower, pos).length === 0);
}
