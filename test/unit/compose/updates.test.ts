import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/compose/answer.ts';
import { composeBrief, type BriefJson } from '../../../src/core/compose/brief.ts';
import type { TextPart } from '../../../src/core/reply.ts';
import { createStoryView, type StoryView } from '../../../src/core/retrieve/story-view.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { renderDiscord } from '../../../src/render/discord-embeds.ts';
import { renderMarkdown } from '../../../src/render/markdown.ts';
import { renderSlack } from '../../../src/render/slack-blocks.ts';
import { discordMessagesVisible, slackMessagesVisible } from '../render/platform-checks.ts';
import { renderTerminal } from '../../../src/render/terminal.ts';
import { ingestStory } from './story.ts';

// An invented earthquake, reported first with 12 dead, a day later with 45.
const first = {
  id: 'valley-post-1',
  outlet: 'Valley Post',
  published: '2023-02-06',
  text: `Earthquake strikes hill town of Orvella

The earthquake killed 12 people in the hill town of Orvella, rescue officials said.

Rescue teams from three regions were sent to the town overnight.`,
};
const second = {
  id: 'coast-times-1',
  outlet: 'Coast Times',
  published: '2023-02-07',
  text: `Orvella death toll rises

The earthquake killed 45 people in the hill town of Orvella, rescue officials said.

Schools across the province stayed closed on Tuesday.`,
};

describe('two sources that give different counts', () => {
  let store: Store;
  let view: StoryView;
  beforeAll(async () => {
    store = await ingestStory([first, second]);
    view = createStoryView(store);
  });
  afterAll(() => store.close());

  it('shows both counts in the story brief, the later one updating the earlier, each with its source', async () => {
    const reply = await composeBrief({}, view);
    const { points } = reply.data as unknown as BriefJson;
    const toll = points.find((point) => /killed 45 people/.test(point.text));
    expect(toll, JSON.stringify(points)).toBeDefined();
    expect(toll!.citations.map((c) => c.article)).toEqual(['coast-times-1']);
    expect(toll!.earlier?.text).toMatch(/killed 12 people/);
    expect(toll!.earlier?.citations.map((c) => c.article)).toEqual(['valley-post-1']);
    expect(toll!.earlier?.change).toBe('12 → 45');
    // Never folded: no point cites both as one claim.
    expect(points.some((p) => p.citations.length > 1)).toBe(false);
  });

  it('shows both counts on every surface', async () => {
    const reply = await composeBrief({}, view);
    const slack = slackMessagesVisible(renderSlack(reply));
    const discord = discordMessagesVisible(renderDiscord(reply));
    for (const text of [renderTerminal(reply), renderMarkdown(reply), slack, discord]) {
      expect(text).toMatch(/killed 45 people/);
      expect(text).toMatch(/Updates an earlier report \(12 → 45\): “The earthquake killed 12 people/);
      expect(text).toMatch(/Valley Post/);
      expect(text).toMatch(/Coast Times/);
    }
  });

  it('answers a question with both counts and both sources', async () => {
    const reply = await answerQuestion('How many people did the earthquake kill in Orvella?', view);
    const part = reply.parts.find((p): p is TextPart => p.kind === 'text' && /killed 45 people/.test(p.text));
    expect(part, JSON.stringify(reply.parts)).toBeDefined();
    expect(part!.earlier?.text).toMatch(/killed 12 people/);
    expect(reply.citations.map((c) => c.outlet).sort()).toEqual(['Coast Times', 'Valley Post']);
    expect((reply.data as { text: string }).text).toMatch(/12 → 45/);
  });

  it('keeps both as separate points when neither article is dated', async () => {
    const undated = await ingestStory([
      { ...first, published: null },
      { ...second, published: null },
    ]);
    try {
      const { points } = (await composeBrief({}, createStoryView(undated))).data as unknown as BriefJson;
      const texts = points.map((p) => p.text);
      expect(texts.some((t) => /killed 12 people/.test(t))).toBe(true);
      expect(texts.some((t) => /killed 45 people/.test(t))).toBe(true);
    } finally {
      await undated.close();
    }
  });
});
