import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBrief, type BriefJson } from '../../../src/core/compose/brief.ts';
import { createStoryView, type StoryView } from '../../../src/core/retrieve/story-view.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { ingestStory } from './story.ts';

// An invented story over three years; two articles carry no date, one of them says when.
const articles = [
  {
    id: 'herald-1',
    outlet: 'Evening Herald',
    published: '2019-11-20',
    text: `Port Ellis harbour put up for sale

The owners of Port Ellis harbour have put it up for sale after three years of losses, saying they could no longer fund its upkeep.`,
  },
  {
    id: 'undated-offer',
    outlet: 'Shipping Weekly',
    published: null,
    text: `Northway bids for Port Ellis

Northway Shipping made an offer of £410m for Port Ellis harbour in June 2020, the harbour's owners confirmed.`,
  },
  {
    id: 'gazette-1',
    outlet: 'The Harbour Gazette',
    published: '2021-03-02',
    text: `Minister voices concerns over harbour sale

The transport minister Maria Lopez has said she has serious concerns about the sale of Port Ellis harbour to a foreign shipping group.`,
  },
  {
    id: 'gazette-2',
    outlet: 'The Harbour Gazette',
    published: '2022-07-15',
    text: `Harbour sale approved after review

The government has approved the £410m sale of Port Ellis harbour to Northway Shipping after a year-long review.`,
  },
  {
    id: 'wire-copy',
    outlet: 'Coastal Wire',
    published: '2022-07-15',
    text: `Port Ellis sale cleared

The government has approved the £410m sale of Port Ellis harbour to Northway Shipping after a year-long review, officials said.`,
  },
  {
    id: 'undated-jobs',
    outlet: 'Dockside News',
    published: null,
    text: `Jobs promise as harbour sale approved

Northway Shipping promised to keep every job at Port Ellis harbour for five years after the government approved the sale of the harbour.`,
  },
  {
    id: 'herald-2',
    outlet: 'Evening Herald',
    published: '2023-05-01',
    text: `New terminal opens at Port Ellis

A new container terminal built by its owners has opened at Port Ellis, doubling the cargo the port can handle.`,
  },
];

describe('the story brief', () => {
  let store: Store;
  let view: StoryView;
  let points: BriefJson['points'];
  beforeAll(async () => {
    store = await ingestStory(articles);
    view = createStoryView(store);
    points = ((await composeBrief({}, view)).data as unknown as BriefJson).points;
  });
  afterAll(() => store.close());

  const at = (article: string) => points.findIndex((p) => p.citations.some((c) => c.article === article));

  it('follows the story in date order', () => {
    expect(at('herald-1')).toBeGreaterThanOrEqual(0);
    expect(at('herald-1')).toBeLessThan(at('gazette-1'));
    expect(at('gazette-1')).toBeLessThan(at('gazette-2'));
  });

  it('places an undated article by the date it reports', () => {
    expect(at('undated-offer')).toBeGreaterThan(at('herald-1'));
    expect(at('undated-offer')).toBeLessThan(at('gazette-1'));
  });

  it('places an undated article that gives no date beside the dated article most like it', () => {
    expect(at('undated-jobs')).toBeGreaterThan(at('gazette-1'));
    expect(at('undated-jobs')).toBeLessThan(at('herald-2'));
  });

  it('says each development once, citing every outlet that reported it', () => {
    const approvals = points.filter((p) => /approved the £410m sale/.test(p.text));
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.citations.map((c) => c.article).sort()).toEqual(['gazette-2', 'wire-copy']);
  });
});
