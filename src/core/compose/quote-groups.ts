/**
 * The story's quotations, each said once: the copies of one quotation that several articles
 * carry (word for word, cut, or reworded) are grouped under its fullest wording, per speaker.
 * The story's own index is `story-quotes.ts`, which reads a speaker's quotations when asked.
 */
import type { CountedQuote, StoredQuote } from '../ports/store.ts';
import { foldForLookup } from '../retrieve/entity-index.ts';
import { compareWordings } from './quote-variants.ts';
import { readWording, type Wording } from './quote-wording.ts';

/** One quotation as the story carries it, in one or more articles. */
export interface QuoteGroup {
  /** Which speaker: a story entity id, `name:…` for a speaker not yet linked, '' for none. */
  readonly speakerKey: string;
  /** The fullest wording: the one shown first. */
  readonly primary: StoredQuote;
  /** Each article's fullest wording of it (the primary first): at most one per article. */
  readonly members: readonly StoredQuote[];
  /** Full quotations, longer ones and those more outlets carry rank higher. */
  readonly strength: number;
}

/** A speaker and how often the story quotes them. */
export interface QuotedSpeaker {
  readonly key: string;
  readonly name: string;
  /** Distinct quotations (a quotation several articles carry counts once). */
  readonly quotes: number;
  /** Quotations as stored, copies included. */
  readonly mentions: number;
  /** Articles that quote them. */
  readonly articles: number;
}

export interface QuoteIndex {
  /** Every group, strongest first within each speaker. */
  readonly bySpeaker: ReadonlyMap<string, readonly QuoteGroup[]>;
  /** Speakers (not the unattributed), most quoted first: in most articles, then most quotations. */
  readonly speakers: readonly QuotedSpeaker[];
  /** The group a stored quotation belongs to. */
  groupOf(quote: Pick<StoredQuote, 'article' | 'index'>): QuoteGroup | undefined;
  /** Each article's quotations in text order. */
  readonly byArticle: ReadonlyMap<string, readonly StoredQuote[]>;
  /** The compared form of a quotation's wording (read once). */
  wording(quote: StoredQuote): Wording;
}

/** The speaker key of a quotation: its story entity, or its name when not yet linked. */
export function speakerKeyOf(quote: StoredQuote): string {
  if (quote.speakerId) return quote.speakerId;
  return quote.speakerName ? `name:${foldForLookup(quote.speakerName)}` : '';
}

export const quoteKey = (quote: Pick<StoredQuote, 'article' | 'index'>) => `${quote.article}#${quote.index}`;

function strength(group: Omit<QuoteGroup, 'strength'>, wording: Wording): number {
  const full = group.primary.kind === 'full' ? 2 : 0;
  return full + Math.min(wording.tokens.length, 60) / 30 + 0.75 * (group.members.length - 1);
}

interface Draft<Q extends CountedQuote = StoredQuote> {
  readonly primary: Q;
  readonly wording: Wording;
  readonly members: Q[];
  /** Quotations an article repeats (a phrase of its lead quoted again in full): shown once. */
  readonly repeats: Q[];
}

/**
 * A word found in more of one speaker's distinct remarks than this is too common to find the
 * remarks a quotation repeats by: a quotation is compared with the remarks it shares a rarer
 * word with. Two wordings of one remark that share only such words (a few very short remarks of
 * a speaker quoted thousands of times) stay apart; no speaker of a 100,000-article story has
 * that many remarks.
 */
const COMMON_STEM_REMARKS = 500;

/** Groups one speaker's quotations, longest first, each joining the group it words best. */
function groupSpeaker<Q extends CountedQuote>(quotes: readonly Q[], wordingOf: (quote: Q) => Wording): Draft<Q>[] {
  if (quotes.length === 1) {
    const only = quotes[0] as Q;
    return [{ primary: only, wording: wordingOf(only), members: [only], repeats: [] }];
  }
  const sorted = quotes
    .map((quote) => ({ quote, size: wordingOf(quote).tokens.length }))
    .sort((a, b) => b.size - a.size || Number(b.quote.kind === 'full') - Number(a.quote.kind === 'full'))
    .map((entry) => entry.quote);
  const drafts: Draft<Q>[] = [];
  const postings = new Map<string, number[]>();
  for (const quote of sorted) {
    const wording = wordingOf(quote);
    const shared = new Map<number, number>();
    // A word in very many of the speaker's remarks is not walked (a speaker quoted 50,000 times
    // would make this loop quadratic); it is counted as shared with every remark found through
    // the other words, so no remark found is turned away that would be grouped.
    let common = 0;
    for (const stem of wording.stems) {
      const list = postings.get(stem);
      if (list === undefined) continue;
      if (list.length > COMMON_STEM_REMARKS) {
        common += 1;
        continue;
      }
      for (const d of list) shared.set(d, (shared.get(d) ?? 0) + 1);
    }
    let best: { draft: Draft<Q>; kept: number } | null = null;
    for (const [d, found] of shared) {
      const draft = drafts[d] as Draft<Q>;
      // What `compareWordings` would ask of the shared content words, counted here for free.
      const small = Math.min(wording.stems.size, draft.wording.stems.size);
      const count = found + common;
      if (count < (small <= 3 ? small : Math.ceil(small * 0.6))) continue;
      const comparison = compareWordings(draft.wording, wording);
      if (comparison.same && (!best || comparison.kept > best.kept)) best = { draft, kept: comparison.kept };
    }
    if (best) {
      const repeated = best.draft.members.some((member) => member.article === quote.article);
      (repeated ? best.draft.repeats : best.draft.members).push(quote);
      continue;
    }
    const at = drafts.length;
    drafts.push({ primary: quote, wording, members: [quote], repeats: [] });
    for (const stem of wording.stems) {
      const list = postings.get(stem) ?? [];
      list.push(at);
      postings.set(stem, list);
    }
  }
  return drafts;
}

