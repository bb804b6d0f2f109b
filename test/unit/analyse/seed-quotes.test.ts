import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { linkKey, linkStoryEntities } from '../../../src/core/analyse/entity-linking.ts';
import type { Analysis } from '../../../src/core/article.ts';
import { cleanArticle } from '../../../src/core/clean/index.ts';
import { decodeText } from '../../../src/ingest/decode.ts';
import { parseFrontMatter } from '../../../src/ingest/front-matter.ts';

const SEEDS = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const GOLD = fileURLToPath(new URL('../../gold/', import.meta.url));

interface GoldQuote {
  readonly article: string;
  readonly starts: string;
  readonly speaker: readonly string[];
}
interface GoldQuotes {
  readonly quotes: readonly GoldQuote[];
  readonly not_quotes: readonly { readonly article: string; readonly text: string }[];
}
interface GoldStructure {
  readonly articles: Record<string, { readonly boilerplate: readonly { readonly text: string }[] }>;
}

const gold = JSON.parse(readFileSync(`${GOLD}seed-quotes.json`, 'utf8')) as GoldQuotes;
const structure = JSON.parse(readFileSync(`${GOLD}seed-structure.json`, 'utf8')) as GoldStructure;
const sources = (JSON.parse(readFileSync(`${SEEDS}sources.json`, 'utf8')) as { articles: Record<string, { published?: string | null }> }).articles;

/** The real pipeline: decode, front matter, clean, analyse; then link the story. */
const articles = readdirSync(SEEDS)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => {
    const { text } = decodeText(readFileSync(`${SEEDS}${file}`));
    const { body, bodyLine } = parseFrontMatter(text);
    const clean = cleanArticle(body, { firstLine: bodyLine });
    const published = sources[file]?.published ?? clean.dateline.published;
    return { id: file.replace(/\.txt$/, ''), analysis: analyseArticle(clean, { published }) as Analysis };
  });
const story = linkStoryEntities(articles.map(({ id, analysis }) => ({ id, entities: analysis.entities })));
const names = new Map(story.entities.map((entity) => [entity.id, entity.name]));

const fold = (text: string): string => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ');

function speakerOf(article: string, key: string | null): string | null {
  return key ? (names.get(story.links.get(linkKey(article, key)) ?? '') ?? null) : null;
}

describe('quotations of the seed articles, scored against the gold', () => {
  const results = gold.quotes.map((item) => {
    const analysis = articles.find((article) => article.id === item.article)?.analysis;
    const quote = analysis?.quotes.find((q) => fold(q.text).includes(fold(item.starts)));
    const speaker = quote ? speakerOf(item.article, quote.speaker) : null;
    const right = speaker !== null && item.speaker.some((name) => name.toLowerCase() === speaker.toLowerCase());
    return { starts: item.starts, found: quote !== undefined, speaker, right };
  });

  it('finds at least 21 of the 23 labelled quotations with the right speaker', () => {
    const right = results.filter((result) => result.right).length;
    expect(
      right,
      JSON.stringify(
        results.filter((result) => !result.right),
        null,
        1,
      ),
    ).toBeGreaterThanOrEqual(21);
  });

  it('finds every labelled quotation', () => {
    expect(results.filter((result) => !result.found).map((result) => result.starts)).toEqual([]);
  });

  it('attributes none of the scare quotes, headings and headlines to anyone', () => {
    const attributed = gold.not_quotes.flatMap((item) => {
      const analysis = articles.find((article) => article.id === item.article)?.analysis;
      return (analysis?.quotes ?? []).filter((q) => fold(q.text).trim() === fold(item.text) && q.speaker !== null).map((q) => q.text);
    });
    expect(attributed).toEqual([]);
  });

  it('puts no boilerplate line inside any quotation', () => {
    const leaks = articles.flatMap(({ id, analysis }) =>
      (structure.articles[id]?.boilerplate ?? [])
        .filter((line) => analysis.quotes.some((q) => fold(q.text).includes(fold(line.text))))
        .map((line) => line.text),
    );
    expect(leaks).toEqual([]);
  });

  it('links the Defence Secretary, Mr Williamson and Williamson to one person across articles', () => {
    const williamson = story.entities.find((entity) => entity.name === 'Gavin Williamson');
    expect(williamson?.aliases.map((alias) => alias.toLowerCase())).toEqual(expect.arrayContaining(['mr williamson', 'williamson', 'defence secretary']));
    expect(williamson?.articles.length).toBeGreaterThanOrEqual(3);
  });

  it('links Dr Liang and the Huawei chairman to Liang Hua', () => {
    const liang = story.entities.find((entity) => entity.name === 'Liang Hua');
    expect(liang?.aliases.map((alias) => alias.toLowerCase())).toEqual(expect.arrayContaining(['dr liang', 'huawei chairman']));
  });
});
