/**
 * The new notable quotations of a digest: quotations in the new articles whose speaker is
 * known, that are whole enough to read alone, that no earlier article already carried (in
 * any wording), one per speaker, at most three, and none that addresses a bot ("ignore
 * previous instructions …"). Outlets carrying the same quotation are one entry citing them all.
 */
import { isInstructionLike } from '../analyse/instruction-text.ts';
import type { StoredQuote } from '../ports/store.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { compareWordings } from './quote-variants.ts';
import { readWording, type Wording } from './quote-wording.ts';

export const MAX_DIGEST_QUOTES = 3;
/** New articles read for quotations: the newest this many (a first digest of a large story). */
const QUOTE_WINDOW = 150;
const MIN_WORDS = 6;
const MAX_WORDS = 60;

export interface DigestQuote {
  readonly text: string;
  readonly speaker: string;
  /** Where it stands, first the article chosen to quote, then other outlets carrying it. */
  readonly sources: readonly { readonly article: string; readonly sentence: number; readonly text: string }[];
}

interface Group {
  readonly lead: StoredQuote;
  readonly others: StoredQuote[];
}

const wordsOf = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/** Longer, whole quotations read better alone; several outlets carrying one makes it notable. */
function notability(group: Group): number {
  const words = wordsOf(group.lead.text);
  return (group.lead.kind === 'full' ? 1 : 0) + Math.min(words, 30) / 30 + 0.3 * group.others.length;
}

/**
 * Picks the digest's quotations among the new articles' (oldest first), leaving out those
 * already in a point's text and, on a topic, those not on it.
 *
 * @example await pickDigestQuotes(['004'], pointTexts, view, null)
 *   → [{ text: 'We have serious concerns …', speaker: 'Joan Smith', sources: [...] }]
 */
export async function pickDigestQuotes(
  articles: readonly string[],
  pointTexts: readonly string[],
  view: StoryView,
  topic: string | null,
): Promise<DigestQuote[]> {
  const fresh = new Set(articles);
  // One read of the window's articles, then each article's quotations in the window's order.
  const window = articles.slice(-QUOTE_WINDOW);
  const byArticle = new Map<string, StoredQuote[]>();
  for (const quote of await view.store.listQuotes({ articles: window })) {
    const own = byArticle.get(quote.article);
    if (own) own.push(quote);
    else byArticle.set(quote.article, [quote]);
  }
  const quotes = window.flatMap((article) => byArticle.get(article) ?? []);
  const topicWords = topic
    ? topic
        .toLowerCase()
        .split(/\W+/)
        .filter((word) => word.length > 3)
    : [];
  const candidates = quotes.filter((quote) => {
    const words = wordsOf(quote.text);
    if (quote.speakerName === null || words < MIN_WORDS || words > MAX_WORDS || isInstructionLike(quote.text)) return false;
    if (pointTexts.some((text) => text.includes(quote.text))) return false;
    return topicWords.length === 0 || topicWords.some((word) => quote.text.toLowerCase().includes(word));
  });
  const same = sameQuotations();
  const groups: Group[] = [];
  // A quotation is compared only with the groups of its own speaker, not with every group.
  const groupsOf = new Map<string | null, Group[]>();
  for (const quote of candidates) {
    const own = groupsOf.get(quote.speakerName) ?? [];
    const twin = own.find((group) => same(group.lead.text, quote.text));
    if (!twin) {
      const group = { lead: quote, others: [] };
      groups.push(group);
      own.push(group);
      groupsOf.set(quote.speakerName, own);
    } else if (![twin.lead, ...twin.others].some((q) => q.article === quote.article)) twin.others.push(quote);
  }
  // Each group weighed once, not at every comparison of the sort.
  const weights = new Map(groups.map((group) => [group, notability(group)]));
  groups.sort((a, b) => weights.get(b)! - weights.get(a)!);
  const chosen: DigestQuote[] = [];
  const speakers = new Set<string>();
  const earlier = earlierQuotations(fresh, view);
  for (const group of groups) {
    if (chosen.length >= MAX_DIGEST_QUOTES) break;
    const speaker = group.lead.speakerName!;
    if (speakers.has(speaker) || (await saidBefore(group.lead, earlier, view, same))) continue;
    speakers.add(speaker);
    chosen.push({
      text: group.lead.text,
      speaker,
      sources: [group.lead, ...group.others].map((q) => ({ article: q.article, sentence: q.sentence, text: q.text })),
    });
  }
  return chosen;
}

type SameQuotation = (a: string, b: string) => boolean;

/**
 * `sameQuotation`, each text read once: a digest compares a quotation with every other its
 * speaker said, and the same texts again and again (a wire story's quotation in many outlets).
 */
