/**
 * The key sentences of one article: the most central sentences (those most like the rest of
 * the article), each adding words the chosen ones do not have, none saying what a chosen one
 * says. A sentence whose subject is a bare pronoun or "This …" comes only with what it leans
 * on: the point that names the person it stands for, else the sentence before it; when that
 * cannot be shown too, it is not chosen. Captions, bylines, credits and other page furniture,
 * and sentences that address a bot, are never chosen.
 */
import { isInstructionLike } from '../analyse/instruction-text.ts';
import type { Analysis, Sentence } from '../article.ts';
import { isFurnitureSentence } from '../clean/furniture-sentence.ts';
import { sameClaim } from '../retrieve/similarity.ts';
import { needsAntecedent } from './antecedents.ts';
import { centrality, cosine, wordCounts } from './centrality.ts';

/** Fewer words than this is a fragment, not a point (it may still be what a point leans on). */
const MIN_WORDS = 5;
/** How much each word the chosen points lack counts for a candidate, per word of it. */
const COVERAGE = 0.1;
/** How much likeness to a chosen point counts against a candidate. */
const REDUNDANCY = 0.1;

export type SelectionInput = Pick<Analysis, 'sentences' | 'mentions' | 'entities'>;

interface Candidate {
  readonly position: number;
  readonly sentence: Sentence;
  readonly words: ReadonlyMap<string, number>;
  readonly weight: number;
  /** May stand as a point (long enough); every candidate may be what another leans on. */
  readonly standalone: boolean;
}

/**
 * Up to `budget` key sentences of an article, in the article's order.
 * `selectKeySentences(article.analysis, 7)` → the lead, the figures, the main reaction …
 */
export function selectKeySentences(input: SelectionInput, budget: number): Sentence[] {
  return rankKeySentences(input, budget).sort((a, b) => a.index - b.index);
}

/**
 * Key sentences in the order they were chosen, at most `budget` (default: as many as
 * qualify); a sentence another leans on is chosen just before it.
 */
export function rankKeySentences(input: SelectionInput, budget = Infinity): Sentence[] {
  const usable = input.sentences.filter((s) => s.kind !== 'heading' && !isInstructionLike(s.text) && !isFurnitureSentence(s.text));
  const vectors = usable.map((s) => wordCounts(s.text));
  const weights = centrality(vectors);
  const candidates: Candidate[] = usable.map((sentence, position) => ({
    position,
    sentence,
    words: vectors[position]!,
    weight: weights[position]!,
    standalone: sentence.text.split(/\s+/).length >= MIN_WORDS,
  }));
  const leansOn = antecedents(input, candidates);
  const chosen: Candidate[] = [];
  const taken = new Set<number>();
  const covered = new Set<string>();

  // The sentences a candidate brings with it, the ones it leans on first; null if it cannot stand.
  const unitOf = (candidate: Candidate): Candidate[] | null => {
    const unit: Candidate[] = [candidate];
    for (let need = leansOn(candidate, taken); need !== 'none'; need = leansOn(unit[0]!, taken)) {
      if (need === null) return null;
      unit.unshift(need);
    }
    return unit;
  };

  while (chosen.length < budget) {
    let best: Candidate[] | null = null;
    let bestValue = -Infinity;
    for (const candidate of candidates) {
      if (taken.has(candidate.position) || !candidate.standalone) continue;
      if (chosen.some((point) => sameClaim(point.sentence.text, candidate.sentence.text))) continue;
      const unit = unitOf(candidate);
      if (!unit || chosen.length + unit.length > budget) continue;
      const value = unit.reduce((sum, member) => sum + gainOf(member, chosen, covered), 0) / unit.length;
      if (value > bestValue) {
        bestValue = value;
        best = unit;
      }
    }
    if (!best) break;
    for (const member of best) {
      taken.add(member.position);
      chosen.push(member);
      for (const word of member.words.keys()) covered.add(word);
    }
  }
  return chosen.map((c) => c.sentence);
}

/** Centrality, plus the share of its words not yet covered, less its likeness to a chosen point. */
function gainOf(candidate: Candidate, chosen: readonly Candidate[], covered: ReadonlySet<string>): number {
  let fresh = 0;
  for (const word of candidate.words.keys()) if (!covered.has(word)) fresh += 1;
  const coverage = candidate.words.size === 0 ? 0 : fresh / candidate.words.size;
  const redundancy = Math.max(0, ...chosen.map((point) => cosine(point.words, candidate.words)));
  return candidate.weight + COVERAGE * coverage - REDUNDANCY * redundancy;
}

/**
 * What a candidate leans on, given the positions taken so far: 'none' (it stands alone, or
 * what it needs is taken), the candidate to show with it, or null when none can be (the
 * sentence before it was set aside, or it opens the article).
 */
function antecedents(input: SelectionInput, candidates: readonly Candidate[]) {
  const bySentence = new Map(candidates.map((c) => [c.sentence.index, c]));
  const people = new Set(input.entities.filter((e) => e.kind === 'person').map((e) => e.key));
  const peopleIn = new Map<number, Set<string>>();
  for (const mention of input.mentions) {
    if (!people.has(mention.entity)) continue;
    const set = peopleIn.get(mention.sentence) ?? new Set<string>();
    set.add(mention.entity);
    peopleIn.set(mention.sentence, set);
  }
  // The person a "he" or "she" most likely stands for: the last one named before it.
  const lastPersonBefore = (index: number): string | null => {
    let found: { sentence: number; start: number; entity: string } | null = null;
    for (const mention of input.mentions) {
      if (!people.has(mention.entity) || mention.sentence >= index) continue;
      if (!found || mention.sentence > found.sentence || (mention.sentence === found.sentence && mention.start > found.start)) {
        found = { sentence: mention.sentence, start: mention.start, entity: mention.entity };
      }
    }
    return found?.entity ?? null;
  };
  return (candidate: Candidate, taken: ReadonlySet<number>): Candidate | 'none' | null => {
    const need = needsAntecedent(candidate.sentence.text);
    if (need === null) return 'none';
    const person = need === 'person' ? lastPersonBefore(candidate.sentence.index) : null;
    if (person !== null) {
      const named = (c: Candidate) => c.sentence.index < candidate.sentence.index && (peopleIn.get(c.sentence.index)?.has(person) ?? false);
      const naming = candidates.filter(named);
      if (naming.some((c) => taken.has(c.position))) return 'none';
      if (naming.length > 0) return naming[naming.length - 1]!;
    }
    const before = bySentence.get(candidate.sentence.index - 1);
    if (!before) return null;
    return taken.has(before.position) ? 'none' : before;
  };
}
