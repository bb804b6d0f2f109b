/**
 * `compare [TOPIC]`: how the outlets covered the same event. Each outlet's article and date;
 * the facts every outlet reports, and those only some carry (naming who leaves them out);
 * the quotations several outlets carry with how each words them, and those only one carries.
 * Every fact and quotation is cited to each outlet's own sentence. With one outlet, it says so.
 */
import { UserError } from '../errors.ts';
import type { Reply, ReplyPart } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { SentenceHit, StoredQuote } from '../ports/store.ts';
import { CitationList } from './citations.ts';
import { coverageOf, factsOf, type Fact, type OutletCoverage } from './compare-coverage.ts';
import { buildQuoteIndex, type QuoteGroup } from './quote-groups.ts';
import { presentGroup, type QuoteJson } from './quote-presentation.ts';
import { roleLabel } from './speaker-role.ts';
import { dateLabel, readDate } from './timeline-dates.ts';

export const MAX_COMPARE_TOPIC = 300;
const FACTS_SHOWN = 12;
const FACTS_PER_GROUP = 4;
const SHARED_QUOTES_SHOWN = 4;
const OWN_QUOTES_SHOWN = 3;

/** "A", "A and B", "A, B and C" (or "A, B or C"). */
function list(names: readonly string[], conjunction = 'and'): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

function dated(coverage: OutletCoverage): string {
  const date = readDate(coverage.article.meta.published);
  return date ? dateLabel(date) : 'date unknown';
}

/**
 * Composes the comparison.
 * @example composeComparison('the merger', view)
 *   → { title: 'How 3 outlets covered “the merger”', parts: [outlets…, 'Every outlet reports', facts…, 'Only Daily Courier (not …)', …] }
 */
export async function composeComparison(topic: string | undefined, view: StoryView): Promise<Reply> {
  const asked = topic?.trim() ?? '';
  if (asked.length > MAX_COMPARE_TOPIC)
    throw new UserError('topic-too-long', `That topic is ${asked.length} characters long; please name it in under ${MAX_COMPARE_TOPIC}.`);
  const subject = asked !== '' ? asked : await mainSubject(view);
  if (subject === null) return { parts: [], citations: [], notice: 'Nothing is indexed yet.', data: { topic: null, outlets: [], facts: [], quotes: [] } };
  const { outlets, relevance } = await coverageOf(subject, view);
  if (outlets.length === 0) {
    return {
      parts: [],
      citations: [],
      notice: `No article in the indexed coverage is about “${subject}”.`,
      data: { topic: subject, outlets: [], facts: [], quotes: [] },
    };
  }
  const citations = new CitationList(view);
  const parts: ReplyPart[] = [];
  const names = outlets.map((o) => o.outlet);

  parts.push({ kind: 'heading', text: 'Outlets' });
  for (const coverage of outlets) {
    const lead = coverage.facts[0] ?? coverage.sentences[0];
    const cites = lead ? [await citations.add(lead)] : [];
    parts.push({ kind: 'text', text: `${coverage.outlet}, ${dated(coverage)}: ${coverage.article.meta.title ?? coverage.article.id}`, cites });
  }

  const quotes: StoredQuote[] = (await Promise.all(outlets.map((o) => view.store.listQuotes({ article: o.article.id })))).flat();
  // Every sentence a full quotation runs through is the quotation's, shown with its wordings below.
  const quoted = new Set<string>();
  for (const q of quotes.filter((quote) => quote.kind === 'full')) {
    const sentences = outlets.find((o) => o.article.id === q.article)?.sentences ?? [];
    for (const hit of sentences) if (hit.start < q.end && hit.end > q.start) quoted.add(`${hit.article}#${hit.sentence}`);
  }
  const facts = factsOf(outlets, relevance, quoted);
  const factJson: unknown[] = [];
  let shown = 0;
  for (const group of groupFacts(facts, names)) {
    if (shown >= FACTS_SHOWN) break;
    const carriers = [...group.facts[0]!.carriers.keys()];
    const missing = names.filter((n) => !carriers.includes(n));
    const heading =
      outlets.length === 1
        ? `Reported by ${carriers[0]}`
        : missing.length === 0
          ? 'Every outlet reports'
          : carriers.length === 1
            ? `Only in ${carriers[0]}`
            : `In ${list(carriers)}; not in ${list(missing, 'or')}`;
    parts.push({ kind: 'heading', text: heading });
    for (const fact of group.facts.slice(0, Math.min(FACTS_PER_GROUP, FACTS_SHOWN - shown))) {
      const cites: number[] = [];
      for (const hit of fact.carriers.values()) cites.push(await citations.add(hit));
      parts.push({ kind: 'text', text: fact.text, cites });
      factJson.push({ text: fact.text, outlets: [...fact.carriers.keys()], missing, cites });
      shown += 1;
    }
  }

  const quoteJson = await quoteParts(outlets, quotes, view, citations, parts);
  const notice =
    outlets.length === 1
      ? `Only one outlet covers “${subject}” in the indexed coverage (${outlets[0]!.outlet}): there is nothing to compare it with.`
      : asked === ''
        ? `No topic given: comparing how the outlets covered ${subject}.`
        : undefined;
  return {
    title: outlets.length === 1 ? `How ${outlets[0]!.outlet} covered “${subject}”` : `How ${outlets.length} outlets covered “${subject}”`,
    parts,
    citations: citations.all(),
    ...(notice ? { notice } : {}),
    data: {
      topic: subject,
      outlets: outlets.map((o) => ({ outlet: o.outlet, article: o.article.id, title: o.article.meta.title, published: o.article.meta.published })),
      facts: factJson,
      quotes: quoteJson,
      citations: citations.json(),
    },
  };
}

