/**
 * `who NAME`: a person's or organisation's card. Its canonical name and other names, its roles
 * as the coverage gives them (each cited to a sentence that names it with that role), its
 * quotations (how many, the first and the latest with their dates), the articles it appears in,
 * and who is quoted beside it or against it. Every line cites the sentence it rests on.
 */
import { closeMatches } from '../close-matches.ts';
import { UserError } from '../errors.ts';
import type { Reply, ReplyPart } from '../reply.ts';
import { foldForLookup, type EntityIndex, type KnownEntity, type QuestionIndex } from '../retrieve/entity-index.ts';
import { withQuestionEntities } from '../retrieve/question-entities.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { ArticleSummary, SentenceHit, StoredQuote } from '../ports/store.ts';
import { CitationList } from './citations.ts';
import { coSpeakers, distinctRoles, givesRole, mentions, nameForms, sentencesNaming } from './entity-evidence.ts';
import { buildQuoteIndex } from './quote-groups.ts';
import { roleTitle } from './speaker-role.ts';
import { dateLabel, readDate } from './timeline-dates.ts';

export const MAX_NAME_LENGTH = 200;
const ROLES_SHOWN = 4;
const ARTICLES_SHOWN = 8;
const CO_SPEAKERS_SHOWN = 5;
/** Articles whose other speakers are read for "quoted with": the entity's first few. */
const CO_SPEAKER_ARTICLES = 20;

/**
 * The entity a name means: a name or alias, a role ("the chairman"), or every word of a
 * longer name ("okafor" in "Maria Okafor"); the most prominent when several fit.
 */
export function findEntity(name: string, index: EntityIndex): { entity: KnownEntity; others: readonly KnownEntity[] } | null {
  const words = foldForLookup(name).split(' ').filter(Boolean);
  return byNameOrRole(name, index) ?? pick(index.all.filter((e) => words.length > 0 && words.every((w) => foldForLookup(e.name).split(' ').includes(w))));
}

/** `findEntity`'s first two readings, by a name or alias and by a role: what entity lookups by key can answer. */
function byNameOrRole(name: string, index: QuestionIndex): { entity: KnownEntity; others: readonly KnownEntity[] } | null {
  const folded = foldForLookup(name);
  const words = folded.split(' ').filter(Boolean);
  return pick(index.byName(folded)) ?? pick(index.byRole(words));
}

function pick(found: readonly KnownEntity[]): { entity: KnownEntity; others: readonly KnownEntity[] } | null {
  const fit = found.filter((e) => e.kind !== 'place');
  return fit.length > 0 ? { entity: fit[0]!, others: fit.slice(1, 4) } : null;
}

const dateOf = (articles: ReadonlyMap<string, ArticleSummary>, article: string) => articles.get(article)?.meta.published ?? null;

/** Dated before undated, then by id and position: a stable "first" and "latest". */
function byDate(articles: ReadonlyMap<string, ArticleSummary>) {
  return (a: StoredQuote, b: StoredQuote) =>
    (dateOf(articles, a.article) ?? '\uffff').localeCompare(dateOf(articles, b.article) ?? '\uffff') || a.article.localeCompare(b.article) || a.index - b.index;
}

/** "Daily Courier, 27 December 2018", "outlet unknown, date unknown". */
export function where(articles: ReadonlyMap<string, ArticleSummary>, article: string): string {
  const meta = articles.get(article)?.meta;
  const date = readDate(meta?.published);
  return `${meta?.outlet ?? 'outlet unknown'}, ${date ? dateLabel(date) : 'date unknown'}`;
}

/**
 * Composes the card.
 * @example composeWhoCard('the chairman', view) → { title: 'Joan Smith (person)', parts: [roles…, quotations…, articles…], citations }
 */
