/**
 * `timeline [TOPIC]`: the story in date order, oldest first: each article (date, outlet,
 * title) and the dated events its text states, each cited to its sentence. A date known to a
 * month or a year is shown so ("May 2019", "2005") and sorts at the start of that period;
 * articles with no publication date are listed apart, under "Undated".
 */
import type { ArticleSummary } from '../ports/store.ts';
import { UserError } from '../errors.ts';
import type { Reply, ReplyPart } from '../reply.ts';
import { planTerms } from '../retrieve/query.ts';
import { informativeConcepts, scoreCandidates } from '../retrieve/rank.ts';
import { readQuestion } from '../retrieve/question-entities.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { CitationList, type Citable } from './citations.ts';
import { compareDates, dateLabel } from './timeline-dates.ts';
import { timelineEntries, type SentenceFilter, type TimelineEntry } from './timeline-entries.ts';
import { clipText } from '../graphemes.ts';

export const MAX_TIMELINE_TOPIC = 300;
/** Dated entries shown at most; the rest are counted. */
const MAX_DATED = 20;
const MAX_UNDATED = 5;
const MIN_RELEVANCE = 0.5;
const CANDIDATE_SENTENCES = 500;

/** An entry in the `timeline --json` contract (fields may be added, never renamed). */
export interface TimelineEntryJson {
  readonly kind: 'article' | 'event';
  /** ISO date as precise as known ('2005', '2019-05', '2014-01-14'), or null when undated. */
  readonly date: string | null;
  readonly precision: 'year' | 'month' | 'day' | null;
  /** The date as shown: "May 2019", or "Undated". */
  readonly label: string;
  /** The event's sentence verbatim, or the article's title. */
  readonly text: string;
  /** The words that dated the event ("last month"); null for an article. */
  readonly when: string | null;
  readonly article: string;
  readonly outlet: string | null;
  readonly title: string;
  readonly published: string | null;
  /** Citation numbers: every article that reports it. */
  readonly cites: readonly number[];
}

interface Scope {
  readonly articles: readonly ArticleSummary[];
  readonly filter: SentenceFilter;
  /** For a topic, the sentence of each article that bears on it best: what its entry cites. */
  readonly cite?: ReadonlyMap<string, Citable>;
}

/** The articles and sentences a topic matches, scored as `ask` scores answers. */
async function topicScope(topic: string, view: StoryView, all: ReadonlyMap<string, ArticleSummary>): Promise<Scope> {
  const plan = await readQuestion(topic, view);
  if (plan.concepts.length === 0) return { articles: [], filter: () => false };
  const terms = planTerms(plan);
  const hits = (await view.store.searchSentences({ terms, limit: CANDIDATE_SENTENCES })).filter((hit) => hit.kind !== 'heading');
  const frequencies = await view.frequencies(terms);
  const needed = Math.min(2, informativeConcepts(plan, frequencies.sentences, frequencies.of));
  const candidates = hits.map((hit) => ({ article: hit.article, sentence: hit.sentence, text: hit.text, bm25: hit.score }));
  const relevant = scoreCandidates(plan, candidates, frequencies.sentences, frequencies.of).filter(
    (s) => s.relevance >= MIN_RELEVANCE && s.informative >= needed,
  );
  const matched = new Set(relevant.map((s) => `${s.candidate.article}#${s.candidate.sentence}`));
  const cite = new Map<string, Citable>();
  for (const { candidate } of relevant) if (!cite.has(candidate.article)) cite.set(candidate.article, candidate);
  return {
    articles: [...cite.keys()].map((id) => all.get(id)).filter((a): a is ArticleSummary => a !== undefined),
    filter: (article, sentence) => matched.has(`${article}#${sentence}`),
    cite,
  };
}

/** Reported by more articles first, then the newer: what to keep when there is too much. */
function importance(a: TimelineEntry, b: TimelineEntry): number {
  return b.sources.length - a.sources.length || compareDates(b.date!, a.date!);
}

