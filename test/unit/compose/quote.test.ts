import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeQuotes } from '../../../src/core/compose/quotes.ts';
import type { QuoteJson } from '../../../src/core/compose/quote-presentation.ts';
import { speakerChoices } from '../../../src/core/compose/speaker-lookup.ts';
import { isUserError } from '../../../src/core/errors.ts';
import type { QuotePart, Reply, TextPart } from '../../../src/core/reply.ts';
import { createStoryView, type StoryView } from '../../../src/core/retrieve/story-view.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { harbourStore } from './quote-timeline-story.ts';

let store: Store;
let view: StoryView;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ store, cleanup } = await harbourStore());
  view = createStoryView(store);
});
afterAll(() => cleanup());

const quoteParts = (reply: Reply) => reply.parts.filter((part): part is QuotePart => part.kind === 'quote');
const json = (reply: Reply) => reply.data as { quotes: QuoteJson[]; speakers: { name: string; quotes: number; role: string | null }[] };

/** The message of the UserError a promise rejects with. */
async function userError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

/** Every citation's text is the stored sentence it names, verbatim. */
async function expectVerbatim(reply: Reply): Promise<void> {
  const stored = await store.sentencesAt(reply.citations.map((c) => ({ article: c.article, sentence: c.sentence ?? -1 })));
  expect(stored.map((s) => s.text)).toEqual(reply.citations.map((c) => c.text));
}

describe('quote with nothing asked', () => {
  it('groups quotations by speaker, most quoted first, each heading with the speaker’s role', async () => {
    const reply = await composeQuotes({}, view);
    const headings = reply.parts.filter((part) => part.kind === 'heading').map((part) => (part as { text: string }).text);
    expect(headings[0]).toBe('Maria Lopez, Transport Minister (2 quotations)');
    expect(headings).toContain('Tom Reed, Chairman of PortCo (1 quotation)');
    const speakers = json(reply).speakers;
    expect(speakers[0]).toEqual({ name: 'Maria Lopez', quotes: 2, role: 'Transport Minister' });
    expect(speakers.map((s) => s.name)).not.toContain(null);
  });

  it('leaves out quotations nobody is named as saying', async () => {
    const reply = await composeQuotes({}, view);
    expect(json(reply).quotes.map((q) => q.text)).not.toContain('the grey tide');
    expect(reply.parts.some((part) => part.kind === 'heading' && part.text.startsWith('Unattributed'))).toBe(false);
  });

  it('cites only stored sentences, verbatim', async () => {
    await expectVerbatim(await composeQuotes({}, view));
  });
});

describe('a quotation two outlets carry', () => {
  it('is shown once, with each outlet’s wording, both citations and how the second differs', async () => {
    const reply = await composeQuotes({ about: 'Lopez' }, view);
    const dredged = quoteParts(reply).filter((part) => /dredged/.test(part.text));
    expect(dredged).toHaveLength(1);
    const [part] = dredged as [QuotePart];
    expect(part.text).toBe('The harbour must be dredged before the autumn storms, or the fleet will be stranded for the whole winter');
    expect(part.variants?.map((v) => v.text)).toEqual(['The harbour has to be dredged before the autumn storms … or our fleet will be stranded']);
    const variant = part.variants![0]!;
    expect(variant.differs).toContain('“has to” for “must”');
    expect(variant.differs).toContain('“our” for “the”');
    expect(variant.differs).toMatch(/quotes only part of it/i);
    const outlets = [...part.cites, ...variant.cites].map((n) => reply.citations.find((c) => c.n === n)?.outlet);
    expect(outlets).toEqual(['Coast Gazette', 'Harbour Times']);
    await expectVerbatim(reply);
  });

  it('lists every outlet’s wording in JSON, with its outlet, date and citation', async () => {
    const reply = await composeQuotes({ about: 'Lopez' }, view);
    const quote = json(reply).quotes.find((q) => q.text.includes('must be dredged'))!;
    expect(quote).toMatchObject({ speaker: 'Maria Lopez', role: 'Transport Minister', outlet: 'Coast Gazette', published: '2023-03-14', kind: 'full' });
    expect(quote.variants).toEqual([
      expect.objectContaining({ article: 'times', outlet: 'Harbour Times', published: '2023-03', cite: expect.any(Number), differs: expect.any(String) }),
    ]);
    expect(reply.citations.find((c) => c.n === quote.cite)?.text).toBe(quote.sentence);
  });

  it('keeps the speaker’s other remark apart', async () => {
    const reply = await composeQuotes({ about: 'Lopez' }, view);
    expect(quoteParts(reply).map((part) => part.text)).toContain('Nobody in this town should have to wait another year for a decision.');
    expect(json(reply).speakers).toEqual([{ name: 'Maria Lopez', quotes: 2, role: 'Transport Minister' }]);
  });

  it('leads with the asked article’s own wording and says how the fuller one differs', async () => {
    const reply = await composeQuotes({ speaker: 'Maria Lopez', article: 'times' }, view);
    const [first] = quoteParts(reply);
    expect(first?.text).toBe('The harbour has to be dredged before the autumn storms … or our fleet will be stranded');
    expect(first?.variants?.[0]?.differs).toMatch(/quotes more of it/i);
  });
});