/** Facts grouped by the outlets that carry them: those all carry first, then by how many, each group's most relevant first. */
function groupFacts(facts: readonly Fact[], names: readonly string[]): { facts: Fact[] }[] {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const key = [...fact.carriers.keys()].join('\u0000');
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(fact);
  }
  const size = (key: string) => key.split('\u0000').length;
  return [...groups.entries()]
    .map(([key, list]) => ({ key, facts: list.sort((a, b) => b.relevance - a.relevance) }))
    .sort(
      (a, b) =>
        size(b.key) - size(a.key) ||
        b.facts[0]!.relevance - a.facts[0]!.relevance ||
        names.indexOf(a.key.split('\u0000')[0]!) - names.indexOf(b.key.split('\u0000')[0]!),
    );
}

/** The quotations of the compared articles: those several outlets carry (with each wording), then the strongest only one carries. */
async function quoteParts(
  outlets: readonly OutletCoverage[],
  quotes: readonly StoredQuote[],
  view: StoryView,
  citations: CitationList,
  parts: ReplyPart[],
): Promise<QuoteJson[]> {
  if (quotes.length === 0) return [];
  const index = buildQuoteIndex(quotes);
  const outletOf = new Map(outlets.map((o) => [o.article.id, o.outlet]));
  const sentences = new Map<string, SentenceHit>(outlets.flatMap((o) => o.sentences.map((h) => [`${h.article}#${h.sentence}`, h] as const)));
  const [articles, entities] = await Promise.all([view.articles(), view.entities()]);
  const groups = [...index.bySpeaker.values()].flat();
  const shared = groups
    .filter((g) => g.members.length > 1)
    .sort((a, b) => b.members.length - a.members.length || b.strength - a.strength)
    .slice(0, SHARED_QUOTES_SHOWN);
  const own = groups
    .filter((g) => g.members.length === 1 && g.primary.speakerName && g.primary.kind === 'full')
    .sort((a, b) => b.strength - a.strength)
    .slice(0, OWN_QUOTES_SHOWN);
  const json: QuoteJson[] = [];
  const context = { citations, sentences, articles, index };
  const show = async (group: QuoteGroup): Promise<boolean> => {
    const entity = group.primary.speakerId ? entities.all.find((e) => e.id === group.primary.speakerId) : undefined;
    const presented = await presentGroup(group, group.primary, { name: group.primary.speakerName, role: entity ? roleLabel(entity) : null }, context);
    if (!presented) return false;
    parts.push(presented.part);
    json.push(presented.json);
    return true;
  };
  if (shared.length > 0) {
    parts.push({ kind: 'heading', text: 'Quotations several outlets carry' });
    for (const group of shared) {
      if (!(await show(group))) continue;
      const by = [...new Set(group.members.map((m) => outletOf.get(m.article) ?? m.article))];
      const not = outlets.map((o) => o.outlet).filter((name) => !by.includes(name));
      parts.push({ kind: 'lines', lines: [`Quoted by ${list(by)}${not.length > 0 ? `; not by ${list(not, 'or')}` : ''}.`] });
    }
  }
  if (own.length > 0 && outlets.length > 1) {
    parts.push({ kind: 'heading', text: 'Quotations only one outlet carries' });
    for (const group of own) {
      if (!(await show(group))) continue;
      parts.push({ kind: 'lines', lines: [`Only in ${outletOf.get(group.primary.article) ?? group.primary.article}.`] });
    }
  }
  return json;
}

/** What the story is most about, when no topic is given: the person or organisation most articles name. */
async function mainSubject(view: StoryView): Promise<string | null> {
  const index = await view.entities();
  return index.all.find((e) => e.kind === 'person' || e.kind === 'organisation')?.name ?? null;
}
