/**
 * The sentences of the coverage that say something of one person or organisation: those that
 * name them, those that give them a role, and the quotations of others beside theirs. Read
 * through the index (one search, a speaker's quotations, the quotations of a few articles),
 * never by loading the story.
 */
import { OPPOSING_VERBS } from '../analyse/lexicon/reporting-verbs.ts';
import type { KnownEntity } from '../retrieve/entity-index.ts';
import { contentStems, stem, tokenize } from '../retrieve/terms.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { SentenceHit, StoredQuote } from '../ports/store.ts';

/** A role longer than this reads as a description, not a title. */
const TITLE_WORDS = 4;
/** At most this many sentences naming an entity are read for its card. */
const MENTIONS_READ = 300;

/**
 * The names a sentence can call an entity by: its name, its aliases written as names, and a
 * person's surname. "the firm" or "the Defence Secretary" are not names: they say nothing of
 * whom a sentence means without the analysis that linked them.
 * @example nameForms({ kind: 'person', name: 'Joan Smith', aliases: ['Ms Smith', 'the minister'] }) → ['Joan Smith', 'Ms Smith', 'Smith']
 */
export function nameForms(entity: Pick<KnownEntity, 'kind' | 'name' | 'aliases'>): string[] {
  const forms = new Set<string>([entity.name]);
  for (const alias of entity.aliases) if (/^\p{Lu}/u.test(alias) && !/^(?:The|A|An)\s/.test(alias)) forms.add(alias);
  if (entity.kind === 'person') {
    const surname = entity.name.split(/\s+/).pop();
    if (surname && surname !== entity.name && /^\p{Lu}/u.test(surname)) forms.add(surname);
  }
  return [...forms];
}

/** Whether the words of `form` stand together in `text`, by stem and with their case ("US" is not "us"). */
export function mentions(text: string, form: string): boolean {
  const words = tokenize(text);
  const wanted = tokenize(form);
  if (wanted.length === 0) return false;
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((w, j) => words[i + j]!.stem === w.stem && /^\p{Lu}/u.test(words[i + j]!.text) === /^\p{Lu}/u.test(w.text))) return true;
  }
  return false;
}

/** Sentences that name the entity, best matches first, headings left out. */
export async function sentencesNaming(entity: KnownEntity, view: StoryView): Promise<SentenceHit[]> {
  const forms = nameForms(entity);
  const hits = await view.store.searchSentences({ terms: forms, limit: MENTIONS_READ });
  return hits.filter((hit) => hit.kind !== 'heading' && forms.some((form) => mentions(hit.text, form)));
}

/**
 * Whether a sentence gives a role: every content word of the role stands in it, in any order
 * ("head of the agency" in "Dana Reyes, the head of the agency's inspection service").
 */
export function givesRole(text: string, role: string): boolean {
  const wanted = contentStems(role);
  if (wanted.size === 0) return false;
  const have = contentStems(text);
  for (const s of wanted) if (!have.has(s)) return false;
  return true;
}

/**
 * The roles worth showing: of several that say the same, the most specific title of up to
 * four words ("NATO secretary general" rather than "secretary general", "head of MI6" rather
 * than "head of Britain's MI6 intelligence services").
 */
export function distinctRoles(roles: readonly string[]): string[] {
  const words = (role: string) => role.split(/\s+/).length;
  const unique = [...new Set(roles.map((r) => r.trim()).filter(Boolean))];
  const titles = unique.filter((r) => words(r) <= TITLE_WORDS).sort((a, b) => contentStems(b).size - contentStems(a).size || a.localeCompare(b));
  const descriptions = unique.filter((r) => words(r) > TITLE_WORDS).sort((a, b) => contentStems(a).size - contentStems(b).size || a.localeCompare(b));
  const kept: string[] = [];
  const within = (a: string, b: string) => [...contentStems(a)].every((s) => contentStems(b).has(s));
  for (const role of [...titles, ...descriptions]) {
    if (kept.some((other) => within(role, other) || within(other, role))) continue;
    kept.push(role);
  }
  return kept;
}

// A quotation in a sentence that denies or attacks is one side of an argument, by stem.
const OPPOSING_STEMS: ReadonlySet<string> = new Set([...OPPOSING_VERBS].map(stem));

/** Whether a sentence denies, rejects or attacks something. "The firm strongly rejected the claims." → true */
export function opposes(text: string): boolean {
  for (const token of tokenize(text)) if (OPPOSING_STEMS.has(token.stem)) return true;
  return false;
}

/** Another speaker quoted in the same articles, and whether against the entity. */
export interface CoSpeaker {
  readonly id: string;
  readonly name: string;
  readonly articles: readonly string[];
  /** The sentence that shows it: the one that opposes, when they are against, else one of their quotations. */
  readonly evidence: { readonly article: string; readonly sentence: number };
  readonly against: boolean;
}

/**
 * Who else the articles that quote the entity quote, and who of them is on the other side: a
 * quotation of theirs stands in a sentence that denies or attacks ("The firm has strongly
 * rejected any suggestion …"), or follows one that names them doing so.
 */
export async function coSpeakers(entity: KnownEntity, own: readonly StoredQuote[], view: StoryView, articleLimit: number): Promise<CoSpeaker[]> {
  const articles = [...new Set(own.map((q) => q.article))].slice(0, articleLimit);
  const perArticle = await Promise.all(articles.map((article) => view.store.listQuotes({ article })));
  const refs = perArticle.flat().flatMap((q) => [q.sentence - 1, q.sentence].filter((i) => i >= 0).map((sentence) => ({ article: q.article, sentence })));
  const sentences = new Map((await view.store.sentencesAt(refs)).map((hit) => [`${hit.article}#${hit.sentence}`, hit.text]));
  // The sentence that opens the quotation, or the one before it when that one names its
  // speaker: "Acme rejected the figures. 'They are wrong,' an Acme spokesman said."
  const opposing = (q: StoredQuote): number | null => {
    if (opposes(sentences.get(`${q.article}#${q.sentence}`) ?? '')) return q.sentence;
    const before = sentences.get(`${q.article}#${q.sentence - 1}`) ?? '';
    const names = (q.speakerName ?? '').split(/\s+/).filter((word) => /^\p{Lu}\p{L}{2,}/u.test(word));
    return names.some((word) => before.includes(word)) && opposes(before) ? q.sentence - 1 : null;
  };
  const found = new Map<string, { id: string; name: string; articles: string[]; evidence: { article: string; sentence: number }; against: boolean }>();
  perArticle.forEach((quotes, i) => {
    const article = articles[i]!;
    for (const quote of quotes.filter((q) => q.speakerId !== entity.id && q.speakerName)) {
      const id = quote.speakerId ?? `name:${quote.speakerName}`;
      const opposed = opposing(quote);
      const evidence = { article, sentence: opposed ?? quote.sentence };
      const entry = found.get(id);
      if (!entry) found.set(id, { id, name: quote.speakerName!, articles: [article], evidence, against: opposed !== null });
      else {
        if (!entry.articles.includes(article)) entry.articles.push(article);
        if (opposed !== null && !entry.against) Object.assign(entry, { evidence, against: true });
      }
    }
  });
  return [...found.values()].sort((a, b) => Number(b.against) - Number(a.against) || b.articles.length - a.articles.length || a.name.localeCompare(b.name));
}
