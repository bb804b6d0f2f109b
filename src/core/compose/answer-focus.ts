/**
 * What a follow-up in a conversation narrows an answer to: sentences already shown are not
 * shown again ("more", "why?"), a period the user named ("and in 2019?") keeps only what falls
 * in it, and the conversation's own articles come first among sentences that answer as well.
 */
import type { Period } from '../conversation/turns.ts';
import type { Candidate, Scored } from '../retrieve/rank.ts';
import type { StoryView } from '../retrieve/story-view.ts';

export interface AnswerFocus {
  /** Sentences already shown in the conversation, as `shownKey` gives them. */
  readonly exclude?: ReadonlySet<string>;
  /** Only sentences of articles published in the period, or that name a year in it. */
  readonly period?: Period;
  /** The articles the conversation has cited: first among sentences that score alike. */
  readonly articles?: ReadonlySet<string>;
}

/**
 * How a shown sentence is remembered: its article and its text. (A reply cites each article
 * once, with the texts of its sentences, so the text is what says which sentence it was.)
 */
export function shownKey(article: string, text: string): string {
  return `${article}\u0000${text}`;
}

/** Enough to order sentences of equal relevance, never enough to let a weaker one pass. */
const CONVERSATION_ARTICLE_BONUS = 0.05;

/**
 * The ranked sentences as the focus leaves them, best first.
 * A sentence of an article published "2019-05" is in the period `{ from: '2019', to: '2019' }`;
 * so is "In 2019 the firm …" from an undated article.
 */
export async function applyFocus<C extends Candidate>(ranked: readonly Scored<C>[], focus: AnswerFocus, view: StoryView): Promise<Scored<C>[]> {
  let kept = focus.exclude ? ranked.filter((s) => !focus.exclude!.has(shownKey(s.candidate.article, s.candidate.text))) : [...ranked];
  const period = focus.period;
  if (period) {
    const articles = await view.summaries(kept.map((s) => s.candidate.article));
    kept = kept.filter((s) => inPeriod(articles.get(s.candidate.article)?.meta.published ?? null, s.candidate.text, period));
  }
  const preferred = focus.articles;
  if (preferred && preferred.size > 0) {
    const boost = (s: Scored<C>) => s.score + (preferred.has(s.candidate.article) ? CONVERSATION_ARTICLE_BONUS : 0);
    kept = kept
      .map((s) => ({ s, key: boost(s) }))
      .sort((a, b) => b.key - a.key)
      .map((entry) => entry.s);
  }
  return kept;
}

/**
 * Whether a sentence falls in a period: its article's publication date does, or the sentence
 * names a year that does.
 * @example inPeriod('2019-05', 'The firm said …', { from: '2019', to: '2019', words: 'in 2019' }) === true
 * @example inPeriod(null, 'It was founded in 1987.', { to: '2000', words: 'before 2000' }) === true
 */
export function inPeriod(published: string | null, text: string, period: Period): boolean {
  if (published && dateIn(published, period)) return true;
  for (const match of text.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)) {
    const year = match[1] as string;
    if (dateIn(year, { ...(period.from ? { from: period.from.slice(0, 4) } : {}), ...(period.to ? { to: period.to.slice(0, 4) } : {}), words: period.words }))
      return true;
  }
  return false;
}

/** Compares ISO dates at the coarser of the two precisions: "2019-05-14" is in "2019". */
function dateIn(date: string, period: Period): boolean {
  if (period.from && date.slice(0, period.from.length) < period.from.slice(0, date.length)) return false;
  if (period.to && date.slice(0, period.to.length) > period.to.slice(0, date.length)) return false;
  return true;
}
