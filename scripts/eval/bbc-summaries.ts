/**
 * The BBC News Summary data set (Ainedembe-Denis/BBC-News-Summary-ML-DL-Project on GitHub):
 * BBC articles from 2004–05 in five sections, each with a reference summary made of the
 * article's own sentences. Read from a checked-out folder or straight from a git directory
 * without a work tree (what the `fetch` tool leaves), so nothing needs unpacking.
 *
 * Which articles are scored is decided by their names alone: every pair is ordered by the
 * SHA-256 of "section/NNN" (e.g. "business/001"), and a sample is a run of that order. The
 * order mixes the sections and is the same on every machine; disjoint runs give disjoint
 * samples, so a second sample checks what the first one suggested.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { decodeText } from '../../src/ingest/decode.ts';

const ARTICLES = 'dataset/News Articles';
const SUMMARIES = 'dataset/Summaries';

export interface SummaryPair {
  /** "business/001". */
  readonly key: string;
  /** The article file's bytes as published in the data set (title line first). */
  readonly article: Uint8Array;
  /** The reference summary: article sentences run together, often with no space between. */
  readonly summary: string;
}

export interface SampleSpec {
  readonly name: string;
  /** Where the run starts in the hashed order, 0-based. */
  readonly offset: number;
  readonly size: number;
}

/** Why the repository could not be read, for the eval to print. */
export class SummaryRepoError extends Error {
  override readonly name = 'SummaryRepoError';
}

interface Source {
  /** "section/NNN.txt" of every summary. */
  list(): string[];
  read(paths: readonly string[]): Uint8Array[];
}

function folderSource(root: string): Source {
  return {
    list: () =>
      readdirSync(join(root, SUMMARIES), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((section) => readdirSync(join(root, SUMMARIES, section.name)).map((file) => `${section.name}/${file}`)),
    read: (paths) => paths.map((path) => readFileSync(join(root, path))),
  };
}

function git(gitDir: string, args: readonly string[], input?: string): Buffer {
  const run = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { input, maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new SummaryRepoError(`git ${args[0]} failed in ${gitDir}: ${run.stderr?.toString().trim() || run.error?.message}`);
  return run.stdout;
}

/** Blobs read in one `git cat-file --batch`: "<oid> blob <size>\n<bytes>\n" each. */
function gitSource(gitDir: string): Source {
  const blobs = new Map<string, string>();
  for (const line of git(gitDir, ['ls-tree', '-r', 'HEAD', 'dataset/']).toString('utf8').split('\n')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(line);
    if (match) blobs.set(match[2]!, match[1]!);
  }
  return {
    list: () => [...blobs.keys()].filter((path) => path.startsWith(`${SUMMARIES}/`)).map((path) => path.slice(SUMMARIES.length + 1)),
    read: (paths) => {
      const oids = paths.map((path) => blobs.get(path) ?? '');
      const out = git(gitDir, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
      const contents: Uint8Array[] = [];
      let at = 0;
      for (const path of paths) {
        const end = out.indexOf(10, at);
        const header = out.subarray(at, end).toString('utf8');
        const size = Number(/ blob (\d+)$/.exec(header)?.[1]);
        if (!Number.isFinite(size)) throw new SummaryRepoError(`${path} is missing from ${gitDir}`);
        contents.push(out.subarray(end + 1, end + 1 + size));
        at = end + 1 + size + 1;
      }
      return contents;
    },
  };
}

function openSource(repo: string): Source {
  if (existsSync(join(repo, SUMMARIES))) return folderSource(repo);
  if (existsSync(join(repo, 'HEAD')) || existsSync(join(repo, '.git'))) {
    return gitSource(existsSync(join(repo, '.git')) ? join(repo, '.git') : repo);
  }
  throw new SummaryRepoError(`${repo} holds neither ${SUMMARIES}/ nor a git repository`);
}

const order = (key: string): string => createHash('sha256').update(key).digest('hex');

/**
 * The article and reference of each pair in each sample, samples in the order given.
 * @example loadSummarySamples(repo, [{ name: 'A', offset: 0, size: 30 }]) → [{ name: 'A', pairs: [30 pairs] }]
 */
export function loadSummarySamples(repo: string, samples: readonly SampleSpec[]): { spec: SampleSpec; pairs: SummaryPair[] }[] {
  const source = openSource(repo);
  const keys = source
    .list()
    .filter((path) => path.endsWith('.txt'))
    .map((path) => path.slice(0, -'.txt'.length))
    .sort((a, b) => order(a).localeCompare(order(b)));
  if (keys.length === 0) throw new SummaryRepoError(`${repo} has no summaries under ${SUMMARIES}/`);
  return samples.map((spec) => {
    const chosen = keys.slice(spec.offset, spec.offset + spec.size);
    const articles = source.read(chosen.map((key) => `${ARTICLES}/${key}.txt`));
    const summaries = source.read(chosen.map((key) => `${SUMMARIES}/${key}.txt`));
    return {
      spec,
      pairs: chosen.map((key, i) => ({ key, article: articles[i]!, summary: decodeText(summaries[i]!).text.trim() })),
    };
  });
}

/**
 * A reference summary's sentences: its sentences are run together, often with no space, so
 * a sentence ends at . ! or ? before a capital or a quotation mark; a straight quotation
 * mark right after the stop closes the sentence when the sentence has one open, and opens
 * the next otherwise. "Sales rose 2% to $11.1bn.For 2005, it…" → ['Sales rose 2% to $11.1bn.', 'For 2005, it…'].
 */
export function referenceSentences(summary: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const stop of summary.matchAll(/[.!?](?=\s*["“”‘’']?\s*\p{Lu})/gu)) {
    let end = stop.index + 1;
    const quote = /^["”’']/.exec(summary.slice(end));
    const open = (summary.slice(start, end).match(/"/g) ?? []).length % 2 === 1;
    if (quote && (quote[0] !== '"' || open)) end += 1;
    sentences.push(summary.slice(start, end));
    start = end;
  }
  sentences.push(summary.slice(start));
  return sentences.map((s) => s.trim()).filter(Boolean);
}
