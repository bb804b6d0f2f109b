import { analyseArticle } from '../../../src/core/analyse/index.ts';
import type { Block, BlockKind, CleanArticle } from '../../../src/core/article.ts';

/**
 * A cleaned article made from paragraphs, for tests: blocks joined by blank lines, as
 * cleaning produces them. A paragraph written as `## text` becomes a cross-head.
 */
export function makeArticle(paragraphs: readonly string[], title = 'Test article'): CleanArticle {
  const blocks: Block[] = [];
  let text = '';
  paragraphs.forEach((paragraph, index) => {
    const kind: BlockKind = paragraph.startsWith('## ') ? 'heading' : 'paragraph';
    const body = kind === 'heading' ? paragraph.slice(3) : paragraph;
    if (index > 0) text += '\n\n';
    blocks.push({ kind, text: body, line: index * 2 + 1, start: text.length, end: text.length + body.length });
    text += body;
  });
  return { title, titleMade: false, text, blocks, setAside: [], dateline: { published: null, updated: null }, byline: null };
}

/** Each quotation's opening words, its speaker's name and its cue in the article made from `paragraphs`. */
export function credits(...paragraphs: string[]): { text: string; speaker: string | null; cueKind: string; cue: string | null }[] {
  const analysis = analyseArticle(makeArticle(paragraphs), { published: null });
  const names = new Map(analysis.entities.map((entity) => [entity.key, entity.name]));
  return analysis.quotes.map((quote) => ({
    text: quote.text.slice(0, 30),
    speaker: quote.speaker ? (names.get(quote.speaker) ?? '?') : null,
    cueKind: quote.cueKind,
    cue: quote.cue,
  }));
}
