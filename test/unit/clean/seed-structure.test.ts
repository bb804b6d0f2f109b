/**
 * The hand-labelled structure of the seed articles (test/gold/seed-structure.json): titles,
 * boilerplate, cross-heads, standfirst and datelines, and that nothing else is lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/core/clean/index.ts';

interface GoldArticle {
  readonly title: string | null;
  readonly standfirst_line?: number;
  readonly boilerplate: readonly { readonly line: number; readonly text: string; readonly why: string }[];
  readonly headings: readonly number[];
  readonly metadata_lines: readonly { readonly line: number; readonly text: string; readonly gives: Record<string, string> }[];
}

const goldUrl = new URL('../../gold/seed-structure.json', import.meta.url);
const gold = JSON.parse(readFileSync(goldUrl, 'utf8')) as { articles: Record<string, GoldArticle> };
const seed = (id: string): string => readFileSync(new URL(`../../../seeds/${id}.txt`, import.meta.url), 'utf8');
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

const cases = Object.entries(gold.articles).map(([id, article]) => ({ id, article, text: seed(id) }));

describe.each(cases)('seed $id', ({ article, text }) => {
  const clean = cleanArticle(text);
  const lines = text.split('\n');

  if (article.title !== null) {
    it('has the labelled headline as its title, exactly', () => {
      expect(clean.title).toBe(article.title);
      expect(clean.titleMade).toBe(false);
    });
  } else {
    it('gets a short made title from its opening words, not a whole sentence', () => {
      const opening = squash(lines.find((line) => line.trim() !== '') ?? '');
      expect(clean.titleMade).toBe(true);
      expect(clean.title.length).toBeGreaterThan(20);
      expect(clean.title.length).toBeLessThanOrEqual(90);
      expect(opening.startsWith(clean.title)).toBe(true);
      expect(clean.title).not.toMatch(/[,;:]$|\s(?:of|the|a|an|and|to|in|about|after)$/);
    });
  }

  it('sets aside every labelled boilerplate line and keeps its text out of the clean text', () => {
    const asideLines = new Set(clean.setAside.map((item) => item.line));
    for (const item of article.boilerplate) {
      expect(asideLines, `line ${item.line}: ${item.text}`).toContain(item.line);
      expect(clean.text).not.toContain(item.text);
    }
  });

  it('sets aside nothing that is not labelled as boilerplate or metadata', () => {
    const labelled = new Set([...article.boilerplate.map((b) => b.line), ...article.metadata_lines.map((m) => m.line)]);
    expect(clean.setAside.filter((item) => !labelled.has(item.line))).toEqual([]);
  });

  it('marks the labelled cross-heads, and only those, as headings', () => {
    const headings = clean.blocks.filter((block) => block.kind === 'heading').map((block) => block.line);
    expect(headings).toEqual([...article.headings]);
  });

  if (article.standfirst_line !== undefined) {
    it('keeps the line under the headline as the standfirst', () => {
      expect(clean.blocks[0]).toMatchObject({ kind: 'standfirst', line: article.standfirst_line });
    });
  }

  if (article.metadata_lines.length > 0) {
    it('reads publication facts from the dateline lines and drops them from the body', () => {
      for (const meta of article.metadata_lines) {
        expect(clean.setAside).toContainEqual(expect.objectContaining({ line: meta.line, reason: 'dateline' }));
        expect(clean.text).not.toContain(meta.text);
        for (const [key, value] of Object.entries(meta.gives)) {
          expect(clean.dateline[key as 'published' | 'updated']).toBe(value);
        }
      }
    });
  }

  it('keeps every other body line verbatim in the clean text', () => {
    const dropped = new Set([...article.boilerplate.map((b) => b.line), ...article.metadata_lines.map((m) => m.line)]);
    lines.forEach((line, index) => {
      const text = squash(line);
      if (text === '' || dropped.has(index + 1) || text === article.title) return;
      expect(clean.text, `line ${index + 1}`).toContain(text);
    });
  });

  it('gives blocks whose offsets point at their own text in the clean text', () => {
    for (const block of clean.blocks) expect(clean.text.slice(block.start, block.end)).toBe(block.text);
    expect(clean.text).toBe(clean.blocks.map((block) => block.text).join('\n\n'));
  });
});
