import type { EntityTable, SentenceContext } from './entities.ts';
import type { Gender } from './lexicon/honorifics.ts';
import { mainSpeaker } from './main-speaker.ts';
import { PRONOUN_GENDER, type Ref } from './references.ts';
import { descriptorFacet } from './descriptors.ts';
import { SUBORDINATORS } from './lexicon/function-words.ts';
import { gendersTold } from './told-genders.ts';
import type { Token } from './tokens.ts';

// How far back a pronoun may look for the one it stands for.
const SENTENCES_BACK = 6;
const ARTICLES = new Set(['the', 'a', 'an']);

type Facet = 'age' | 'nation';

/**
 * Resolves "he", "she", "they" and "it" to the nearest compatible entity before them:
 * a person of matching gender (or unknown gender), preferring in each earlier sentence
 * the subject of its reporting verb, then its other subjects; a group or organisation for
 * "they"; an organisation for "it". Words inside quotations are not candidates: a speaker
 * does not refer to himself by name.
 * Descriptions with no holder ("the 27-year-old", "the Spaniard", "the Italy captain")
 * resolve to a named person: the subject of an earlier sentence of the same paragraph,
 * else the article's main person, else the nearest named person before; a person already
 * given another age or nationality is not a candidate.
 * Example: "Jane Doe arrived. 'Hello,' she said." → she = Jane Doe.
 */
export class PronounResolver {
  private readonly memo = new Map<Ref, string | null>();
  private readonly speakers = new Map<number, Ref | null>();
  private readonly facets = new Map<string, Map<Facet, string>>();
  private told: ReadonlyMap<string, Gender> | null = null;

  constructor(
    private readonly contexts: readonly SentenceContext[],
    private readonly table: Pick<EntityTable, 'genderOf' | 'kindOf' | 'isNamed' | 'mainPerson'>,
    private readonly quoted: (token: Token) => boolean,
  ) {
    // In text order, so that "the 28-year-old" is settled before "the 26-year-old" is sought.
    for (const context of contexts) for (const ref of context.refs) if (ref.anaphor !== undefined) this.resolve(ref);
  }

  resolve(ref: Ref): string | null {
    if (ref.type !== 'pronoun' && ref.anaphor === undefined) return ref.entity;
    if (this.memo.has(ref)) return this.memo.get(ref) ?? null;
    this.memo.set(ref, null);
    const found = ref.type === 'pronoun' ? this.search(ref) : this.antecedent(ref);
    this.memo.set(ref, found);
    return found;
  }

  private fits(pronoun: Ref, key: string | null): boolean {
    if (!key) return false;
    const kind = this.table.kindOf(key);
    if (pronoun.pronoun === 'it') return kind === 'organisation';
    if (pronoun.pronoun === 'they') return kind === 'group' || kind === 'organisation';
    if (kind !== 'person') return false;
    // What the text says of the person ("Doe said she …") outweighs a list of given names.
    this.told ??= gendersTold(this.contexts, this.table, this.quoted);
    const gender = this.told.get(key) ?? this.table.genderOf(key);
    const wanted = PRONOUN_GENDER.get(pronoun.pronoun ?? '') ?? 'unknown';
    return gender === 'unknown' || gender === wanted;
  }

  private candidate(pronoun: Ref, ref: Ref, context: SentenceContext): string | null {
    const first = context.tokens[ref.tokStart];
    if (first && this.quoted(first)) return null;
    if (ref.type === 'pronoun') return ref.pronoun === pronoun.pronoun ? this.resolve(ref) : null;
    const key = this.resolve(ref);
    return this.fits(pronoun, key) ? key : null;
  }

  /**
   * Who the sentence reports: the subject of its first reporting verb ("Mr Doe denied Mr
   * Roe said …" → Mr Doe), unless it ends "…, the spokesman said".
   */
  private speakerOf(context: SentenceContext): Ref | null {
    const index = context.sentence.index;
    let speaker = this.speakers.get(index);
    if (speaker === undefined) {
      speaker = mainSpeaker(context, this.quoted);
      this.speakers.set(index, speaker);
    }
    return speaker;
  }