export async function composeWhoCard(name: string, view: StoryView): Promise<Reply> {
  const asked = name.trim();
  if (!/[\p{L}\p{N}]/u.test(asked)) throw new UserError('empty-name', 'Name a person or an organisation, for example: who the chairman');
  if (asked.length > MAX_NAME_LENGTH)
    throw new UserError('name-too-long', `That is ${asked.length} characters long; name a person or organisation in under ${MAX_NAME_LENGTH}.`);
  // A name or a role is read by key; only a word of a longer name ("okafor") or a name not found reads every entity.
  const match = (await withQuestionEntities(view, (index) => byNameOrRole(asked, index))) ?? findEntity(asked, await view.entities());
  if (!match) {
    const index = await view.entities();
    // Close to a name, an alias or a surname: "Okafr" is close to "Okafor", of Maria Okafor.
    const byForm = new Map<string, string>();
    for (const e of index.all) if (e.kind !== 'place') for (const form of nameForms(e)) if (!byForm.has(form)) byForm.set(form, e.name);
    const close = [...new Set(closeMatches(asked, [...byForm.keys()], 3).map((form) => byForm.get(form)!))];
    throw new UserError(
      'unknown-entity',
      `No one called “${asked}” is named in the indexed coverage.${close.length > 0 ? ` Did you mean ${close.join(' or ')}?` : ''}`,
    );
  }
  const { entity, others } = match;
  const [named, spoken] = await Promise.all([sentencesNaming(entity, view), view.quotesOf(entity.id)]);
  // The articles the card dates or names, read by id: its quotations', its mentions' and its co-speakers'.
  const articles = new Map(await view.summaries([...spoken, ...named].map((item) => item.article)));
  const citations = new CitationList(view);
  const parts: ReplyPart[] = [];

  const forms = nameForms(entity);
  const otherNames = forms.filter((f) => f !== entity.name && entity.aliases.includes(f));
  if (otherNames.length > 0) parts.push({ kind: 'field', label: 'Also called', value: otherNames.join(', ') });

  // Roles, each cited to a sentence that names them with it.
  const roles: { role: string; cite: number }[] = [];
  for (const role of distinctRoles(entity.roles)) {
    if (roles.length >= ROLES_SHOWN) break;
    // The sentence must name them by a name that is not the role itself ("the Acme chairman" says nothing of who).
    const names = forms.filter((form) => !givesRole(form, role));
    const support = named.find((hit) => givesRole(hit.text, role) && names.some((form) => mentions(hit.text, form)));
    if (support) roles.push({ role: roleTitle(role, entity), cite: await citations.add(support) });
  }
  if (roles.length > 0) {
    parts.push({ kind: 'heading', text: 'Roles' });
    for (const { role, cite } of roles) parts.push({ kind: 'text', text: role, cites: [cite] });
  }

  // Quotations: how many, the first and the latest.
  const quoteJson = await quotationParts(entity, spoken, articles, view, citations, parts);

  // Articles, in date order, each cited to a sentence of it that names them.
  const byArticle = new Map<string, SentenceHit>();
  for (const hit of named) if (!byArticle.has(hit.article)) byArticle.set(hit.article, hit);
  const quotedIn = [...new Set(spoken.map((q) => q.article))].filter((a) => !byArticle.has(a));
  const quoteSentences = await view.store.sentencesAt(quotedIn.map((article) => ({ article, sentence: spoken.find((q) => q.article === article)!.sentence })));
  for (const hit of quoteSentences) byArticle.set(hit.article, hit);
  const appearing = [...byArticle.values()].sort(
    (a, b) => (dateOf(articles, a.article) ?? '\uffff').localeCompare(dateOf(articles, b.article) ?? '\uffff') || a.article.localeCompare(b.article),
  );
  const total = Math.max(entity.articleCount, appearing.length);
  if (appearing.length > 0) {
    parts.push({ kind: 'heading', text: `Appears in ${total} article${total === 1 ? '' : 's'}` });
    for (const hit of appearing.slice(0, ARTICLES_SHOWN)) {
      parts.push({
        kind: 'text',
        text: `${where(articles, hit.article)}: ${articles.get(hit.article)?.meta.title ?? hit.article}`,
        cites: [await citations.add(hit)],
      });
    }
    if (total > ARTICLES_SHOWN) parts.push({ kind: 'lines', lines: [`… and ${total - ARTICLES_SHOWN} more.`] });
  }

  // Quoted against, and quoted with.
  const beside = await coSpeakers(entity, spoken, view, CO_SPEAKER_ARTICLES);
  for (const [id, summary] of await view.summaries(beside.map((co) => co.articles[0]!))) articles.set(id, summary);
  const sentencesOf = new Map((await view.store.sentencesAt(beside.map((c) => c.evidence))).map((hit) => [`${hit.article}#${hit.sentence}`, hit]));
  for (const against of [true, false]) {
    const list = beside.filter((c) => c.against === against).slice(0, CO_SPEAKERS_SHOWN);
    if (list.length === 0) continue;
    parts.push({ kind: 'heading', text: against ? 'Quoted against' : 'Quoted with' });
    for (const co of list) {
      const hit = sentencesOf.get(`${co.evidence.article}#${co.evidence.sentence}`);
      const n = co.articles.length;
      parts.push({
        kind: 'text',
        text: `${co.name}, in ${n === 1 ? where(articles, co.articles[0]!) : `${n} articles`}`,
        cites: hit ? [await citations.add(hit)] : [],
      });
    }
  }

  const notice = others.length > 0 ? `Also answering to “${asked}”: ${others.map((e) => e.name).join(', ')} (ask for them by full name).` : undefined;
  return {
    title: `${entity.name} (${entity.kind})`,
    parts,
    citations: citations.all(),
    ...(notice ? { notice } : {}),
    ...(parts.length === 0 ? { notice: `${entity.name} is named in the coverage, but nothing more is known of them.` } : {}),
    data: {
      entity: { id: entity.id, name: entity.name, kind: entity.kind, aliases: otherNames, roles: roles.map((r) => ({ role: r.role, cite: r.cite })) },
      quotations: quoteJson,
      articles: appearing.map((hit) => hit.article),
      quotedWith: beside.filter((c) => !c.against).map((c) => ({ name: c.name, articles: c.articles })),
      quotedAgainst: beside.filter((c) => c.against).map((c) => ({ name: c.name, articles: c.articles })),
      citations: citations.json(),
    },
  };
}

