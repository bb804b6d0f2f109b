/**
 * `show ID`: one article as the index holds it: its facts, the cleaned text with sentence
 * numbers, and every line set aside as not content, with the reason.
 */
import { defineCommand } from '../src/core/define-command.ts';
import type { FieldPart, ReplyPart } from '../src/core/reply.ts';
import { missingArticle } from '../src/core/missing-article.ts';
import type { StoredArticle } from '../src/core/ports/store.ts';

export const show = defineCommand({
  name: 'show',
  description: 'Show one article as indexed: numbered sentences, then what was set aside and why',
  options: [
    { name: 'id', type: 'string', description: 'the article id, as `sources` lists it', rest: true, required: true, autocomplete: 'article', maxLength: 500 },
  ],
  examples: ['show 004_684b3eebdcbad4b5', 'show politics/001'],
  surfaces: ['cli'],
  async run({ id }, { store }) {
    const article = await store.getArticle(id);
    if (!article) throw await missingArticle(store, id);
    return {
      title: article.meta.title ?? id,
      parts: [...facts(article), ...body(article), ...setAside(article)],
      citations: [],
      data: { article: toJson(article) },
    };
  },
});

function facts(article: StoredArticle): FieldPart[] {
  const { meta } = article;
  const field = (label: string, value: string | null): FieldPart => ({ kind: 'field', label, value: value ?? 'unknown' });
  return [
    field('Id', article.id),
    ...(article.titleMade ? [field('Title', 'made from the text (the file has no headline)')] : []),
    field('Outlet', meta.outlet),
    field('Published', meta.published),
    ...(meta.updated ? [field('Updated', meta.updated)] : []),
    ...(meta.byline ? [field('Byline', meta.byline)] : []),
    field('URL', meta.url),
    field('Counts', `${article.sentences} sentences, ${article.quotes} quotations`),
  ];
}

/** One line per block: a cross-head marked as such, a paragraph as its numbered sentences. */
function body(article: StoredArticle): ReplyPart[] {
  const lines: string[] = [];
  article.clean.blocks.forEach((block, index) => {
    const sentences = article.analysis.sentences.filter((s) => s.block === index);
    const text = sentences.length > 0 ? sentences.map((s) => `[${s.index + 1}] ${s.text}`).join(' ') : block.text;
    if (lines.length > 0) lines.push('');
    lines.push(block.kind === 'heading' ? `## ${text}` : block.kind === 'standfirst' ? `> ${text}` : text);
  });
  return [
    { kind: 'heading', text: 'Text' },
    { kind: 'lines', lines },
  ];
}

function setAside(article: StoredArticle): ReplyPart[] {
  const lines = article.clean.setAside.map((s) => `line ${s.line} (${s.reason}): ${s.text}`);
  return [
    { kind: 'heading', text: 'Set aside' },
    { kind: 'lines', lines: lines.length > 0 ? lines : ['nothing'] },
  ];
}

function toJson(article: StoredArticle) {
  const { meta, clean, analysis } = article;
  return {
    id: article.id,
    ...meta,
    titleMade: article.titleMade,
    text: clean.text,
    blocks: clean.blocks,
    sentences: analysis.sentences.map((s) => ({ ...s, n: s.index + 1 })),
    setAside: clean.setAside,
    quotes: analysis.quotes.length,
  };
}
