/**
 * Reads a `sources.json` beside article files: publication facts keyed by file name, in the
 * form of seeds/sources.json. A key present with `null` states the fact is unknown; an
 * absent key states nothing. An invalid file is reported and its facts are not used.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { StatedMeta } from '../core/article.ts';

export const SOURCES_FILE = 'sources.json';

const fact = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((value) => (typeof value === 'string' ? value.trim() || null : value)),
);

const schema = z.object({
  articles: z.record(z.string(), z.object({ title: fact, outlet: fact, url: fact, published: fact, updated: fact, byline: fact })),
});

export interface SourcesFile {
  /** Stated facts by file name (`000_027e….txt`). */
  readonly byName: ReadonlyMap<string, StatedMeta>;
  /** Why the file was not used, or null when it was fine or absent. */
  readonly problem: string | null;
}

const NONE: SourcesFile = { byName: new Map(), problem: null };

/**
 * The facts stated by `dir/sources.json`; an absent file states nothing.
 *
 * @example readSourcesFile('seeds') → byName.get('004_684b3eebdcbad4b5.txt') = { outlet: …, published: '2014-01-14', … }
 */
export async function readSourcesFile(dir: string): Promise<SourcesFile> {
  let text: string;
  try {
    text = await readFile(join(dir, SOURCES_FILE), 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return NONE;
    return { byName: new Map(), problem: `unreadable (${(error as { code?: string }).code ?? 'error'}); its facts were not used` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { byName: new Map(), problem: `not valid JSON (${(error as Error).message}); its facts were not used` };
  }
  const parsed = schema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'top level';
    return { byName: new Map(), problem: `not in the expected form at ${where}: ${issue ? explain(issue) : 'invalid'}; its facts were not used` };
  }
  const byName = new Map<string, StatedMeta>();
  for (const [name, facts] of Object.entries(parsed.data.articles)) {
    // Only keys the file actually has: absent means "not stated", null means "stated unknown".
    const stated = Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
    byName.set(name, stated as StatedMeta);
  }
  return { byName, problem: null };
}

/**
 * What is wrong, in words: zod's mini build (the one loaded at start, see src/config.ts) says
 * only "Invalid input", so the expected type and the one found are named here.
 *
 * @example explain({ code: 'invalid_type', expected: 'string', input: 42, … }) === 'expected string, received number'
 */
function explain(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const input = issue.input;
  const received = input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
  return `expected ${issue.expected}, received ${received}`;
}
