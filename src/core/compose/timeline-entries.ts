/**
 * What a timeline is made of: each article (its publication date, outlet and title) and the
 * dated events analysis found in its text, each tied to the sentence that states it. The same
 * event reported by several articles is one entry citing them all.
 */
import type { ArticleSummary } from '../ports/store.ts';
import { sameClaim } from '../retrieve/similarity.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { contentStems } from '../retrieve/terms.ts';
import type { Citable } from './citations.ts';
import { eventDate, readDate, type PartialDate } from './timeline-dates.ts';

export interface TimelineEntry {
  readonly kind: 'article' | 'event';
  /** Null: the article states no publication date. */
  readonly date: PartialDate | null;
  /** The event's sentence, verbatim; for an article, its title. */
  readonly text: string;
  /** The words that gave the event its date ("last month"); null for an article. */
  readonly when: string | null;
  /** The article it is from; for an event several report, the first of them. */
  readonly article: ArticleSummary;
  /** Sentences to cite: the event's sentence in each article, or the article's first sentence. */
  readonly sources: readonly Citable[];
}

interface ArticleFacts {
  readonly lead: Citable | null;
  readonly events: readonly { readonly date: PartialDate; readonly when: string; readonly source: Citable }[];
}

/**
 * An article's dated events, one per sentence: when a sentence states several dates, the first
 * stated is the time of what it reports ("Earlier this week, a report said … in 2018").
 */
function articleFacts(view: StoryView, summary: ArticleSummary): Promise<ArticleFacts> {
  return view.memo(`timeline-facts:${summary.id}`, async () => {
    const article = await view.store.getArticle(summary.id);
    if (!article) return { lead: null, events: [] };
    const { sentences, events } = article.analysis;
    const first = sentences.find((sentence) => sentence.kind !== 'heading');
    const bySentence = new Map<number, { at: number; date: PartialDate; when: string }>();
    for (const event of events) {
      const sentence = sentences[event.sentence];
      const date = eventDate(event.date, event.text, summary.meta.published);
      if (!sentence || sentence.kind === 'heading' || !date) continue;
      const at = sentence.text.indexOf(event.text);
      const seen = bySentence.get(event.sentence);
      if (!seen || (at >= 0 && (seen.at < 0 || at < seen.at))) bySentence.set(event.sentence, { at, date, when: event.text });
    }
    return {
      lead: first ? { article: summary.id, sentence: first.index, text: first.text } : null,
      events: [...bySentence].map(([index, { date, when }]) => ({
        date,
        when,
        source: { article: summary.id, sentence: index, text: sentences[index]!.text },
      })),
    };
  });
}

/** Which sentences may appear: all, or those a topic matched. */
export type SentenceFilter = ((article: string, sentence: number) => boolean) | null;

/**
 * The entries of the given articles: each article once, and its dated events (through the
 * filter, when a topic is asked), the same event from several articles merged.
 * `timelineEntries(view, articles, null)` → an entry per article and per dated sentence.
 */
export async function timelineEntries(
  view: StoryView,
  articles: readonly ArticleSummary[],
  filter: SentenceFilter,
  /** The sentence an article's entry cites instead of its first (the one a topic matched). */
  cite?: ReadonlyMap<string, Citable>,
): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  const events: { date: PartialDate; when: string; source: Citable; article: ArticleSummary }[] = [];
  for (const summary of articles) {
    const facts = await articleFacts(view, summary);
    entries.push({
      kind: 'article',
      date: readDate(summary.meta.published),
      text: summary.meta.title ?? summary.id,
      when: null,
      article: summary,
      sources: [cite?.get(summary.id) ?? facts.lead].filter((source): source is Citable => source != null),
    });
    for (const event of facts.events) {
      if (filter && !filter(summary.id, event.source.sentence)) continue;
      events.push({ ...event, article: summary });
    }
  }
  return [...entries, ...mergeEvents(events)];
}

const COMMON_ON_DATE = 32;

/** Events on the same date making the same claim, from different articles, become one. */
function mergeEvents(events: readonly { date: PartialDate; when: string; source: Citable; article: ArticleSummary }[]): TimelineEntry[] {
  const merged: { entry: TimelineEntry; sources: Citable[]; stems: ReadonlySet<string> }[] = [];
  // Candidates share the date and a content word that is not common on that date: no
  // comparison of every pair, even when thousands of events share a year.
  const postings = new Map<string, number[]>();
  for (const event of events) {
    const stems = contentStems(event.source.text);
    const candidates = new Set<number>();
    for (const stem of stems) {
      const list = postings.get(`${event.date.iso}|${stem}`) ?? [];
      if (list.length <= COMMON_ON_DATE) for (const at of list) candidates.add(at);
    }
    const home = [...candidates]
      .map((at) => merged[at]!)
      .find((candidate) => {
        if (candidate.sources.some((source) => source.article === event.source.article)) return false;
        // The same claim shares at least half the words of the shorter sentence: a cheap test first.
        let shared = 0;
        for (const stem of stems) if (candidate.stems.has(stem)) shared += 1;
        return shared * 2 >= Math.min(stems.size, candidate.stems.size) && sameClaim(candidate.entry.text, event.source.text);
      });
    if (home) {
      home.sources.push(event.source);
      continue;
    }
    const sources = [event.source];
    const entry: TimelineEntry = { kind: 'event', date: event.date, text: event.source.text, when: event.when, article: event.article, sources };
    for (const stem of stems) {
      const key = `${event.date.iso}|${stem}`;
      const list = postings.get(key);
      if (list) list.push(merged.length);
      else postings.set(key, [merged.length]);
    }
    merged.push({ entry, sources, stems });
  }
  return merged.map((item) => item.entry);
}
