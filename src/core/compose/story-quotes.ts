/**
 * The story's quotations for `quote`, read a speaker at a time: who is quoted and how often
 * (every speaker's groups counted once per store revision, one speaker's quotations in memory
 * at a time), and a speaker's groups read again by index when a reply shows them. The story's
 * quotation list (some 500,000 at 100,000 articles, with their compared wordings) is never held
 * at once; the groups are those `buildQuoteIndex` makes of the whole list.
 */
import type { StoredQuote, StoryEntityRecord } from '../ports/store.ts';
import { BoundedCache } from '../retrieve/bounded-cache.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import {
  bySpeakerStanding,
  cachedWording,
  groupSpeakerQuotes,
  type QuoteGroup,
  type QuotedSpeaker,
  quoteKey,
  speakerKeyOf,
  speakerStats,
} from './quote-groups.ts';
import { readWording, type Wording } from './quote-wording.ts';

export interface StoryQuotes {
  /** Speakers (not the unattributed), most quoted first: in most articles, then most quotations. */
  readonly speakers: readonly QuotedSpeaker[];
  /** The story entities that speak, by id. */
  readonly entities: ReadonlyMap<string, StoryEntityRecord>;
  /** A speaker's groups, strongest first ('' for the unattributed). */
  groupsOf(speakerKey: string): Promise<readonly QuoteGroup[]>;
  /** The group a stored quotation belongs to. */
  groupOf(quote: StoredQuote): Promise<QuoteGroup | undefined>;
  /** These articles' quotations, each article's in text order. */
  quotesIn(articles: readonly string[]): Promise<ReadonlyMap<string, readonly StoredQuote[]>>;
  /** The compared form of a quotation's wording. */
  wording(quote: StoredQuote): Wording;
}

/** A group's identity across reads: its fullest wording's article and number. */
export const groupKey = (group: QuoteGroup) => quoteKey(group.primary);

/** Linked speakers' groups kept between replies, counted in quotations (a few megabytes). */
const CACHED_QUOTATIONS = 20_000;
/** Wordings kept for presenting replies (a variant is compared with its lead). */
const CACHED_WORDINGS = 2_000;

interface Grouped {
  readonly groups: readonly QuoteGroup[];
  /** Every quotation of the speaker, members and repeats, to its group. */
  readonly groupOf: ReadonlyMap<string, QuoteGroup>;
}

function grouped(key: string, quotes: readonly StoredQuote[]): Grouped {
  // Wordings are read as grouping asks for them and not kept: each group keeps its own, and a
  // speaker's other wordings (61,000 of the unattributed at 100,000 articles) are let go at once.
  const groupOf = new Map<string, QuoteGroup>();
  const groups = groupSpeakerQuotes(
    key,
    quotes,
    (quote) => readWording(quote.text),
    (quote, group) => groupOf.set(quoteKey(quote), group),
  );
  for (const group of groups) for (const quote of group.members) groupOf.set(quoteKey(quote), group);
  return { groups, groupOf };
}

/**
 * Reads the story's speakers: each quoted story entity's quotations by its links, grouped and
 * counted and let go, then the quotations no entity speaks (kept: their groups are read
 * from all of them).
 */
async function loadStoryQuotes(view: StoryView): Promise<StoryQuotes> {
  const { store } = view;
  const linked = new BoundedCache<string, Grouped>(CACHED_QUOTATIONS, (entry) => entry.groupOf.size);
  const speakers: { speaker: QuotedSpeaker; first: string }[] = [];
  const firstOf = (quote: StoredQuote) => `${quote.article}\u0000${String(quote.index).padStart(10, '0')}`;
  const entities = await store.quotedEntities();
  for (const entity of entities) {
    const quotes = await store.listQuotes({ speakerId: entity.id });
    if (quotes.length === 0) continue;
    const entry = grouped(entity.id, quotes);
    linked.set(entity.id, entry);
    const stats = speakerStats(entity.id, quotes, entry.groups);
    if (stats) speakers.push({ speaker: stats, first: firstOf(quotes[0] as StoredQuote) });
  }
  const unlinked = new Map<string, Grouped>();
  const bySpeaker = new Map<string, StoredQuote[]>();
  for (const quote of await store.listQuotes({ unlinked: true })) {
    const key = speakerKeyOf(quote);
    (bySpeaker.get(key) ?? bySpeaker.set(key, []).get(key)!).push(quote);
  }
  for (const [key, quotes] of bySpeaker) {
    const entry = grouped(key, quotes);
    unlinked.set(key, entry);
    const stats = speakerStats(key, quotes, entry.groups);
    if (stats) speakers.push({ speaker: stats, first: firstOf(quotes[0] as StoredQuote) });
  }
  // Ties in standing in the order the story first quotes them, as a read of every quotation gives.
  speakers.sort((a, b) => bySpeakerStanding(a.speaker, b.speaker) || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));

  const entryOf = async (key: string): Promise<Grouped | undefined> => {
    if (!key.startsWith('name:') && key !== '') {
      let entry = linked.get(key);
      if (!entry) {
        entry = grouped(key, await view.quotesOf(key));
        linked.set(key, entry);
      }
      return entry;
    }
    return unlinked.get(key);
  };
  return {
    speakers: speakers.map((entry) => entry.speaker),
    entities: new Map(entities.map((entity) => [entity.id, entity])),
    async groupsOf(key) {
      return (await entryOf(key))?.groups ?? [];
    },
    async groupOf(quote) {
      return (await entryOf(speakerKeyOf(quote)))?.groupOf.get(quoteKey(quote));
    },
    async quotesIn(articles) {
      const byArticle = new Map<string, StoredQuote[]>();
      for (const quote of await view.quotesIn(articles)) (byArticle.get(quote.article) ?? byArticle.set(quote.article, []).get(quote.article)!).push(quote);
      return byArticle;
    },
    wording: cachedWording(new BoundedCache<string, Wording>(CACHED_WORDINGS, () => 1)),
  };
}

/** The story's quotations for `quote`, read once per store revision. */
export function storyQuotesOf(view: StoryView): Promise<StoryQuotes> {
  return view.memo('story-quotes', () => loadStoryQuotes(view));
}
