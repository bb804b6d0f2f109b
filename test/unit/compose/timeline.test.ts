import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeTimeline, type TimelineEntryJson } from '../../../src/core/compose/timeline.ts';
import type { Reply, TextPart } from '../../../src/core/reply.ts';
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

const data = (reply: Reply) => reply.data as { entries: TimelineEntryJson[]; undated: TimelineEntryJson[]; omitted: number };
const lines = (reply: Reply) => reply.parts.map((part) => (part.kind === 'heading' ? `# ${part.text}` : (part as TextPart).text));

async function expectVerbatim(reply: Reply): Promise<void> {
  const stored = await store.sentencesAt(reply.citations.map((c) => ({ article: c.article, sentence: c.sentence ?? -1 })));
  expect(stored.map((s) => s.text)).toEqual(reply.citations.map((c) => c.text));
}

describe('timeline of the story', () => {
  it('lists articles and dated events oldest first, a month-dated item at the start of its month', async () => {
    const reply = await composeTimeline(undefined, view);
    expect(data(reply).entries.map((e) => [e.kind, e.date, e.article])).toEqual([
      ['event', '2009-05', 'gazette'],
      ['article', '2023-03', 'times'],
      ['event', '2023-03', 'times'],
      ['article', '2023-03-14', 'gazette'],
    ]);
  });

  it('shows each date as precisely as it is known', async () => {
    const text = lines(await composeTimeline(undefined, view));
    expect(text[0]).toBe('May 2009 — The harbour was last dredged in May 2009, when a storm closed it for a month.');
    expect(text[1]).toBe('March 2023 — Harbour Times article: “Dredge the harbour or lose the fleet, says Lopez”');
    expect(text[3]).toBe('14 March 2023 — Coast Gazette article: “Minister warns harbour must be dredged before the storms”');
  });

  it('dates “last week” in an article known only to a month to that month, not a guessed day', async () => {
    const event = data(await composeTimeline(undefined, view)).entries.find((e) => e.when === 'Last week');
    expect(event).toMatchObject({ date: '2023-03', precision: 'month', label: 'March 2023' });
  });

  it('shows an event two articles report once, citing both', async () => {
    const reply = await composeTimeline(undefined, view);
    const dredged = data(reply).entries.filter((e) => e.text.includes('last dredged'));
    expect(dredged).toHaveLength(1);
    const outlets = dredged[0]!.cites.map((n) => reply.citations.find((c) => c.n === n)?.outlet).sort();
    expect(outlets).toEqual(['Coast Gazette', 'Harbour Times']);
  });

  it('lists an article with no publication date apart, under “Undated”, after the dated', async () => {
    const reply = await composeTimeline(undefined, view);
    const text = lines(reply);
    expect(text.slice(-2)).toEqual(['# Undated', 'Unknown outlet article: “Fishermen fear a winter in port”']);
    expect(data(reply).undated).toEqual([expect.objectContaining({ article: 'undated', date: null, precision: null, label: 'Undated', outlet: null })]);
  });

  it('cites only stored sentences, verbatim', async () => {
    await expectVerbatim(await composeTimeline(undefined, view));
  });
});

describe('timeline of a topic', () => {
  it('keeps only the articles and events whose sentences match the topic', async () => {
    const reply = await composeTimeline('seabed survey', view);
    expect(data(reply).entries.map((e) => [e.kind, e.article, e.when])).toEqual([
      ['article', 'times', null],
      ['event', 'times', 'Last week'],
    ]);
    expect(data(reply).undated).toEqual([]);
    await expectVerbatim(reply);
  });

  it('says plainly when the coverage has nothing on the topic, citing nothing', async () => {
    const reply = await composeTimeline('pancake recipes', view);
    expect(reply.parts).toEqual([]);
    expect(reply.citations).toEqual([]);
    expect(reply.notice).toBe('Nothing on that in the indexed coverage.');
  });
});

describe('a long timeline', () => {
  it('shows at most twenty dated entries, newest last, and counts what it left out', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 14; i++) {
      const day = String(i).padStart(2, '0');
      files[`day-${day}.md`] =
        `---\ntitle: Harbour report number ${i}\noutlet: Coast Gazette\npublished: 2023-04-${day}\n---\nThe harbour board met again in ${1990 + i} to discuss report ${i} on silt number ${i * 7}.\n`;
    }
    const big = await harbourStore(files);
    try {
      const reply = await composeTimeline(undefined, createStoryView(big.store));
      const { entries, omitted } = data(reply);
      expect(entries).toHaveLength(20);
      expect(omitted).toBe(28 - 20);
      const dates = entries.map((e) => e.date!);
      expect([...dates].sort()).toEqual(dates);
      expect(reply.notice).toContain('8 more items left out');
    } finally {
      await big.cleanup();
    }
  });
});
