/**
 * Scores cleaning against the gold structure: titles, boilerplate kept out of every stored
 * sentence and quotation, and no content line lost from the clean text.
 */
import type { GoldStructure } from './gold.ts';
import { foldText } from './text-match.ts';

export const MAX_MADE_TITLE = 90;

/** An article as the system stored it. */
export interface SystemArticle {
  readonly id: string;
  readonly title: string | null;
  readonly cleanText: string;
  readonly sentences: readonly string[];
  readonly quotes: readonly string[];
}

/** Each source file's lines by article id: `lines[0]` is line 1. */
export type SourceLines = ReadonlyMap<string, readonly string[]>;

export interface TitleVerdict {
  readonly id: string;
  /** Null when the gold says the file has no headline. */
  readonly expected: string | null;
  readonly got: string | null;
  readonly right: boolean;
}

export interface LineFinding {
  readonly id: string;
  readonly line: number;
  readonly text: string;
  /** For a leak: the stored sentence or quotation it leaked into. */
  readonly into?: string;
}

export interface StructureScore {
  readonly titles: { readonly labelled: number; readonly right: number; readonly verdicts: readonly TitleVerdict[] };
  readonly boilerplate: { readonly labelled: number; readonly leaked: number; readonly leaks: readonly LineFinding[] };
  readonly content: { readonly lines: number; readonly lost: number; readonly losses: readonly LineFinding[] };
}

/**
 * Titles: a labelled title must be exact; for a file with none, the made title must be at
 * most 90 characters and not a whole body sentence. Boilerplate leaks when a labelled line
 * is inside a stored sentence or quotation of its article, or a stored sentence of some
 * length is a piece of it. Content is lost when a body line that is neither boilerplate,
 * heading, metadata nor the title is not in the clean text.
 */
export function scoreStructure(gold: GoldStructure, system: readonly SystemArticle[], sources: SourceLines): StructureScore {
  const byId = new Map(system.map((a) => [a.id, a]));
  const titles: TitleVerdict[] = [];
  const leaks: LineFinding[] = [];
  const losses: LineFinding[] = [];
  let boilerplateLines = 0;
  let contentLines = 0;
  for (const [id, expected] of Object.entries(gold.articles)) {
    const article = byId.get(id);
    titles.push({ id, expected: expected.title, got: article?.title ?? null, right: article ? titleRight(expected.title, article) : false });

    for (const item of expected.boilerplate) {
      boilerplateLines++;
      const into = article ? leakedInto(item.text, [...article.sentences, ...article.quotes]) : undefined;
      if (into !== undefined) leaks.push({ id, line: item.line, text: item.text, into });
    }

    const excluded = new Set([...expected.boilerplate.map((b) => b.line), ...expected.headings, ...expected.metadata_lines.map((m) => m.line)]);
    // From the file, not the store: an article the system lost loses all its lines.
    const lines = sources.get(id) ?? [];
    const clean = foldText(article?.cleanText ?? '');
    lines.forEach((raw, index) => {
      const text = foldText(raw);
      if (text === '' || excluded.has(index + 1)) return;
      if (expected.title !== null && text === foldText(expected.title)) return;
      contentLines++;
      if (!clean.includes(text)) losses.push({ id, line: index + 1, text });
    });
  }
  return {
    titles: { labelled: titles.length, right: titles.filter((t) => t.right).length, verdicts: titles },
    boilerplate: { labelled: boilerplateLines, leaked: leaks.length, leaks },
    content: { lines: contentLines, lost: losses.length, losses },
  };
}

function titleRight(expected: string | null, article: SystemArticle): boolean {
  if (article.title === null) return false;
  if (expected !== null) return article.title === expected;
  const made = foldText(article.title);
  return made.length > 0 && made.length <= MAX_MADE_TITLE && !article.sentences.some((s) => foldText(s) === made);
}

/** Shorter stored texts are too common to count as a piece of a boilerplate line. */
const MIN_PIECE = 12;

function leakedInto(boilerplate: string, stored: readonly string[]): string | undefined {
  const line = foldText(boilerplate);
  return stored.find((text) => {
    const folded = foldText(text);
    return folded.includes(line) || (folded.length >= MIN_PIECE && line.includes(folded));
  });
}
