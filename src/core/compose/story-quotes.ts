/**
 * The story's quotations for `quote`, read a speaker at a time: who is quoted and how often
 * (each speaker's groups counted once and the counts kept in the store, counted again only
 * when the store has marked the speaker's quotations as changed), and a speaker's groups read
 * by index when a reply shows them. The story's quotation list (some 500,000 at 100,000
 * articles, with their compared wordings) is never held at once, nor grouped whole after a
 * restart or a new article; the groups are those `buildQuoteIndex` makes of the whole list.
 */
import type { QuoteSpeakerRecord, StoredQuote, StoryEntityRecord } from '../ports/store.ts';
import { BoundedCache } from '../retrieve/bounded-cache.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import {
  bySpeakerStanding,
  cachedWording,
  countSpeakerGroups,
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

/**
 * A speaker's wordings while the speaker is grouped: one speaker's copies of a quotation in
 * several articles are often word for word, and each text is read once (a wording is the same
 * whatever its article).
 */
function wordingsByText(): (quote: { readonly text: string }) => Wording {
  const byText = new Map<string, Wording>();
  return (quote) => {
    let wording = byText.get(quote.text);
    if (!wording) {
      wording = readWording(quote.text);
      byText.set(quote.text, wording);
    }
    return wording;
  };
}

function grouped(key: string, quotes: readonly StoredQuote[]): Grouped {
  // Wordings are kept only while the speaker is grouped: each group keeps its own, and a
  // speaker's other wordings (61,000 of the unattributed at 100,000 articles) are let go at once.
  const groupOf = new Map<string, QuoteGroup>();
  const wordingOf = wordingsByText();
  const groups = groupSpeakerQuotes(key, quotes, wordingOf, (quote, group) => groupOf.set(quoteKey(quote), group));
  for (const group of groups) for (const quote of group.members) groupOf.set(quoteKey(quote), group);
  return { groups, groupOf };
}

/**
 * The version of the grouping the stored speaker counts were made with: change it whenever
 * grouping (quote-groups.ts, quote-variants.ts, quote-wording.ts and the word lists they use)
 * may count a speaker's quotations differently, and every count is made again once.
 */
export const QUOTE_GROUPING_VERSION = '1';

// Article, then quotation number: \u0001 sorts before any character of an id, as the article
// order wants, and (unlike \u0000) PostgreSQL's text can hold it.
const firstOf = (quote: Pick<StoredQuote, 'article' | 'index'>) => `${quote.article}\u0001${String(quote.index).padStart(10, '0')}`;

type Ranked = { speaker: QuotedSpeaker; first: string };

/**
 * The linked speakers, counted from the counts the store keeps: only the speakers whose
 * quotations changed since their last count (the store marks them as it writes) are read and
 * grouped again, and their counts stored; the first count, or one after the grouping changed,
 * counts every quoted entity once.
 */
async function countedSpeakers(view: StoryView, entities: readonly StoryEntityRecord[], keep: (key: string, entry: Grouped) => void): Promise<Ranked[]> {
  const { store } = view;
  const state = await store.quoteSpeakers();
  const complete = state.version !== QUOTE_GROUPING_VERSION;
  const rows = new Map(complete ? [] : state.speakers.map((row) => [row.speaker, row]));
  const recount = complete ? entities.map((entity) => entity.id) : [...new Set(state.changed.map((change) => change.speaker))];
  const names = new Map(entities.map((entity) => [entity.id, entity.name]));
  const fresh: QuoteSpeakerRecord[] = [];
  const removed: string[] = [];
  for (const id of recount) {
    const row = await countSpeaker(view, id, names.get(id), keep);
    if (!row) {
      rows.delete(id);
      removed.push(id);
      continue;
    }
    rows.set(id, row);
    fresh.push(row);
  }
  if (complete || recount.length > 0) {
    // Keeping the counts saves the next request work; it is not the answer. Where the write
    // cannot be made (another process holds the write lock past the busy timeout, the index is
    // unavailable for a moment), the speakers stay marked and the next request counts them again.
    await store
      .saveQuoteSpeakers({
        version: QUOTE_GROUPING_VERSION,
        complete,
        speakers: complete ? [...rows.values()] : fresh,
        removed,
        counted: state.changed,
      })
      .catch(() => undefined);
  }
  return [...rows.values()].map((row) => ({
    speaker: { key: row.speaker, name: row.name, quotes: row.quotes, mentions: row.mentions, articles: row.articles },
    first: row.first,
  }));
}

