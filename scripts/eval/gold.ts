/**
 * The hand-labelled gold files about the seeds (test/gold/), as types, and their loader.
 * Each scorer takes these shapes and plain system output, so it can be tested on small
 * hand-made inputs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface GoldQuote {
  readonly article: string;
  /** A system quotation matches when its text contains this (after folding). */
  readonly starts: string;
  /** Any of these names is right, compared case-insensitively. */
  readonly speaker: readonly string[];
  readonly kind: 'full' | 'partial';
  readonly cue: string;
}

export interface GoldNotQuote {
  readonly article: string;
  readonly text: string;
  readonly why: string;
}

export interface GoldQuotes {
  readonly quotes: readonly GoldQuote[];
  readonly not_quotes: readonly GoldNotQuote[];
}

export interface GoldLine {
  readonly line: number;
  readonly text: string;
}

export interface GoldArticleStructure {
  /** Null: the file has no headline, so a short title must be made. */
  readonly title: string | null;
  readonly standfirst_line?: number;
  readonly boilerplate: readonly (GoldLine & { readonly why: string })[];
  /** Line numbers of cross-heads. */
  readonly headings: readonly number[];
  readonly metadata_lines: readonly (GoldLine & { readonly gives: Readonly<Record<string, string>> })[];
}

export interface GoldStructure {
  readonly articles: Readonly<Record<string, GoldArticleStructure>>;
}

export interface Gold {
  readonly quotes: GoldQuotes;
  readonly structure: GoldStructure;
}

/** Reads `seed-quotes.json` and `seed-structure.json` from `goldDir`. */
export async function loadGold(goldDir: string): Promise<Gold> {
  const read = async (name: string) => JSON.parse(await readFile(join(goldDir, name), 'utf8')) as unknown;
  return {
    quotes: (await read('seed-quotes.json')) as GoldQuotes,
    structure: (await read('seed-structure.json')) as GoldStructure,
  };
}
