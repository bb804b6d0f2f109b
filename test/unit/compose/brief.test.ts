import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBrief, MAX_POINTS } from '../../../src/core/compose/brief.ts';
import { isUserError } from '../../../src/core/errors.ts';
import { createStoryView, type StoryView } from '../../../src/core/retrieve/story-view.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { ingestStory } from './story.ts';

// An invented story: two outlets report the same remarks; one article has no date.
const articles = [
  {
    id: 'gazette-1',
    outlet: 'The Harbour Gazette',
    published: '2021-03-02',
    text: `Minister voices grave concerns over harbour sale

The transport minister Maria Lopez has said she has serious concerns about the sale of Port Ellis harbour to a foreign shipping group.

Ms Lopez said the government would study the offer from Northway Shipping very closely before any decision.

Dock workers at Port Ellis have staged two strikes against the sale since January.`,
  },
  {
    id: 'courier-1',
    outlet: 'Coastal Courier',
    published: null,
    text: `Lopez concerned over harbour deal

Transport minister Maria Lopez has expressed serious concerns about the sale of Port Ellis harbour to the foreign shipping group Northway Shipping.

The harbour handles about 4 million tonnes of cargo a year and employs 2,300 people.`,
  },
  {
    id: 'gazette-2',
    outlet: 'The Harbour Gazette',
    published: '2022-07-15',
    text: `Harbour sale approved after review

The government has approved the £410m sale of Port Ellis harbour to Northway Shipping after a year-long review.

Northway Shipping promised to keep every job at the harbour for at least five years.`,
  },
  {
    id: 'herald-1',
    outlet: 'Evening Herald',
    published: '2019-11-20',
    text: `Port Ellis harbour put up for sale

The owners of Port Ellis harbour have put it up for sale after three years of losses, saying they could no longer fund its upkeep.`,
  },
];

describe('brief', () => {
  let store: Store;
  let view: StoryView;
  beforeAll(async () => {
    store = await ingestStory(articles);
    view = createStoryView(store);
  });
  afterAll(() => store.close());

  const points = async (request: Parameters<typeof composeBrief>[0]) => (await composeBrief(request, view)).data!.points;

  it('briefs the story in at most seven points, every one a stored sentence with its citations', async () => {
    const brief = await points({});
    expect(brief.length).toBeGreaterThan(2);
    expect(brief.length).toBeLessThanOrEqual(MAX_POINTS);
    for (const point of brief) {
      expect(point.citations.length).toBeGreaterThan(0);
      expect(point.citations.flatMap((c) => c.texts)).toContain(point.text);
    }
  });

  it('makes one point of the same remarks reported by two outlets, citing both', async () => {
    const brief = await points({});
    const remarks = brief.filter((point) => /serious concerns/.test(point.text));
    expect(remarks).toHaveLength(1);
    expect(remarks[0]!.citations.map((c) => c.article).sort()).toEqual(['courier-1', 'gazette-1']);
  });

  it('puts dated points in date order', async () => {
    const dates = (await points({}))
      .map(
        (point) =>
          point.citations
            .map((c) => c.published)
            .filter(Boolean)
            .sort()[0],
      )
      .filter(Boolean);
    expect(dates.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort());
  });

  it('briefs one article in its own order', async () => {
    const brief = await points({ article: 'gazette-1' });
    expect(brief.every((point) => point.citations.every((c) => c.article === 'gazette-1'))).toBe(true);
    expect(brief[0]!.text).toMatch(/^The transport minister/);
  });

  it('says which ids are close when the article is unknown', async () => {
    const error = await composeBrief({ article: 'gazete-1' }, view).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/gazette-1/);
  });

  it('briefs a topic from the sentences about it', async () => {
    const brief = await points({ topic: 'jobs at the harbour' });
    expect(brief.length).toBeGreaterThan(0);
    expect(brief.some((point) => /job|employs/.test(point.text))).toBe(true);
  });

  it('says there is nothing when the topic is not covered', async () => {
    const reply = await composeBrief({ topic: 'pancake recipes' }, view);
    expect(reply.citations).toEqual([]);
    expect(reply.notice).toMatch(/Nothing on that/);
  });
});

describe('a topic brief', () => {
  // One long article about the ferry, and two short ones that each mention it once.
  const long = `Ferry timetable changes

${[
  'The ferry to Marrow will run twice a day from May, the operator said.',
  'The ferry crossing will take forty minutes instead of an hour.',
  'Fares on the ferry will rise by ten per cent for visitors.',
  'Islanders will keep a discount on every ferry ticket.',
  'The ferry will carry cars on the morning crossing only.',
  'A new ferry pier will be built at Skerrin harbour next year.',
  'Cyclists may take bikes on the ferry free of charge.',
  'The last ferry of the day will leave at six in the evening.',
].join('\n\n')}`;
  let store: Store;
  beforeAll(async () => {
    store = await ingestStory([
      { id: 'long', text: long, published: '2023-04-01' },
      { id: 'school', text: 'School closes early\n\nPupils from Marrow will leave school early on Fridays to catch the ferry home.', published: '2023-04-02' },
      { id: 'council', text: 'Council backs pier\n\nThe council voted to pay half the cost of the new ferry pier at Skerrin.', published: '2023-04-03' },
    ]);
  });
  afterAll(() => store.close());

  it('takes points from every article that matches before a long one fills the brief', async () => {
    const brief = (await composeBrief({ topic: 'ferry' }, createStoryView(store))).data?.points ?? [];
    const cited = new Set(brief.flatMap((point) => point.citations.map((c) => c.article)));
    expect(cited).toEqual(new Set(['long', 'school', 'council']));
  });
});