describe('finding the speaker asked about', () => {
  it('resolves a role: “the chairman” is the chairman of PortCo', async () => {
    const reply = await composeQuotes({ about: 'the chairman' }, view);
    expect(quoteParts(reply).map((part) => part.speaker)).toEqual(['Tom Reed']);
    expect(reply.title).toContain('Tom Reed');
  });

  it('resolves a surname, a given name and an alias', async () => {
    for (const about of ['Reeve', 'ana', 'Ms Lopez', 'transport minister']) {
      const reply = await composeQuotes({ about }, view);
      expect(json(reply).speakers.length, about).toBe(1);
    }
    expect(json(await composeQuotes({ about: 'ana' }, view)).speakers[0]?.name).toBe('Ana Costa');
  });

  it('resolves a close spelling that points to one speaker, and says so', async () => {
    const reply = await composeQuotes({ speaker: 'Maria Lopes' }, view);
    expect(json(reply).speakers[0]?.name).toBe('Maria Lopez');
    expect(reply.notice).toContain('Maria Lopez');
  });

  it('answers an unknown speaker with the close matches among the story’s speakers', async () => {
    const { code, message } = await userError(composeQuotes({ speaker: 'Tom Reet' }, view));
    expect(code).toBe('unknown-speaker');
    expect(message).toContain('Tom Reed');
    expect(message).toContain('Tom Reeve');
  });

  it('names the most quoted speakers when nothing is close to an unknown name', async () => {
    const { message } = await userError(composeQuotes({ about: 'Boris Smith' }, view));
    expect(message).toMatch(/Most quoted: Maria Lopez/);
  });
});

describe('quotations on a topic', () => {
  it('finds quotations whose words or sentence match it, the unattributed listed last', async () => {
    const reply = await composeQuotes({ about: 'silt' }, view);
    const headings = reply.parts.filter((part) => part.kind === 'heading').map((part) => (part as { text: string }).text);
    expect(headings).toEqual(['Tom Reeve (1 quotation)', 'Unattributed (1 quotation)']);
    const unattributed = reply.parts[reply.parts.length - 1] as TextPart;
    expect(unattributed.text).toBe('Locals have long called the silt “the grey tide”.'.replace(/[“”]/g, '"'));
    await expectVerbatim(reply);
  });

  it('says plainly when nothing is quoted on the topic, citing nothing', async () => {
    const reply = await composeQuotes({ about: 'pancake recipes' }, view);
    expect(reply.parts).toEqual([]);
    expect(reply.citations).toEqual([]);
    expect(reply.notice).toMatch(/No quotations on that/);
  });

  it('treats query syntax, SQL and emoji as plain words', async () => {
    for (const about of ['"NEAR(silt*', "'; DROP TABLE quotes; --", '🙂 مرحبا', 'OR - : ^']) {
      const reply = await composeQuotes({ about }, view).catch((e: unknown) => (isUserError(e) ? null : Promise.reject(e)));
      if (reply) expect(Array.isArray(reply.parts)).toBe(true);
    }
  });

  it('refuses a 10 KB topic with a short message', async () => {
    const { code, message } = await userError(composeQuotes({ about: 'silt '.repeat(2000) }, view));
    expect(code).toBe('text-too-long');
    expect(message.length).toBeLessThan(200);
  });
});

describe('the speaker list for completions', () => {
  it('offers the quoted speakers whose name or alias starts with what was typed, most quoted first', async () => {
    expect(await speakerChoices(view, 'lo')).toEqual([{ name: 'Maria Lopez', quotes: 2 }]);
    expect((await speakerChoices(view, 'tom')).map((c) => c.name).sort()).toEqual(['Tom Reed', 'Tom Reeve']);
    expect((await speakerChoices(view, 'transport')).map((c) => c.name)).toEqual(['Maria Lopez']);
  });

  it('offers everyone quoted, at most 25, when nothing is typed', async () => {
    const all = await speakerChoices(view, '');
    expect(all[0]).toEqual({ name: 'Maria Lopez', quotes: 2 });
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.map((c) => c.name)).toEqual(expect.arrayContaining(['Tom Reed', 'Ana Costa', 'PortCo']));
  });
});
