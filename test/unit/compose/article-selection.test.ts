import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sentence } from '../../../src/core/article.ts';
import { needsAntecedent } from '../../../src/core/compose/antecedents.ts';
import { rankKeySentences, selectKeySentences } from '../../../src/core/compose/article-selection.ts';
import type { Store, StoredArticle } from '../../../src/core/ports/store.ts';
import { ingestStory } from './story.ts';

// An invented article. The sentences that open on "This" and "She" share the most
// words with the rest, so centrality alone would choose them without what they stand on.
const approval = `Solar farm approved for Vellmoor

This article is more than 5 months old

FILE PHOTO: Panels at a solar farm near Kestrel Bay, March 1, 2019. The regional government has approved a solar farm of 400 hectares near the village of Vellmoor after a two-year review.

This approval makes the Vellmoor solar farm the largest solar project the regional government has backed.

Planning minister Ana Ruiz said the farm would power 90,000 homes from 2026.

Residents of Vellmoor objected to the size of the solar farm at a public meeting in May.

She said the Vellmoor solar farm would cut energy bills in the region and create jobs.

Photograph: Lena Park/Valley Press

The developer, Brightfield Energy, said building would start next spring and employ 300 people.

A spokesman for the residents said they would consider a legal challenge.`;

describe('choosing the key sentences of an article', () => {
  let store: Store;
  let article: StoredArticle;
  beforeAll(async () => {
    store = await ingestStory([{ id: 'approval', text: approval }]);
    article = (await store.getArticle('approval'))!;
  });
  afterAll(() => store.close());

  const chosenTexts = (budget: number) => selectKeySentences(article.analysis, budget).map((s) => s.text);

  it('keeps to the budget and shows the sentences in the article’s order', () => {
    const chosen = selectKeySentences(article.analysis, 4);
    expect(chosen.length).toBeLessThanOrEqual(4);
    expect(chosen.length).toBeGreaterThan(1);
    expect(chosen.map((s) => s.index)).toEqual([...chosen.map((s) => s.index)].sort((a, b) => a - b));
  });

  it('never chooses a sentence opening on “This …” without the sentence before it', () => {
    for (const budget of [1, 2, 3, 4, 5, 7]) {
      const chosen = selectKeySentences(article.analysis, budget);
      const indices = new Set(chosen.map((s) => s.index));
      for (const sentence of chosen) {
        if (needsAntecedent(sentence.text) === 'previous') expect(indices.has(sentence.index - 1)).toBe(true);
      }
    }
  });

  it('never chooses a sentence opening on “She” unless a chosen sentence before it names the person', () => {
    const people = new Set(article.analysis.entities.filter((e) => e.kind === 'person').map((e) => e.key));
    const namesSomeone = (s: Sentence) => article.analysis.mentions.some((m) => m.sentence === s.index && people.has(m.entity));
    for (const budget of [1, 2, 3, 4, 5, 7]) {
      const chosen = selectKeySentences(article.analysis, budget);
      chosen.forEach((sentence, i) => {
        if (needsAntecedent(sentence.text) === 'person') expect(chosen.slice(0, i).some(namesSomeone)).toBe(true);
      });
    }
  });

  it('shows the leaning sentence when the budget has room for what it stands on', () => {
    const texts = chosenTexts(7);
    expect(texts.some((t) => t.startsWith('She said'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Planning minister Ana Ruiz'))).toBe(true);
  });

  it('never chooses a caption, a picture credit or an archive notice', () => {
    const all = rankKeySentences(article.analysis).map((s) => s.text);
    expect(all.length).toBeGreaterThan(4);
    for (const text of all) expect(text).not.toMatch(/FILE PHOTO|Photograph:|more than 5 months old/);
  });
});