/**
 * One speaker's quotations (in article and quotation order) as groups, strongest first: the
 * same groups however the speaker's quotations are read, all at once or the speaker's alone.
 * `repeated` receives each quotation an article repeats, with the group it repeats.
 */
export function groupSpeakerQuotes(
  key: string,
  quotes: readonly StoredQuote[],
  wording: (quote: StoredQuote) => Wording,
  repeated?: (quote: StoredQuote, group: QuoteGroup) => void,
): QuoteGroup[] {
  const groups = groupSpeaker(quotes, wording).map((draft): QuoteGroup => {
    const base = { speakerKey: key, primary: draft.primary, members: draft.members };
    const group = { ...base, strength: strength(base, draft.wording) };
    for (const quote of draft.repeats) repeated?.(quote, group);
    return group;
  });
  return groups.sort((a, b) => b.strength - a.strength);
}

/**
 * How many groups `groupSpeakerQuotes` makes of one speaker's quotations (in article and
 * quotation order), from what counting reads of them: their distinct quotations.
 */
export function countSpeakerGroups(quotes: readonly CountedQuote[], wording: (quote: CountedQuote) => Wording): number {
  return groupSpeaker(quotes, wording).length;
}

/** Reads a quotation's wording once while `cache` keeps it (a map, or a bounded cache). */
export function cachedWording(cache: { get(key: string): Wording | undefined; set(key: string, wording: Wording): void }): (quote: StoredQuote) => Wording {
  return (quote) => {
    const key = quoteKey(quote);
    let found = cache.get(key);
    if (!found) {
      found = readWording(quote.text);
      cache.set(key, found);
    }
    return found;
  };
}

/** The sort of `QuoteIndex.speakers`: quoted by more outlets first, that is who the story turns on. */
export function bySpeakerStanding(a: QuotedSpeaker, b: QuotedSpeaker): number {
  return b.articles - a.articles || b.quotes - a.quotes || b.mentions - a.mentions || a.name.localeCompare(b.name);
}

/** Groups quotations (a few articles' or one speaker's) by speaker and by quotation. */
export function buildQuoteIndex(quotes: readonly StoredQuote[]): QuoteIndex {
  const wording = cachedWording(new Map());
  const bySpeakerQuotes = new Map<string, StoredQuote[]>();
  const byArticle = new Map<string, StoredQuote[]>();
  for (const quote of quotes) {
    const key = speakerKeyOf(quote);
    (bySpeakerQuotes.get(key) ?? bySpeakerQuotes.set(key, []).get(key)!).push(quote);
    (byArticle.get(quote.article) ?? byArticle.set(quote.article, []).get(quote.article)!).push(quote);
  }

  const bySpeaker = new Map<string, QuoteGroup[]>();
  const groupOf = new Map<string, QuoteGroup>();
  const speakers: QuotedSpeaker[] = [];
  for (const [key, spoken] of bySpeakerQuotes) {
    const groups = groupSpeakerQuotes(key, spoken, wording, (quote, group) => groupOf.set(quoteKey(quote), group));
    for (const group of groups) for (const quote of group.members) groupOf.set(quoteKey(quote), group);
    bySpeaker.set(key, groups);
    const stats = speakerStats(key, spoken, groups);
    if (stats) speakers.push(stats);
  }
  speakers.sort(bySpeakerStanding);
  return {
    bySpeaker,
    speakers,
    groupOf: (quote) => groupOf.get(quoteKey(quote)),
    byArticle,
    wording,
  };
}

/** How often the story quotes one speaker; null for the unattributed or a speaker with no name. */
export function speakerStats(key: string, spoken: readonly StoredQuote[], groups: readonly QuoteGroup[]): QuotedSpeaker | null {
  const name = spoken.find((quote) => quote.speakerName)?.speakerName;
  if (key === '' || !name) return null;
  return { key, name, quotes: groups.length, mentions: spoken.length, articles: new Set(spoken.map((quote) => quote.article)).size };
}
