/**
 * `quote [SPEAKER or TOPIC]`: who said what, grouped by speaker (most quoted first), each
 * quotation with its speaker's role and its sentence cited (outlet and date), and said once
 * however many outlets carry it, with each outlet's wording and how it differs.
 *
 * Free text is read first as a speaker (name, alias, given name or surname, role), then as a
 * topic, then as a misspelt speaker; with nothing given, the most quoted speakers and their
 * strongest quotations.
 */
import { UserError } from '../errors.ts';
import type { Reply, ReplyPart } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { CitationList } from './citations.ts';
import { presentGroup, sentenceKey, type QuoteJson } from './quote-presentation.ts';
import { chooseQuotes, MAX_QUOTE_LIMIT, type QuotePick, type QuoteRequest, type Section } from './quote-selection.ts';
import { storyQuotesOf } from './story-quotes.ts';
import { speakerBook } from './speaker-lookup.ts';

export type { QuoteRequest } from './quote-selection.ts';
export { MAX_QUOTE_LIMIT } from './quote-selection.ts';

/** The `quote --json` shape of a speaker. */
export interface SpeakerJson {
  readonly name: string;
  /** Distinct quotations of theirs in what was asked about. */
  readonly quotes: number;
  readonly role: string | null;
}

export const DEFAULT_QUOTE_LIMIT = 10;
export const MAX_QUOTE_TEXT = 300;
/**
 * A quotation is cited in at most this many of the articles carrying it (its fullest wordings
 * first): one carried by thousands of articles would otherwise read, and cite, every one.
 */
export const MAX_CARRIERS = 25;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The sections and quotations to show within the limit, and how many there are in all. */
function trim(sections: readonly Section[], limit: number): { shown: { section: Section; picks: readonly QuotePick[] }[]; total: number } {
  let left = limit;
  const shown: { section: Section; picks: readonly QuotePick[] }[] = [];
  let total = 0;
  for (const section of sections) {
    total += section.count;
    const take = Math.min(left, section.picks.length);
    if (take > 0) shown.push({ section, picks: section.picks.slice(0, take) });
    left -= Math.max(0, take);
  }
  return { shown, total };
}

/** The pick with its quotation's carriers cut to `MAX_CARRIERS`, the lead kept. */
function capped(pick: QuotePick): QuotePick {
  const { group, lead } = pick;
  if (group.members.length <= MAX_CARRIERS) return pick;
  const members = [lead, ...group.members.filter((member) => member !== lead)].slice(0, MAX_CARRIERS);
  return { group: { ...group, members }, lead };
}

/**
 * Composes the `quote` reply.
 * `composeQuotes({ about: 'the chairman' }, view)` → the chairman's quotations, cited.
 */
export async function composeQuotes(request: QuoteRequest, view: StoryView): Promise<Reply> {
  for (const text of [request.about, request.speaker]) {
    if (text !== undefined && text.length > MAX_QUOTE_TEXT) {
      throw new UserError('text-too-long', `That is ${text.length} characters long; name a speaker or a topic in under ${MAX_QUOTE_TEXT}.`);
    }
  }
  const limit = Math.max(1, Math.min(MAX_QUOTE_LIMIT, Math.floor(request.limit ?? DEFAULT_QUOTE_LIMIT)));
  const [index, book] = await Promise.all([storyQuotesOf(view), speakerBook(view)]);
  const choice = await chooseQuotes(request, view, index, book);
  const trimmed = trim(choice.sections, limit);
  const { total } = trimmed;
  const shown = trimmed.shown.map(({ section, picks }) => ({ section, picks: picks.map(capped) }));
  const cut = trimmed.shown.some(({ picks }) => picks.some((pick) => pick.group.members.length > MAX_CARRIERS));

  const picks = shown.flatMap((entry) => entry.picks);
  const refs = picks.flatMap(({ group }) => group.members.map((m) => ({ article: m.article, sentence: m.sentence })));
  const sentences = new Map((await view.store.sentencesAt(refs)).map((hit) => [sentenceKey(hit), hit]));
  // The articles of the quotations shown, read by id, not the story's article list.
  const articles = await view.summaries(picks.flatMap(({ group, lead }) => [lead.article, ...group.members.map((m) => m.article)]));
  const citations = new CitationList(view);
  const context = { citations, sentences, articles, index };

  const parts: ReplyPart[] = [];
  const quotes: QuoteJson[] = [];
  const headed = choice.headings && shown.length > 0;
  for (const { section, picks: chosen } of shown) {
    const who = { name: section.speaker?.name ?? null, role: section.speaker?.role ?? null };
    if (headed) parts.push({ kind: 'heading', text: sectionHeading(section) });
    for (const { group, lead } of chosen) {
      const presented = await presentGroup(group, lead, who, context);
      if (!presented) continue;
      quotes.push(presented.json);
      // Two phrases quoted in one sentence: the sentence is shown once.
      const { part } = presented;
      if (part.kind === 'text' && parts.some((p) => p.kind === 'text' && p.text === part.text)) continue;
      parts.push(part);
    }
  }

  const notices = [
    choice.notice,
    quotes.length < total ? `Showing ${quotes.length} of ${plural(total, 'quotation')}; ask with a higher limit for more.` : null,
    cut ? `A quotation carried by more than ${MAX_CARRIERS} articles is cited in ${MAX_CARRIERS} of them.` : null,
  ];
  if (total === 0 && !choice.notice) notices.push((await view.store.countArticles()) === 0 ? 'Nothing is indexed yet.' : 'No quotations found.');
  const notice = notices.filter((n): n is string => Boolean(n)).join(' ');
  const speakerList: SpeakerJson[] = choice.sections
    .filter((section) => section.speaker)
    .map((section) => ({ name: section.speaker!.name, quotes: section.count, role: section.speaker!.role }));
  return {
    title: choice.title,
    parts,
    citations: citations.all(),
    ...(notice ? { notice } : {}),
    mode: 'extractive',
    data: { quotes, speakers: speakerList, total, citations: citations.json() },
  };
}

function sectionHeading(section: Section): string {
  if (!section.speaker) return `Unattributed (${plural(section.count, 'quotation')})`;
  const role = section.speaker.role ? `, ${section.speaker.role}` : '';
  return `${section.speaker.name}${role} (${plural(section.count, 'quotation')})`;
}