/** Date order; on one date, the article before the events it reports. */
function chronological(a: TimelineEntry, b: TimelineEntry): number {
  return (
    compareDates(a.date!, b.date!) ||
    Number(a.kind === 'event') - Number(b.kind === 'event') ||
    a.article.id.localeCompare(b.article.id) ||
    (a.sources[0]?.sentence ?? 0) - (b.sources[0]?.sentence ?? 0)
  );
}

function entryText(entry: TimelineEntry): string {
  const label = entry.date ? `${dateLabel(entry.date)} — ` : '';
  if (entry.kind === 'event') return `${label}${entry.text}`;
  const outlet = entry.article.meta.outlet ?? 'Unknown outlet';
  // A headline that quotes someone keeps its own marks rather than nesting them.
  const title = /["“”]/.test(entry.text) ? entry.text : `“${entry.text}”`;
  return `${label}${outlet} article: ${title}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Composes the timeline, optionally of one topic.
 * `composeTimeline(undefined, view)` → "2005 — The company has been active in the UK since 2005 … [1]", …
 */
export async function composeTimeline(topic: string | undefined, view: StoryView): Promise<Reply> {
  const wanted = topic?.trim() || undefined;
  if (wanted !== undefined && wanted.length > MAX_TIMELINE_TOPIC) {
    throw new UserError('text-too-long', `That topic is ${wanted.length} characters long; please name it in under ${MAX_TIMELINE_TOPIC}.`);
  }
  const all = await view.articles();
  const scope: Scope = wanted === undefined ? { articles: [...all.values()], filter: null } : await topicScope(wanted, view, all);
  // The whole story's entries are the same until it changes; a topic's are few and made afresh.
  const entries =
    wanted === undefined
      ? await view.memo('timeline-entries', () => timelineEntries(view, scope.articles, null))
      : await timelineEntries(view, scope.articles, scope.filter, scope.cite);

  const dated = entries.filter((entry) => entry.date !== null);
  const undated = entries.filter((entry) => entry.date === null).sort((a, b) => a.article.id.localeCompare(b.article.id));
  const shownDated = [...dated].sort(importance).slice(0, MAX_DATED).sort(chronological);
  const shownUndated = undated.slice(0, MAX_UNDATED);
  const omitted = dated.length - shownDated.length + undated.length - shownUndated.length;

  const citations = new CitationList(view);
  const parts: ReplyPart[] = [];
  const json = async (entry: TimelineEntry): Promise<TimelineEntryJson> => {
    const cites = await citations.addAll(entry.sources);
    parts.push({ kind: 'text', text: entryText(entry), cites });
    const { meta } = entry.article;
    return {
      kind: entry.kind,
      date: entry.date?.iso ?? null,
      precision: entry.date?.precision ?? null,
      label: entry.date ? dateLabel(entry.date) : 'Undated',
      text: entry.text,
      when: entry.when,
      article: entry.article.id,
      outlet: meta.outlet,
      title: meta.title ?? entry.article.id,
      published: meta.published,
      cites,
    };
  };
  const datedJson: TimelineEntryJson[] = [];
  for (const entry of shownDated) datedJson.push(await json(entry));
  if (shownUndated.length > 0) parts.push({ kind: 'heading', text: 'Undated' });
  const undatedJson: TimelineEntryJson[] = [];
  for (const entry of shownUndated) undatedJson.push(await json(entry));

  const events = dated.filter((entry) => entry.kind === 'event').length;
  const on = wanted === undefined ? '' : ` of “${clipText(wanted, 60)}”`;
  const notices = [
    entries.length === 0 ? (all.size === 0 ? 'Nothing is indexed yet.' : 'Nothing on that in the indexed coverage.') : null,
    omitted > 0 ? `${plural(omitted, 'more item')} left out${wanted === undefined ? '; name a topic to narrow the timeline' : ''}.` : null,
  ].filter((n): n is string => n !== null);
  return {
    title: `Timeline${on}: ${plural(scope.articles.length, 'article')}, ${plural(events, 'dated event')}`,
    parts,
    citations: citations.all(),
    ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    mode: 'extractive',
    data: { entries: datedJson, undated: undatedJson, omitted, citations: citations.json() },
  };
}
