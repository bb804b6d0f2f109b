/**
 * The story's quotations, each said once: the copies of one quotation that several articles
 * carry (word for word, cut, or reworded) are grouped under its fullest wording, per speaker.
 * Built once per store revision; a `quote` command then only picks and cites.
 */
import type { StoredQuote } from '../ports/store.ts';
import { foldForLookup } from '../retrieve/entity-index.ts';
import type { StoryView } from '../retrieve/story-view.ts';
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

const quoteKey = (quote: Pick<StoredQuote, 'article' | 'index'>) => `${quote.article}#${quote.index}`;

function strength(group: Omit<QuoteGroup, 'strength'>, wording: Wording): number {
  const full = group.primary.kind === 'full' ? 2 : 0;
  return full + Math.min(wording.tokens.length, 60) / 30 + 0.75 * (group.members.length - 1);
}

interface Draft {
  readonly primary: StoredQuote;
  readonly wording: Wording;
  readonly members: StoredQuote[];
  /** Quotations an article repeats (a phrase of its lead quoted again in full): shown once. */
  readonly repeats: StoredQuote[];
}

/** Groups one speaker's quotations, longest first, each joining the group it words best. */
function groupSpeaker(quotes: readonly StoredQuote[], wordingOf: (quote: StoredQuote) => Wording): Draft[] {
  if (quotes.length === 1) {
    const only = quotes[0] as StoredQuote;
    return [{ primary: only, wording: wordingOf(only), members: [only], repeats: [] }];
  }
  const sorted = quotes
    .map((quote) => ({ quote, size: wordingOf(quote).tokens.length }))
    .sort((a, b) => b.size - a.size || Number(b.quote.kind === 'full') - Number(a.quote.kind === 'full'))
    .map((entry) => entry.quote);
  const drafts: Draft[] = [];
  const postings = new Map<string, number[]>();
  for (const quote of sorted) {
    const wording = wordingOf(quote);
    const shared = new Map<number, number>();
    for (const stem of wording.stems) for (const d of postings.get(stem) ?? []) shared.set(d, (shared.get(d) ?? 0) + 1);
    let best: { draft: Draft; kept: number } | null = null;
    for (const [d, count] of shared) {
      const draft = drafts[d] as Draft;
      // What `compareWordings` would ask of the shared content words, counted here for free.
      const small = Math.min(wording.stems.size, draft.wording.stems.size);
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

/** Groups every quotation of the story by speaker and by quotation. */
export function buildQuoteIndex(quotes: readonly StoredQuote[]): QuoteIndex {
  const wordings = new Map<string, Wording>();
  const wording = (quote: StoredQuote): Wording => {
    const key = quoteKey(quote);
    let found = wordings.get(key);
    if (!found) {
      found = readWording(quote.text);
      wordings.set(key, found);
    }
    return found;
  };
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
    const groups = groupSpeaker(spoken, wording).map((draft): QuoteGroup => {
      const base = { speakerKey: key, primary: draft.primary, members: draft.members };
      const group = { ...base, strength: strength(base, draft.wording) };
      for (const quote of [...draft.members, ...draft.repeats]) groupOf.set(quoteKey(quote), group);
      return group;
    });
    groups.sort((a, b) => b.strength - a.strength);
    bySpeaker.set(key, groups);
    const name = spoken.find((quote) => quote.speakerName)?.speakerName;
    const articles = new Set(spoken.map((quote) => quote.article)).size;
    if (key !== '' && name) speakers.push({ key, name, quotes: groups.length, mentions: spoken.length, articles });
  }
  // Quoted by more outlets first: that is who the story turns on.
  speakers.sort((a, b) => b.articles - a.articles || b.quotes - a.quotes || b.mentions - a.mentions || a.name.localeCompare(b.name));
  return {
    bySpeaker,
    speakers,
    groupOf: (quote) => groupOf.get(quoteKey(quote)),
    byArticle,
    wording,
  };
}

/** The story's quote index, built once per store revision. */
export function quoteIndexOf(view: StoryView): Promise<QuoteIndex> {
  return view.memo('quote-index', async () => buildQuoteIndex(await view.quotes()));
}
