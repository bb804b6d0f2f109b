/**
 * Hand-built analysed articles for the store contract: small, consistent (offsets point into
 * the clean text) and independent of the real cleaner and analyser.
 */
import type { AnalysedArticle, Entity, Quote, Sentence, Block } from '../../../src/core/article.ts';

export interface FixtureQuote {
  readonly text: string;
  readonly speaker: string | null;
  readonly cue?: string;
}

export interface FixtureOptions {
  readonly id: string;
  readonly title?: string;
  /** Paragraphs; each is one or more sentences ending in ". ". */
  readonly paragraphs: readonly string[];
  readonly entities?: readonly Entity[];
  readonly quotes?: readonly FixtureQuote[];
  readonly hash?: string;
  readonly outlet?: string | null;
  readonly published?: string | null;
}

/** An entity as analysis would give it. */
export function person(key: string, name: string, aliases: readonly string[] = [], roles: readonly string[] = []): Entity {
  return { key, name, kind: 'person', aliases, roles, named: true };
}

/**
 * An analysed article whose blocks are the paragraphs, sentences split after ". ", and each
 * fixture quote located in the text (it must occur there).
 */
export function analysedArticle(options: FixtureOptions): AnalysedArticle {
  const text = options.paragraphs.join('\n\n');
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  options.paragraphs.forEach((paragraph, blockIndex) => {
    blocks.push({ kind: 'paragraph', text: paragraph, line: 3 + blockIndex * 2, start: offset, end: offset + paragraph.length });
    let start = 0;
    for (const piece of paragraph.split(/(?<=\.) /)) {
      const at = paragraph.indexOf(piece, start);
      sentences.push({ index: sentences.length, start: offset + at, end: offset + at + piece.length, text: piece, block: blockIndex, kind: 'paragraph' });
      start = at + piece.length;
    }
    offset += paragraph.length + 2;
  });
  const quotes: Quote[] = (options.quotes ?? []).map((quote, index) => {
    const start = text.indexOf(quote.text);
    if (start < 0) throw new Error(`fixture quote not in text: ${quote.text}`);
    const sentence = sentences.find((s) => s.start <= start && start < s.end)!;
    const cueAt = quote.cue ? text.indexOf(quote.cue, start) : -1;
    return {
      index,
      text: quote.text,
      start,
      end: start + quote.text.length,
      sentence: sentence.index,
      kind: 'full',
      speaker: quote.speaker,
      speakerText: quote.speaker,
      cue: quote.cue ?? null,
      cueKind: quote.speaker ? 'explicit' : 'none',
      cueStart: cueAt >= 0 ? cueAt : null,
      cueEnd: cueAt >= 0 ? cueAt + quote.cue!.length : null,
    };
  });
  const title = options.title ?? `Title of ${options.id}`;
  return {
    id: options.id,
    path: `/corpus/${options.id}.txt`,
    hash: options.hash ?? `hash-${options.id}`,
    meta: {
      title,
      outlet: options.outlet === undefined ? 'The Test Times' : options.outlet,
      url: null,
      published: options.published === undefined ? '2020-01-02' : options.published,
      updated: null,
      byline: null,
    },
    clean: {
      title,
      titleMade: false,
      text,
      blocks,
      setAside: [{ line: 2, text: 'Photo: Somebody', reason: 'caption' }],
      dateline: { published: null, updated: null },
      byline: null,
    },
    analysis: {
      sentences,
      entities: options.entities ?? [],
      mentions: (options.entities ?? []).flatMap((entity) => {
        const start = text.indexOf(entity.name);
        if (start < 0) return [];
        const sentence = sentences.find((s) => s.start <= start && start < s.end)!;
        return [{ entity: entity.key, sentence: sentence.index, start, end: start + entity.name.length, text: entity.name }];
      }),
      quotes,
      events: [{ sentence: 0, date: '2019-12', text: 'last month' }],
    },
  };
}

/** Where an article came from, for `putArticle`. */
export function origin(overrides: { root?: string; textHash?: string; at?: string } = {}) {
  return { root: overrides.root ?? '/corpus', textHash: overrides.textHash ?? 'text-hash', analysisVersion: 1, at: overrides.at ?? '2024-05-01T10:00:00.000Z' };
}