/**
 * One linked speaker's counts, or null when it speaks no quotation. A speaker of the story's
 * quoted entities is counted from what counting reads of its quotations (article, number, kind
 * and text: a fifth of whole rows), as the groups of `grouped` would count; a speaker that is
 * not (its entity gone or renamed since) from its whole quotations, as `speakerStats` does.
 */
async function countSpeaker(
  view: StoryView,
  id: string,
  name: string | undefined,
  keep: (key: string, entry: Grouped) => void,
): Promise<QuoteSpeakerRecord | null> {
  if (name) {
    const quotes = await view.store.quotationsToCount(id);
    const first = quotes[0];
    if (!first) return null;
    // Read through its links, every quotation names the entity, so its name is the speaker's.
    const quoted = countSpeakerGroups(quotes, wordingsByText());
    return { speaker: id, name, quotes: quoted, mentions: quotes.length, articles: new Set(quotes.map((quote) => quote.article)).size, first: firstOf(first) };
  }
  const quotes = await view.store.listQuotes({ speakerId: id });
  const entry = quotes.length > 0 ? grouped(id, quotes) : null;
  const stats = entry ? speakerStats(id, quotes, entry.groups) : null;
  if (!entry || !stats) return null;
  keep(id, entry);
  return { speaker: id, name: stats.name, quotes: stats.quotes, mentions: stats.mentions, articles: stats.articles, first: firstOf(quotes[0] as StoredQuote) };
}

/**
 * The linked speakers counted from all their quotations, as a story not yet wholly linked
 * needs (its counts could not be kept: a link still to come changes who said what).
 */
async function readSpeakers(view: StoryView, entities: readonly StoryEntityRecord[], keep: (key: string, entry: Grouped) => void): Promise<Ranked[]> {
  const speakers: Ranked[] = [];
  for (const entity of entities) {
    const quotes = await view.store.listQuotes({ speakerId: entity.id });
    if (quotes.length === 0) continue;
    const entry = grouped(entity.id, quotes);
    keep(entity.id, entry);
    const stats = speakerStats(entity.id, quotes, entry.groups);
    if (stats) speakers.push({ speaker: stats, first: firstOf(quotes[0] as StoredQuote) });
  }
  return speakers;
}

/** The quotations no story entity speaks, by speaker key ('' for none, `name:…` for a speaker not yet linked), grouped. */
async function unlinkedSpeakers(view: StoryView): Promise<{ entries: Map<string, Grouped>; ranked: Ranked[] }> {
  const entries = new Map<string, Grouped>();
  const ranked: Ranked[] = [];
  const bySpeaker = new Map<string, StoredQuote[]>();
  for (const quote of await view.store.listQuotes({ unlinked: true })) {
    const key = speakerKeyOf(quote);
    (bySpeaker.get(key) ?? bySpeaker.set(key, []).get(key)!).push(quote);
  }
  for (const [key, quotes] of bySpeaker) {
    const entry = grouped(key, quotes);
    entries.set(key, entry);
    const stats = speakerStats(key, quotes, entry.groups);
    if (stats) ranked.push({ speaker: stats, first: firstOf(quotes[0] as StoredQuote) });
  }
  return { entries, ranked };
}

/**
 * Reads the story's speakers. A wholly linked story's are counted from the counts the store
 * keeps (see `countedSpeakers`), and the quotations nobody is named as saying are read only
 * when a reply needs their groups (a topic's quotations). A story still to be linked is read
 * whole: each quoted entity's quotations by its links, and the unlinked ones, whose speakers
 * not yet linked are ranked with the others.
 */
async function loadStoryQuotes(view: StoryView): Promise<StoryQuotes> {
  const { store } = view;
  const linked = new BoundedCache<string, Grouped>(CACHED_QUOTATIONS, (entry) => entry.groupOf.size);
  const keep = (key: string, entry: Grouped) => linked.set(key, entry);
  const entities = await store.quotedEntities();
  let unlinked: Promise<Map<string, Grouped>> | null = null;
  let speakers: Ranked[];
  if (await store.needsLinking()) {
    const others = await unlinkedSpeakers(view);
    unlinked = Promise.resolve(others.entries);
    speakers = [...(await readSpeakers(view, entities, keep)), ...others.ranked];
  } else speakers = await countedSpeakers(view, entities, keep);
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
    unlinked ??= unlinkedSpeakers(view).then((others) => others.entries);
    return (await unlinked).get(key);
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
