/**
 * Which quotations a `quote` request asks for, grouped by speaker: a speaker's, a topic's,
 * one article's, or (with nothing given) the most quoted speakers' strongest. Reading the
 * free text is here: a speaker first, then a topic, then a misspelt speaker.
 */
import type { StoredQuote } from '../ports/store.ts';
import { UserError } from '../errors.ts';
import { withQuestionEntities } from '../retrieve/question-entities.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { speakerKeyOf, type QuoteGroup } from './quote-groups.ts';
import { quotesOnTopic } from './quote-topic.ts';
import { groupKey, type StoryQuotes } from './story-quotes.ts';
import { resolveSpeaker, type Speaker, type SpeakerBook } from './speaker-lookup.ts';
import { clipText } from '../graphemes.ts';

export interface QuoteRequest {
  /** Free text: a speaker or a topic, or "SPEAKER on TOPIC". */
  readonly about?: string;
  /** A speaker, by any name or role. */
  readonly speaker?: string;
  /** Only quotations this article carries, in its wording. */
  readonly article?: string;
  /** At most this many quotations. */
  readonly limit?: number;
}

export interface QuotePick {
  readonly group: QuoteGroup;
  /** The wording shown first. */
  readonly lead: StoredQuote;
}

export interface Section {
  /** Null for quotations nobody is named as saying. */
  readonly speaker: Speaker | null;
  /** The quotations that may be shown, best first (in the overview, only the strongest few). */
  readonly picks: readonly QuotePick[];
  /** How many quotations of this speaker are in scope. */
  readonly count: number;
}

export interface Choice {
  readonly title: string;
  readonly sections: readonly Section[];
  /** Headings per speaker (more than one speaker may be shown). */
  readonly headings: boolean;
  readonly notice?: string;
}

/** No reply shows more quotations than this. */
export const MAX_QUOTE_LIMIT = 50;
/** In the overview, each speaker's strongest few. */
const OVERVIEW_PER_SPEAKER = 2;
const NOTHING = 'No quotations on that in the indexed coverage.';

/** What the user typed, cut short for a message. */
function echo(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return clipText(flat, 60);
}

/** Words that each start with a capital: "Boris Smith", "Dr Okafor". */
function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length <= 4 && words.every((word) => /^\p{Lu}/u.test(word));
}

/** A group led by the wording of one article, or its fullest wording. */
function lead(group: QuoteGroup, article: string | undefined): QuotePick | undefined {
  if (article === undefined) return { group, lead: group.primary };
  const own = group.members.find((member) => member.article === article);
  return own ? { group, lead: own } : undefined;
}

function picksOf(groups: readonly QuoteGroup[], article: string | undefined): QuotePick[] {
  return groups.map((group) => lead(group, article)).filter((pick): pick is QuotePick => pick !== undefined);
}

function unknownSpeaker(text: string, close: readonly string[], speakers: readonly Speaker[]): UserError {
  const names = close.length > 0 ? close : speakers.slice(0, 5).map((speaker) => speaker.name);
  const hint =
    names.length === 0 ? ' Nobody is quoted in the indexed coverage yet.' : ` ${close.length > 0 ? 'Close matches' : 'Most quoted'}: ${names.join(', ')}.`;
  return new UserError('unknown-speaker', `No speaker called “${echo(text)}” in the indexed coverage.${hint}`);
}

function title(base: string, article: string | undefined): string {
  return article === undefined ? base : `${base}, in ${article}`;
}