  /**
   * A sentence's references in the order a later pronoun prefers them: who it reports,
   * its subjects, the objects of its verbs, then (`withPrepositions`) names after a
   * preposition, the last first.
   */
  private ordered(context: SentenceContext, withPrepositions: boolean): Ref[] {
    const speaker = this.speakerOf(context);
    const others = context.refs.filter((r) => r !== speaker);
    // "Doe's plan worried Roe": a possessor is no subject, so it comes with the objects.
    const possessor = (r: Ref): boolean => context.tokens[r.tokEnd - 1]?.possessive === true;
    // "While Doe had …, that worries Roe, head of …": the subject of a clause that opens the
    // sentence before its comma is background; the main clause's people come first.
    // (Only that clause's own subject, right after its conjunction: "Since announcing Roe as his
    // running mate, Doe …" has none, and Roe is no background.)
    const fronted = SUBORDINATORS.has(context.tokens[0]?.lower ?? '') ? context.tokens.findIndex((t) => t.text === ',') : -1;
    const background = (r: Ref): boolean => r.tokEnd <= fronted && context.tokens.slice(1, r.tokStart).every((t) => ARTICLES.has(t.lower));
    const subjects = others.filter((r) => !r.afterPreposition && !r.afterVerb && !possessor(r));
    const objects = others.filter((r) => !r.afterPreposition && (r.afterVerb || possessor(r)));
    const governed = withPrepositions ? others.filter((r) => r.afterPreposition).reverse() : [];
    const main = [...subjects.filter((r) => !background(r)), ...objects.filter((r) => !background(r))];
    const aside = [...subjects.filter(background), ...objects.filter(background)];
    return [...(speaker ? [speaker] : []), ...main, ...aside, ...governed];
  }

  private search(pronoun: Ref): string | null {
    const here = this.contexts[pronoun.sentence];
    if (here) {
      // "Commenting on Mr Doe's case, he said": a name after a preposition is not who "he" is;
      // "Doe said Roe's tackle, which earned the Dane a ban, … but he believes": the
      // nearest subject comes before objects and possessors.
      const before = here.refs.filter((r) => r.tokEnd <= pronoun.tokStart && !r.afterPreposition).reverse();
      const secondary = (r: Ref): boolean => r.afterVerb === true || here.tokens[r.tokEnd - 1]?.possessive === true;
      // "When he refused to support Mr Roe, he said": the same pronoun earlier is the same person.
      const same = before.filter((r) => r.pronoun === pronoun.pronoun);
      const rest = before.filter((r) => r.pronoun !== pronoun.pronoun);
      // "Jane Doe, 49, who told the BBC she …": who the sentence reports, before the pronoun.
      const speaker = this.speakerOf(here);
      const reporter = speaker && speaker !== pronoun && speaker.tokEnd <= pronoun.tokStart ? [speaker] : [];
      for (const ref of [...same, ...reporter, ...rest.filter((r) => !secondary(r)), ...rest.filter(secondary)]) {
        const found = this.candidate(pronoun, ref, here);
        if (found) return found;
      }
    }
    for (let s = pronoun.sentence - 1; s >= 0 && s >= pronoun.sentence - SENTENCES_BACK; s--) {
      const context = this.contexts[s];
      if (!context || context.sentence.kind === 'heading') continue;
      for (const ref of this.ordered(context, true)) {
        const found = this.candidate(pronoun, ref, context);
        if (found) return found;
      }
    }
    return null;
  }

  /** Whether `key` is a named person who may be described by `core` (no other age or nationality). */
  private describes(key: string | null, core: string): key is string {
    if (!key || this.table.kindOf(key) !== 'person' || !this.table.isNamed(key)) return false;
    const facet = descriptorFacet({ core, qualifier: null });
    const held = facet ? this.facets.get(key)?.get(facet) : undefined;
    return held === undefined || held === core;
  }

  private settle(key: string, core: string): string {
    const facet = descriptorFacet({ core, qualifier: null });
    if (facet) {
      const held = this.facets.get(key) ?? new Map<Facet, string>();
      held.set(facet, core);
      this.facets.set(key, held);
    }
    return key;
  }

  private antecedent(ref: Ref): string | null {
    const core = ref.anaphor ?? '';
    const block = this.contexts[ref.sentence]?.sentence.block;
    // "Roe's tackle earned the Dane a ban": in its own sentence only a possessor can be
    // the one described; a subject ("Doe beat the Spaniard") is someone else.
    const here = this.contexts[ref.sentence];
    const possessors = (here?.refs ?? []).filter((r) => r.tokEnd <= ref.tokStart && here?.tokens[r.tokEnd - 1]?.possessive).reverse();
    for (const candidate of possessors) {
      const key = this.resolve(candidate);
      if (this.describes(key, core)) return this.settle(key, core);
    }
    let s = ref.sentence - 1;
    let mainTried = false;
    for (; s >= 0 && s >= ref.sentence - SENTENCES_BACK; s--) {
      const context = this.contexts[s];
      if (!context || context.sentence.kind === 'heading') continue;
      // Past the paragraph's start, the article's main person comes before anyone further back.
      if (context.sentence.block !== block && !mainTried) {
        mainTried = true;
        const main = this.table.mainPerson;
        if (this.describes(main, core)) return this.settle(main, core);
      }
      for (const candidate of this.ordered(context, false)) {
        const first = context.tokens[candidate.tokStart];
        if (first && this.quoted(first)) continue;
        const key = this.resolve(candidate);
        if (this.describes(key, core)) return this.settle(key, core);
      }
    }
    const main = this.table.mainPerson;
    if (!mainTried && this.describes(main, core)) return this.settle(main, core);
    return ref.entity;
  }
}