function sameQuotations(): SameQuotation {
  const wordings = new Map<string, Wording>();
  const wordingOf = (text: string) => {
    let wording = wordings.get(text);
    if (!wording) {
      wording = readWording(text);
      wordings.set(text, wording);
    }
    return wording;
  };
  return (a, b) => compareWordings(wordingOf(a), wordingOf(b)).same;
}

/** A linked speaker's quotations outside the new articles: their texts, each once. */
interface EarlierQuotations {
  readonly fresh: ReadonlySet<string>;
  of(speakerId: string): Promise<ReadonlySet<string>>;
}

/**
 * Each linked speaker's earlier quotations, read once per digest: the groups a digest weighs
 * are often one speaker's (a manager quoted in every match report), and a speaker quoted in
 * thousands of articles costs a read of each of those articles' texts.
 */
function earlierQuotations(fresh: ReadonlySet<string>, view: StoryView): EarlierQuotations {
  const read = new Map<string, Promise<Set<string>>>();
  return {
    fresh,
    of(speakerId) {
      let found = read.get(speakerId);
      if (!found) {
        // A wire quotation is the same text in many outlets: each text is compared once.
        found = view.store.quoteTextsOf(speakerId).then((same) => new Set(same.filter((other) => !fresh.has(other.article)).map((other) => other.text)));
        read.set(speakerId, found);
      }
      return found;
    },
  };
}

/** Whether an article outside the new ones carries the same quotation by the same speaker. */
async function saidBefore(quote: StoredQuote, earlier: EarlierQuotations, view: StoryView, sameQuotation: SameQuotation): Promise<boolean> {
  const { fresh } = earlier;
  // Only the same speaker's quotations are compared, found by index: scanning every quotation
  // of the story for each candidate made a digest cost the story's size times its quotations.
  // With every article linked (the usual case, each write linking its article), a linked
  // speaker's quotations are all under its entity, read through its links.
  if (quote.speakerId !== null && !(await view.memo('needs-linking', () => view.store.needsLinking()))) {
    // Their articles and texts only: a speaker quoted in thousands of articles is read whole.
    const texts = await earlier.of(quote.speakerId);
    // An earlier copy word for word settles it before any other wording is read (a wire quotation in many outlets).
    if (texts.has(quote.text) && sameQuotation(quote.text, quote.text)) return true;
    for (const text of texts) if (sameQuotation(text, quote.text)) return true;
    return false;
  }
  // Otherwise an unlinked quotation of the same name counts too: the story's quotations, once per revision.
  const index = await quotesBySpeaker(view);
  const same =
    quote.speakerId !== null
      ? [...(index.byId.get(quote.speakerId) ?? []), ...(index.unlinkedByName.get(quote.speakerName) ?? [])]
      : (index.byName.get(quote.speakerName) ?? []);
  return same.some((other) => !fresh.has(other.article) && sameSpeaker(other, quote) && sameQuotation(other.text, quote.text));
}

interface SpeakerIndex {
  /** Quotations by story entity id (linked speakers). */
  readonly byId: ReadonlyMap<string, readonly StoredQuote[]>;
  /** Quotations with no story entity, by canonical name. */
  readonly unlinkedByName: ReadonlyMap<string | null, readonly StoredQuote[]>;
  /** Every quotation by canonical name, linked or not. */
  readonly byName: ReadonlyMap<string | null, readonly StoredQuote[]>;
}

/**
 * The view's quotations grouped the ways `sameSpeaker` compares them, once per revision: a
 * linked quotation matches the same entity's, or an unlinked one of the same name; an unlinked
 * one matches any of the same name.
 */
function quotesBySpeaker(view: StoryView): Promise<SpeakerIndex> {
  return view.memo('digest-quotes-by-speaker', async () => {
    const byId = new Map<string, StoredQuote[]>();
    const unlinkedByName = new Map<string | null, StoredQuote[]>();
    const byName = new Map<string | null, StoredQuote[]>();
    const add = <K>(map: Map<K, StoredQuote[]>, key: K, quote: StoredQuote) => {
      const list = map.get(key);
      if (list) list.push(quote);
      else map.set(key, [quote]);
    };
    for (const quote of await view.quotes()) {
      if (quote.speakerId !== null) add(byId, quote.speakerId, quote);
      else add(unlinkedByName, quote.speakerName, quote);
      add(byName, quote.speakerName, quote);
    }
    return { byId, unlinkedByName, byName };
  });
}

/** The same person: by story entity where both are linked, by canonical name otherwise. */
function sameSpeaker(a: StoredQuote, b: StoredQuote): boolean {
  return a.speakerId !== null && b.speakerId !== null ? a.speakerId === b.speakerId : a.speakerName === b.speakerName;
}
