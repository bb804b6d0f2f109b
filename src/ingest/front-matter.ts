/**
 * Optional YAML front matter at the very top of an article file, between two `---` lines:
 * the facts a person or a scraper stated about the article. A problem with it is a warning,
 * never an exception: the file is still an article.
 */
import { parse } from 'yaml';
import type { StatedMeta } from '../core/article.ts';
import { normaliseDate } from '../core/clean/iso-date.ts';

export interface FrontMatter {
  /** The text after the front matter (the whole text when there is none or it is broken). */
  readonly body: string;
  readonly meta: StatedMeta;
  readonly warnings: string[];
  /** 1-based line of the file where `body` starts, so line numbers can still name file lines. */
  readonly bodyLine: number;
}

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

type TextKey = 'title' | 'outlet' | 'url' | 'byline';
type DateKey = 'published' | 'updated';

/** Accepted keys, lower-case, and the fact each states. */
const KEYS: Readonly<Record<string, TextKey | DateKey>> = {
  title: 'title',
  headline: 'title',
  outlet: 'outlet',
  publication: 'outlet',
  url: 'url',
  link: 'url',
  published: 'published',
  date: 'published',
  updated: 'updated',
  modified: 'updated',
  byline: 'byline',
  author: 'byline',
  authors: 'byline',
};
const DATE_KEYS: ReadonlySet<string> = new Set(['published', 'updated']);

/** A YAML value as the text of a fact: a list of authors becomes "A, B". */
function asText(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) {
    const parts = value.map(asText).filter((part): part is string => typeof part === 'string');
    return parts.length === 0 ? null : parts.join(', ');
  }
  return undefined;
}

function whole(text: string, warning: string): FrontMatter {
  return { body: text, meta: {}, warnings: [warning], bodyLine: 1 };
}

/**
 * Separates front matter from the body and reads the stated facts. Keys: title, outlet,
 * url, published (or date), updated, byline (or author). Dates become ISO 8601 as precise
 * as stated ('2019-05'). An empty value states the fact as unknown (null).
 *
 * Examples: "---\ntitle: Acme deal\ndate: 14 January 2014\n---\nBody." → { body: 'Body.',
 * meta: { title: 'Acme deal', published: '2014-01-14' } }; "---\ntitle: [oops\n---\nBody."
 * → the whole text as body and a warning; "No front matter." → itself, no warnings.
 */
export function parseFrontMatter(text: string): FrontMatter {
  if (!OPENING.test(text)) return { body: text, meta: {}, warnings: [], bodyLine: 1 };
  const afterOpening = text.slice(text.indexOf('\n') + 1);
  const closing = CLOSING.exec(afterOpening);
  if (closing === null) return whole(text, 'front matter: no closing "---" line; read the whole file as the article');
  const yaml = afterOpening.slice(0, closing.index);
  const rest = afterOpening.slice(closing.index + closing[0].length).replace(/^\n/, '');
  let data: unknown;
  try {
    data = parse(yaml);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return whole(text, `front matter: not valid YAML (${reason}); read the whole file as the article`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return whole(text, 'front matter: not a set of "key: value" lines; read the whole file as the article');
  }

  const meta: { -readonly [K in keyof StatedMeta]: StatedMeta[K] } = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const name = key.toLowerCase();
    if (!Object.hasOwn(KEYS, name)) continue;
    const fact = KEYS[name]!;
    if (meta[fact] !== undefined) continue; // "published" and "date" both given: the first wins
    const stated = asText(value);
    if (stated === undefined) {
      warnings.push(`front matter: "${key}" is not a text value; ignored`);
      continue;
    }
    if (stated !== null && DATE_KEYS.has(fact)) {
      const date = normaliseDate(stated);
      if (date === null) {
        warnings.push(`front matter: "${key}: ${stated}" is not a date with a year; ignored`);
        continue;
      }
      meta[fact] = date;
    } else {
      meta[fact] = stated;
    }
  }
  const bodyLine = text.slice(0, text.length - rest.length).split('\n').length;
  return { body: rest, meta, warnings, bodyLine };
}
