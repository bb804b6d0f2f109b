import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givesRole, mentions, nameForms, opposes } from '../../../src/core/compose/entity-evidence.ts';
import { composeWhoCard } from '../../../src/core/compose/who-card.ts';
import { isUserError } from '../../../src/core/errors.ts';
import type { Citation, Reply, TextPart } from '../../../src/core/reply.ts';
import { createStoryView, type StoryView } from '../../../src/core/retrieve/story-view.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { ferryStore } from './ferry-story.ts';
import { seedStore } from './seed-store.ts';

interface CardJson {
  entity: { name: string; kind: string; aliases: string[]; roles: { role: string; cite: number }[] };
  quotations: {
    count: number;
    articles: number;
    first: { text: string; published: string | null; cite: number } | null;
    latest: { text: string; published: string | null; cite: number } | null;
  };
  articles: string[];
  quotedWith: { name: string; articles: string[] }[];
  quotedAgainst: { name: string; articles: string[] }[];
}

const card = (reply: Reply) => reply.data as unknown as CardJson;
const cited = (reply: Reply, n: number): Citation => reply.citations.find((c) => c.n === n)!;

/** The lines under a heading, until the next heading. */
function section(reply: Reply, heading: string): TextPart[] {
  const at = reply.parts.findIndex((p) => p.kind === 'heading' && p.text.startsWith(heading));
  if (at < 0) return [];
  const end = reply.parts.findIndex((p, i) => i > at && p.kind === 'heading');
  return reply.parts.slice(at + 1, end < 0 ? undefined : end).filter((p): p is TextPart => p.kind === 'text');
}

/** The sentences a citation cites (one article, each sentence of it the reply leans on). */
const texts = (reply: Reply, n: number): readonly string[] => cited(reply, n).texts ?? [cited(reply, n).text];

/**
 * Checks that every line of a card rests on a sentence it cites: a role on a sentence that
 * names them with it, a quotation on its sentence, an article on a sentence of it that names
 * them or quotes them, "against" on a sentence that denies or attacks.
 */
function expectSupported(reply: Reply, forms: readonly string[], quoted: readonly string[] = []): void {
  const json = card(reply);
  for (const { role, cite } of json.entity.roles) {
    const names = forms.filter((f) => !givesRole(f, role));
    expect(
      texts(reply, cite).some((text) => givesRole(text, role) && names.some((f) => mentions(text, f))),
      `role ${role} in ${JSON.stringify(texts(reply, cite))}`,
    ).toBe(true);
  }
  for (const quote of [json.quotations.first, json.quotations.latest]) {
    if (!quote) continue;
    const start = quote.text.replace(/[’']/g, "'").split(/[.,]/)[0]!.slice(0, 30);
    expect(texts(reply, quote.cite).some((text) => text.replace(/[’']/g, "'").includes(start))).toBe(true);
  }
  for (const line of section(reply, 'Appears in')) {
    const citation = cited(reply, line.cites[0]!);
    expect(line.text).toContain(citation.outlet ?? 'outlet unknown');
    const theirs = (text: string) => forms.some((f) => mentions(text, f)) || quoted.some((q) => text.includes(q.slice(0, 25)));
    expect(texts(reply, citation.n).some(theirs), `${line.text}: ${JSON.stringify(texts(reply, citation.n))}`).toBe(true);
  }
  for (const line of section(reply, 'Quoted against')) expect(texts(reply, line.cites[0]!).some(opposes)).toBe(true);
}

describe('who on an invented three-outlet story', () => {
  let store: Store;
  let view: StoryView;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await ferryStore());
    view = createStoryView(store);
  });
  afterAll(() => cleanup());

  it('gives the council leader’s card: role, one quotation carried three times, three articles, who is against her', async () => {
    const reply = await composeWhoCard('Maria Okafor', view);
    expect(reply.title).toBe('Maria Okafor (person)');
    const json = card(reply);
    expect(json.entity.roles.map((r) => r.role)).toEqual(['Council Leader']);
    expect(json.quotations).toMatchObject({ count: 1, articles: 3 });
    expect(json.quotations.first?.published).toBe('2026-02-10');
    expect(json.quotations.latest?.published).toBe('2026-02-11');
    expect(json.articles).toHaveLength(3);
    expect(json.quotedAgainst.map((c) => c.name)).toEqual(['Northgate Ferries spokesman']);
    expect(json.quotedWith.map((c) => c.name)).toEqual(['Tom Brennan']);
    expectSupported(reply, nameForms({ kind: 'person', name: 'Maria Okafor', aliases: ['Ms Okafor'] }));
  });

  it('finds a person by surname or role', async () => {
    expect((await composeWhoCard('okafor', view)).title).toBe('Maria Okafor (person)');
    expect((await composeWhoCard('the regional officer', view)).title).toBe('Tom Brennan (person)');
  });

  it('says plainly when nobody goes by the name, with close spellings', async () => {
    const error = await composeWhoCard('Okafr', view).catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe('unknown-entity');
    expect((error as Error).message).toBe('No one called “Okafr” is named in the indexed coverage. Did you mean Maria Okafor?');
  });

  it('refuses an empty name', async () => {
    const error = await composeWhoCard('  ?? ', view).catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe('empty-name');
  });
});

describe('who on the seeds', () => {
  let store: Store;
  let view: StoryView;
  beforeAll(async () => {
    store = await seedStore();
    view = createStoryView(store);
  });
  afterAll(() => store.close());

  it('gives every person quoted a card whose cited sentences support it', async () => {
    const entities = (await store.storyEntities()).filter((e) => e.kind === 'person' && e.quoteCount > 0);
    expect(entities.length).toBeGreaterThan(3);
    for (const entity of entities) {
      const reply = await composeWhoCard(entity.name, view);
      expect(reply.title).toBe(`${entity.name} (person)`);
      expect(card(reply).quotations.count).toBeGreaterThan(0);
      const quoted = (await store.listQuotes({ speaker: entity.name })).map((q) => q.text);
      expectSupported(reply, nameForms(entity), quoted);
    }
  });

  it('gives the defence secretary his role, dates for his first and latest quotation, and the firm that rejected what he said', async () => {
    const reply = await composeWhoCard('the defence secretary', view);
    const json = card(reply);
    expect(json.entity.roles.map((r) => r.role)).toContain('Defence Secretary');
    expect(json.quotations.first?.published).toBe('2018-12-27');
    expect(json.quotedAgainst.map((c) => c.name)).toContain('Huawei');
  });
});