/** The quotation lines of the card; returns their JSON. */
async function quotationParts(
  entity: KnownEntity,
  spoken: readonly StoredQuote[],
  articles: ReadonlyMap<string, ArticleSummary>,
  view: StoryView,
  citations: CitationList,
  parts: ReplyPart[],
): Promise<Record<string, unknown>> {
  if (spoken.length === 0) return { count: 0, articles: 0, first: null, latest: null };
  const distinct = buildQuoteIndex(spoken).bySpeaker.get(entity.id)?.length ?? spoken.length;
  const inArticles = new Set(spoken.map((q) => q.article)).size;
  const ordered = [...spoken].sort(byDate(articles));
  const first = ordered[0]!;
  const latest = ordered[ordered.length - 1]!;
  parts.push({ kind: 'heading', text: 'Quotations' });
  const copies = spoken.length > distinct ? ` (${spoken.length} as the articles carry them)` : '';
  parts.push({
    kind: 'field',
    label: 'Quoted',
    value: `${distinct} quotation${distinct === 1 ? '' : 's'}${copies} in ${inArticles} article${inArticles === 1 ? '' : 's'}`,
  });
  const show =
    first === latest || (dateOf(articles, first.article) === dateOf(articles, latest.article) && first.article === latest.article) ? [first] : [first, latest];
  const hits = new Map(
    (await view.store.sentencesAt(show.map((q) => ({ article: q.article, sentence: q.sentence })))).map((h) => [`${h.article}#${h.sentence}`, h]),
  );
  const json: Record<string, unknown> = { count: distinct, articles: inArticles };
  for (const [label, quote] of show.length === 1 ? [['Quoted', first] as const] : [['First', first] as const, ['Latest', latest] as const]) {
    const hit = hits.get(`${quote.article}#${quote.sentence}`);
    if (!hit) continue;
    const cite = await citations.add(hit);
    parts.push({ kind: 'text', text: `${label}: ${where(articles, quote.article)}`, cites: [] });
    parts.push(
      quote.kind === 'full'
        ? { kind: 'quote', text: quote.text, speaker: entity.name, role: null, cites: [cite] }
        : { kind: 'text', text: hit.text, cites: [cite] },
    );
    json[label === 'Latest' ? 'latest' : 'first'] = { text: quote.text, article: quote.article, published: dateOf(articles, quote.article), cite };
  }
  if (!('latest' in json)) json.latest = json.first ?? null;
  return json;
}
