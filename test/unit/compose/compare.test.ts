import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeComparison } from '../../../src/core/compose/compare.ts';
import type { QuotePart, Reply, TextPart } from '../../../src/core/reply.ts';
import { sameClaim, sameDevelopment } from '../../../src/core/retrieve/similarity.ts';
import { createStoryView, type StoryView } from '../../../src/core/retrieve/story-view.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { ferryStore } from './ferry-story.ts';
import { seedStore } from './seed-store.ts';

interface ComparisonJson {
  outlets: { outlet: string; article: string; published: string | null }[];
  facts: { text: string; outlets: string[]; missing: string[]; cites: number[] }[];
}
const json = (reply: Reply) => reply.data as unknown as ComparisonJson;

/**
 * Every fact rests on what it says: each outlet named as carrying it cites a sentence of its
 * own article that says it, and no outlet named as leaving it out has a sentence that does.
 */
async function expectSupported(reply: Reply, store: Store): Promise<void> {
  const { outlets, facts } = json(reply);
  const articleOf = new Map(outlets.map((o) => [o.outlet, o.article]));
  for (const fact of facts) {
    const citations = fact.cites.map((n) => reply.citations.find((c) => c.n === n)!);
    expect(citations.map((c) => c.article)).toEqual(fact.outlets.map((o) => articleOf.get(o)));
    const texts = (c: (typeof citations)[number]) => c.texts ?? [c.text];
    expect(citations.flatMap(texts)).toContain(fact.text);
    for (const c of citations)
      expect(
        texts(c).some((text) => sameClaim(fact.text, text) || sameDevelopment(fact.text, text)),
        `${JSON.stringify(texts(c))} says “${fact.text}”`,
      ).toBe(true);
    for (const outlet of fact.missing) {
      const article = (await store.getArticle(articleOf.get(outlet)!))!;
      expect(
        article.analysis.sentences.some((s) => sameClaim(fact.text, s.text)),
        `${outlet} has “${fact.text}”`,
      ).toBe(false);
    }
  }
}

const headings = (reply: Reply) => reply.parts.filter((p) => p.kind === 'heading').map((p) => (p as { text: string }).text);

describe('compare on an invented three-outlet story', () => {
  let store: Store;
  let view: StoryView;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await ferryStore());
    view = createStoryView(store);
  });
  afterAll(() => cleanup());

  it('lists each outlet with its date, and what every outlet reports', async () => {
    const reply = await composeComparison('the ferry closure', view);
    expect(reply.title).toBe('How 3 outlets covered “the ferry closure”');
    expect(json(reply).outlets.map((o) => [o.outlet, o.published])).toEqual([
      ['Coastal Post', '2026-02-10'],
      ['Daily Courier', '2026-02-10'],
      ['Westmoor Gazette', '2026-02-11'],
    ]);
    const everyone = json(reply).facts.filter((f) => f.missing.length === 0);
    expect(everyone.some((f) => /close/.test(f.text))).toBe(true);
    await expectSupported(reply, store);
  });

  it('says which outlets leave a fact out: the subsidy, the operator’s reply, the union', async () => {
    const facts = json(await composeComparison('the ferry closure', view)).facts;
    const about = (word: RegExp) => facts.find((f) => word.test(f.text))!;
    expect(about(/subsidy/)).toMatchObject({ outlets: ['Coastal Post', 'Daily Courier'], missing: ['Westmoor Gazette'] });
    expect(about(/rejected the council's figures/)).toMatchObject({ outlets: ['Daily Courier', 'Westmoor Gazette'], missing: ['Coastal Post'] });
    expect(about(/twelve crew members/)).toMatchObject({ outlets: ['Coastal Post'] });
  });

  it('shows the quotation all three carry once, with how each outlet words it', async () => {
    const reply = await composeComparison('the ferry closure', view);
    expect(headings(reply)).toContain('Quotations several outlets carry');
    const okafor = reply.parts.find((p): p is QuotePart => p.kind === 'quote' && p.speaker === 'Maria Okafor')!;
    expect(okafor.variants?.map((v) => v.differs)).toEqual([
      'Cuts “on a boat that carries forty people a day” (marked …)',
      'Quotes only part of it; “We can no longer spend” for “We cannot keep spending”',
    ]);
    const quoted = [...okafor.cites, ...(okafor.variants ?? []).flatMap((v) => v.cites)].map((n) => reply.citations.find((c) => c.n === n)!.article);
    expect(new Set(quoted)).toEqual(new Set(['courier', 'post', 'gazette']));
    const after = reply.parts[reply.parts.indexOf(okafor) + 1];
    expect(after).toEqual({ kind: 'lines', lines: ['Quoted by Daily Courier, Coastal Post and Westmoor Gazette.'] });
  });

  it('says so when only one outlet covers the topic', async () => {
    const reply = await composeComparison('crew members jobs', view);
    expect(json(reply).outlets.map((o) => o.outlet)).toEqual(['Coastal Post']);
    expect(reply.notice).toBe('Only one outlet covers “crew members jobs” in the indexed coverage (Coastal Post): there is nothing to compare it with.');
  });

  it('compares what the story is most about when no topic is given', async () => {
    const reply = await composeComparison(undefined, view);
    expect(reply.notice).toBe('No topic given: comparing how the outlets covered Maria Okafor.');
    expect(json(reply).outlets).toHaveLength(3);
  });

  it('says so when nothing is about the topic', async () => {
    const reply = await composeComparison('volcano eruption', view);
    expect(reply.parts).toEqual([]);
    expect(reply.notice).toBe('No article in the indexed coverage is about “volcano eruption”.');
  });
});

describe('compare on the seeds', () => {
  let store: Store;
  let view: StoryView;
  beforeAll(async () => {
    store = await seedStore();
    view = createStoryView(store);
  });
  afterAll(() => store.close());

  it('finds the defence secretary’s concerns reported by two outlets, and his words worded two ways', async () => {
    const reply = await composeComparison('Williamson concerns', view);
    const shared = json(reply).facts.find((f) => f.outlets.length >= 2)!;
    expect(shared.outlets).toEqual(expect.arrayContaining(['ITV News', 'New Europe']));
    const quote = reply.parts.find((p): p is QuotePart => p.kind === 'quote' && (p.variants?.length ?? 0) > 0)!;
    expect(quote.speaker).toBe('Gavin Williamson');
    expect(quote.variants?.[0]?.differs).toContain('for “state does sometimes act in a malign way”');
    await expectSupported(reply, store);
  });

  it('cites every fact of the whole story’s comparison to the outlets it names', async () => {
    const reply = await composeComparison(undefined, view);
    expect(json(reply).outlets.length).toBeGreaterThanOrEqual(4);
    for (const part of reply.parts.filter((p): p is TextPart => p.kind === 'text')) expect(part.cites.length).toBeGreaterThan(0);
    await expectSupported(reply, store);
  });
});