/** Decides what to show for a request. Throws a `UserError` for a speaker nobody matches. */
export async function chooseQuotes(request: QuoteRequest, view: StoryView, index: StoryQuotes, book: SpeakerBook): Promise<Choice> {
  // A name is looked up among the entities it may name, read by key (with `withQuestionEntities`), not the story's every entity.
  const resolve = (text: string, options: { readonly spelling?: boolean } = {}) =>
    withQuestionEntities(view, (index) => resolveSpeaker(text, book, index, options));
  const { article } = request;
  const about = request.about?.trim() || undefined;
  const speakerText = request.speaker?.trim() || undefined;

  // Groups are told apart by key: a speaker's groups may be read again between two reads.
  const bySpeaker = async (speaker: Speaker, topicKeys?: ReadonlySet<string>): Promise<Section> => {
    const groups = (await index.groupsOf(speaker.key)).filter((group) => !topicKeys || topicKeys.has(groupKey(group)));
    const picks = picksOf(groups, article);
    return { speaker, picks, count: picks.length };
  };
  const topicGroups = async (topic: string): Promise<QuoteGroup[]> => {
    const found = await quotesOnTopic(topic, view, index);
    const groups = new Map<string, QuoteGroup>();
    for (const { quote } of found.quotes) {
      const group = await index.groupOf(quote);
      if (group && !groups.has(groupKey(group))) groups.set(groupKey(group), group);
    }
    return [...groups.values()];
  };
  const speakerChoice = async (speaker: Speaker, topic: string | undefined, notice?: string): Promise<Choice> => {
    const within = topic === undefined ? undefined : new Set((await topicGroups(topic)).map(groupKey));
    const section = await bySpeaker(speaker, within);
    const role = speaker.role ? ` (${speaker.role})` : '';
    const on = topic === undefined ? '' : ` on “${echo(topic)}”`;
    const none = section.picks.length === 0 && topic !== undefined ? `${speaker.name} is not quoted on that in the indexed coverage.` : undefined;
    const text = [notice, none].filter(Boolean).join(' ');
    return { title: title(`Quotations by ${speaker.name}${role}${on}`, article), sections: [section], headings: false, ...(text ? { notice: text } : {}) };
  };

  if (speakerText !== undefined) {
    const found = await resolve(speakerText, { spelling: true });
    if (found.kind === 'speaker') return speakerChoice(found.speaker, about, spellingNote(speakerText, found));
    if (found.kind === 'named') {
      return {
        title: title(`Quotations by ${found.entity.name}`, article),
        sections: [],
        headings: false,
        notice: `${found.entity.name} is named in the coverage but never quoted.`,
      };
    }
    throw unknownSpeaker(speakerText, found.close, book.all);
  }
  if (about === undefined) return overview(index, book, article);

  // "Smith on China": a speaker, then a topic.
  const split = /^(.+?)\s+(?:on|about)\s+(.+)$/i.exec(about);
  if (split?.[1] && split[2]) {
    const found = await resolve(split[1]);
    if (found.kind === 'speaker') return speakerChoice(found.speaker, split[2]);
  }
  const exact = await resolve(about);
  if (exact.kind === 'speaker') return speakerChoice(exact.speaker, undefined);

  const groups = await topicGroups(about);
  if (groups.length > 0) {
    const notice = exact.kind === 'named' ? `${exact.entity.name} is never quoted; quotations that mention them:` : undefined;
    return { ...topicChoice(groups, book, article, about), ...(notice ? { notice } : {}) };
  }
  if (exact.kind === 'named') {
    return {
      title: title(`Quotations by ${exact.entity.name}`, article),
      sections: [],
      headings: false,
      notice: `${exact.entity.name} is named in the coverage but never quoted.`,
    };
  }
  const spelt = await resolve(about, { spelling: true });
  if (spelt.kind === 'speaker') return speakerChoice(spelt.speaker, undefined, spellingNote(about, spelt));
  if (spelt.kind === 'unknown' && (spelt.close.length > 0 || looksLikeName(about))) throw unknownSpeaker(about, spelt.close, book.all);
  return { title: title(`Quotations on “${echo(about)}”`, article), sections: [], headings: false, notice: NOTHING };
}

function spellingNote(typed: string, found: { how: string; speaker: Speaker }): string | undefined {
  return found.how === 'spelling' ? `No speaker is called “${echo(typed)}”; showing ${found.speaker.name}.` : undefined;
}

/** The most quoted speakers and their strongest quotations (or all of one article's). */
async function overview(index: StoryQuotes, book: SpeakerBook, article: string | undefined): Promise<Choice> {
  if (article !== undefined) {
    // The article's own quotations, found from the article rather than by scanning every speaker.
    const groups = new Map<string, QuoteGroup>();
    for (const quote of (await index.quotesIn([article])).get(article) ?? []) {
      // Quotations nobody is named as saying are not shown here: their groups are not read.
      if (speakerKeyOf(quote) === '') continue;
      const group = await index.groupOf(quote);
      if (group && group.speakerKey !== '' && !groups.has(groupKey(group))) groups.set(groupKey(group), group);
    }
    return { title: title('Who is quoted', article), sections: bySpeakerSections(picksOf([...groups.values()], article), book), headings: true };
  }
  // The same for every request until the story changes: made once per index.
  let choice = overviews.get(index);
  if (!choice) {
    choice = (async () => {
      // Every quoted speaker is counted; only the first speakers' quotations can be shown (a reply
      // shows at most MAX_QUOTE_LIMIT), so only theirs are read.
      const sections: Section[] = [];
      let picked = 0;
      for (const speaker of book.all) {
        const groups = picked < MAX_QUOTE_LIMIT ? (await index.groupsOf(speaker.key)).slice(0, OVERVIEW_PER_SPEAKER) : [];
        picked += groups.length;
        sections.push({ speaker, picks: picksOf(groups, undefined), count: speaker.quotes });
      }
      return { title: `Who said what: ${sections.length} speaker${sections.length === 1 ? '' : 's'} quoted`, sections, headings: true };
    })();
    overviews.set(index, choice);
  }
  return choice;
}

const overviews = new WeakMap<StoryQuotes, Promise<Choice>>();

/** Picks grouped by speaker: most picks first (ties in order of the best pick), the unattributed last. */
function bySpeakerSections(picks: readonly QuotePick[], book: SpeakerBook): Section[] {
  const { byKey } = book;
  const sections = new Map<string, { speaker: Speaker | null; picks: QuotePick[] }>();
  for (const pick of picks) {
    const key = byKey.has(pick.group.speakerKey) ? pick.group.speakerKey : '';
    const section = sections.get(key) ?? { speaker: byKey.get(key) ?? null, picks: [] };
    section.picks.push(pick);
    sections.set(key, section);
  }
  return [...sections.values()]
    .map((section) => ({ ...section, count: section.picks.length }))
    .sort((a, b) => Number(a.speaker === null) - Number(b.speaker === null) || b.count - a.count);
}

/** Topic matches grouped by speaker. */
function topicChoice(groups: readonly QuoteGroup[], book: SpeakerBook, article: string | undefined, topic: string): Choice {
  return { title: title(`Quotations on “${echo(topic)}”`, article), sections: bySpeakerSections(picksOf(groups, article), book), headings: true };
}
