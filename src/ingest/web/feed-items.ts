/**
 * A feed's items to articles. An item is known by its GUID and its addresses ('guid:…',
 * 'url:…'), across feeds, so the same article carried by two feeds is one article. An item
 * seen before whose entry is unchanged is not fetched again; a new or changed one has its page
 * fetched and extracted (or, with no page, its own content used) and goes through the shared
 * pipeline, where a changed text replaces the article's analysis. At most `maxItems` are
 * fetched per poll, newest first; on a feed's first poll the older rest are recorded as seen,
 * so following a feed with 10,000 items indexes its newest, not its archive.
 */
import { createHash } from 'node:crypto';
import type { StatedMeta } from '../../core/article.ts';
import type { FeedRecord } from '../../core/ports/feed-store.ts';
import { webArticleId } from './article-id.ts';
import type { FeedItem, ParsedFeed } from './feed-parse.ts';
import { ingestWebArticles, type WebArticle, type WebIngestDeps, type WebOutcome } from './ingest-web.ts';
import { articleFromContent, readPage } from './page-article.ts';
import type { WebClient } from './web-client.ts';

export interface ItemDeps extends WebIngestDeps {
  readonly web: WebClient;
  readonly maxItems: number;
}

/** One article a poll indexed or changed. */
export interface IndexedItem {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly outcome: Extract<WebOutcome, 'added' | 'updated'>;
}

export interface ItemsResult {
  readonly indexed: readonly IndexedItem[];
  /** Items left out, with why: no link or id, a duplicate GUID, a page that could not be read. */
  readonly skipped: readonly { readonly title: string | null; readonly reason: string }[];
  /** Items this poll saw for the first time. */
  readonly newItems: number;
}

/** An item whose page failed is tried again at later polls, this many times in all. */
const MAX_ATTEMPTS = 3;

/**
 * Indexes what is new or changed in `parsed`, the feed `feed` gave.
 *
 * @example await indexFeedItems(feed, parsed, true, deps) → { indexed: [{ id: 'web/courier.example/port-1a2b3c', title: 'Port reopens', outcome: 'added' }], skipped: [], newItems: 1 }
 */
