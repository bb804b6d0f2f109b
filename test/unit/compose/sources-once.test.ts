import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/compose/answer.ts';
import { composeBrief, type BriefJson } from '../../../src/core/compose/brief.ts';
import { CitationList } from '../../../src/core/compose/citations.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { createStoryView, type StoryView } from '../../../src/core/retrieve/story-view.ts';
import { renderDiscord } from '../../../src/render/discord-embeds.ts';
import { renderJson } from '../../../src/render/json.ts';
import { renderMarkdown } from '../../../src/render/markdown.ts';
import { renderSlack } from '../../../src/render/slack-blocks.ts';
import { renderTerminal } from '../../../src/render/terminal.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { ingestStory } from './story.ts';

// An invented article long enough for a brief of several points, all of them from it.
const ferry = {
  id: 'ferry-gazette-9',
  outlet: 'Ferry Gazette',
  published: '2022-05-04',
  text: `Island ferry route to close in autumn

The ferry route between Port Ellis and the island of Marrow will close in October after forty years, its operator announced on Tuesday.

Northway Shipping said the route had lost money for six years and its two ships needed repairs costing £12m.

Islanders said the closure would cut them off from the hospital and the secondary school on the mainland.

The regional council said it would look for another operator for the Marrow ferry route before October.

About 900 people live on Marrow, most of them in the harbour village of Skerrin.

Northway Shipping carried 61,000 passengers on the Marrow ferry route last year.`,
};

describe('sources, each article once', () => {
  let store: Store;
  let view: StoryView;
  beforeAll(async () => {
    store = await ingestStory([ferry]);
    view = createStoryView(store);
  });
  afterAll(() => store.close());

  it('numbers several sentences of one article once, keeping each sentence it cites', async () => {
    const list = new CitationList(view);
    const a = await list.add({ article: 'ferry-gazette-9', sentence: 0, text: 'One.' });
    const b = await list.add({ article: 'ferry-gazette-9', sentence: 2, text: 'Two.' });
    expect([a, b]).toEqual([1, 1]);
    expect(list.all()).toHaveLength(1);
    expect(list.json()[0]!.texts).toEqual(['One.', 'Two.']);
    expect(await list.addAll([{ article: 'ferry-gazette-9', sentence: 3, text: 'Three.' }])).toEqual([1]);
  });

  const brief = async (): Promise<Reply> => composeBrief({ article: 'ferry-gazette-9' }, view);

  it('gives an article brief of several points one source, cited by every point', async () => {
    const reply = await brief();
    const { points } = reply.data as unknown as BriefJson;
    expect(points.length).toBeGreaterThan(2);
    expect(reply.citations).toHaveLength(1);
    for (const point of points) expect(point.citations.map((c) => c.n)).toEqual([1]);
    expect(reply.citations[0]!.texts).toEqual(points.map((p) => p.text));
  });

  it('lists the article once on every surface', async () => {
    const reply = await brief();
    const once = (text: string, needle: string) => text.split(needle).length - 1;
    expect(once(renderTerminal(reply), 'Ferry Gazette')).toBe(1);
    expect(once(renderMarkdown(reply), 'Ferry Gazette')).toBe(1);
    const json = JSON.parse(renderJson(reply)) as BriefJson;
    expect(new Set(json.points.flatMap((p) => p.citations.map((c) => `${c.n} ${c.article}`)))).toEqual(new Set(['1 ferry-gazette-9']));
    const sourceLines = renderSlack(reply)
      .flatMap((m) => m.blocks)
      .flatMap((block) => (block.type === 'context' ? block.elements.map((e) => e.text) : []))
      .filter((text) => text.startsWith('['));
    expect(sourceLines).toHaveLength(1);
    const fields = renderDiscord(reply).flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    expect(fields).toHaveLength(1);
  });

  it('shows in Markdown every sentence it cites from the article', async () => {
    const reply = await brief();
    const markdown = renderMarkdown(reply);
    for (const text of reply.citations[0]!.texts ?? []) expect(markdown).toContain(`> ${text.slice(0, 30)}`);
  });

  it('gives an answer that uses two sentences of one article one number', async () => {
    const reply = await answerQuestion('Why is the Marrow ferry route closing, and what did Northway Shipping say?', view);
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(new Set(reply.citations.map((c) => c.article)).size).toBe(reply.citations.length);
  });
});