export async function indexFeedItems(feed: FeedRecord, parsed: ParsedFeed, firstPoll: boolean, deps: ItemDeps): Promise<ItemsResult> {
  const feeds = deps.store.feeds;
  const at = () => deps.clock.now().toISOString();
  const skipped: { title: string | null; reason: string }[] = [];
  const seenKeys = new Set<string>();
  const candidates: { item: FeedItem; keys: string[]; entryHash: string; known: string | null; attempts: number }[] = [];
  let newItems = 0;
  for (const item of newestFirst(parsed.items)) {
    const keys = itemKeys(item);
    if (keys.length === 0) {
      skipped.push({ title: item.title, reason: 'the item has no link and no id' });
      continue;
    }
    if (keys.some((key) => seenKeys.has(key))) {
      skipped.push({ title: item.title, reason: `duplicate of another item in the feed (${keys[0]!.slice(0, 80)})` });
      continue;
    }
    for (const key of keys) seenKeys.add(key);
    const entryHash = hashEntry(item);
    const seen = await feeds.seenItem(keys);
    if (seen === null) newItems++;
    else if (seen.entryHash === entryHash && (seen.status !== 'failed' || seen.attempts >= MAX_ATTEMPTS)) continue;
    candidates.push({
      item,
      keys,
      entryHash,
      known: seen?.article ?? null,
      attempts: seen?.status === 'failed' && seen.entryHash === entryHash ? seen.attempts : 0,
    });
  }

  const now = candidates.slice(0, deps.maxItems);
  const later = candidates.slice(deps.maxItems);
  if (firstPoll) {
    for (const { keys, entryHash, item } of later) {
      await feeds.saveItem(
        keys,
        feed.id,
        { article: null, entryHash, status: 'skipped', reason: `older than the newest ${deps.maxItems} when the feed was first read`, attempts: 0 },
        at(),
      );
      skipped.push({ title: item.title, reason: `older than the newest ${deps.maxItems} when the feed was first read` });
    }
  }

  const batch: { article: WebArticle; keys: string[]; entryHash: string; title: string | null; outlet: string | null }[] = [];
  for (const candidate of now) {
    const { item } = candidate;
    const read = item.link ? await readPage(item.link, deps.web) : null;
    let url: string | null = null;
    let text: string | null = null;
    let meta: StatedMeta = {};
    if (read?.ok) {
      ({ url, text, meta } = read.article);
    } else {
      text = articleFromContent(item.title, item.contentHtml ?? item.summary);
      url = item.link;
    }
    if (text === null) {
      const reason = read && !read.ok ? read.reason : 'no page and too little text in the feed';
      await feeds.saveItem(
        candidate.keys,
        feed.id,
        { article: candidate.known, entryHash: candidate.entryHash, status: 'failed', reason, attempts: candidate.attempts + 1 },
        at(),
      );
      skipped.push({ title: item.title, reason });
      continue;
    }
    const stated: StatedMeta = {
      ...meta,
      title: meta.title ?? item.title ?? null,
      outlet: meta.outlet ?? parsed.title ?? null,
      url: url ?? null,
      published: meta.published ?? item.published,
      updated: meta.updated ?? item.updated,
      byline: meta.byline ?? item.author,
    };
    const keys = url !== null && !candidate.keys.includes(`url:${url}`) ? [...candidate.keys, `url:${url}`] : candidate.keys;
    const known = candidate.known ?? (url !== null ? ((await feeds.seenItem([`url:${url}`]))?.article ?? null) : null);
    const id = known ?? webArticleId(url ?? `guid:${item.guid ?? ''}`);
    batch.push({
      article: { id, url: url ?? `guid:${item.guid}`, text, stated },
      keys,
      entryHash: candidate.entryHash,
      title: stated.title ?? null,
      outlet: stated.outlet ?? null,
    });
  }

  const { outcomes } = await ingestWebArticles(
    batch.map((b) => b.article),
    deps,
  );
  const indexed: IndexedItem[] = [];
  for (const entry of batch) {
    const outcome = outcomes.get(entry.article.id) ?? 'skipped';
    const ok = outcome !== 'skipped';
    await feeds.saveItem(
      entry.keys,
      feed.id,
      {
        article: ok ? entry.article.id : null,
        entryHash: entry.entryHash,
        status: ok ? 'indexed' : 'failed',
        reason: ok ? null : 'analysis failed',
        attempts: ok ? 0 : MAX_ATTEMPTS,
      },
      at(),
    );
    if (outcome === 'added' || outcome === 'updated') indexed.push({ id: entry.article.id, title: entry.title, outlet: entry.outlet, outcome });
    if (outcome === 'skipped') skipped.push({ title: entry.title, reason: 'analysis failed (the log has the details)' });
  }
  return { indexed, skipped, newItems };
}

/** 'guid:…' and 'url:…' keys of an item. */
function itemKeys(item: FeedItem): string[] {
  return [...(item.guid ? [`guid:${item.guid}`] : []), ...(item.link ? [`url:${item.link}`] : [])];
}

/**
 * What an entry says about its article that every format of the feed says alike: its title,
 * address, dates and summary text. A change means the article may have changed. (Atom always
 * carries an update time, equal to publication for a new entry; RSS rarely does; and one feed
 * may carry the whole text where another has a summary: none of that is a change.)
 */
function hashEntry(item: FeedItem): string {
  const updated = item.updated === item.published ? null : item.updated;
  const summary =
    item.summary
      ?.replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() ?? null;
  return createHash('sha256')
    .update(JSON.stringify([item.title, item.link, item.published, updated, summary]))
    .digest('hex')
    .slice(0, 32);
}

/** Dated items newest first; undated ones after them, in the feed's order. */
function newestFirst(items: readonly FeedItem[]): FeedItem[] {
  const dated = items.filter((i) => (i.updated ?? i.published) !== null);
  const undated = items.filter((i) => (i.updated ?? i.published) === null);
  return [...dated.sort((a, b) => ((b.updated ?? b.published)! < (a.updated ?? a.published)! ? -1 : 1)), ...undated];
}
