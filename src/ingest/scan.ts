/**
 * Finds the article files under a path: `.txt` and `.md` files, recursively, each with the id
 * it will be stored under (its path relative to the folder ingested, without extension, with
 * forward slashes). Hidden files and folders are not articles; neither are a folder's README,
 * LICENSE or CHANGELOG, which are reported so nothing vanishes silently.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'] as const;

export interface ArticleFile {
  readonly id: string;
  /** Absolute path of the file. */
  readonly path: string;
  /** Absolute path of the folder holding it, where its `sources.json` would be. */
  readonly dir: string;
  readonly name: string;
}

export interface ScanProblem {
  readonly path: string;
  readonly reason: string;
}

export interface ScanResult {
  /** The folder ingested, or the file itself when a single file was given (absolute). */
  readonly root: string;
  readonly kind: 'folder' | 'file' | 'missing';
  readonly files: readonly ArticleFile[];
  readonly problems: readonly ScanProblem[];
  /** True when part of the folder could not be read: its ids must not be taken as removed. */
  readonly incomplete: boolean;
}

const NOT_ARTICLES = /^(readme|license|licence|changelog|contributing)(\.|$)/i;

/**
 * Lists the article files under `target`, sorted by id.
 *
 * @example scanPath('corpus') → files with ids 'business/001', 'politics/001', …
 * @example scanPath('seeds/000_027e3a3643333b23.txt') → one file with id '000_027e3a3643333b23'
 */
export async function scanPath(target: string): Promise<ScanResult> {
  const root = resolve(target);
  let info: Stats;
  try {
    info = await stat(root);
  } catch (error) {
    return { root, kind: 'missing', files: [], problems: [{ path: target, reason: fsReason(error) }], incomplete: true };
  }
  if (info.isFile()) {
    if (!isArticleName(basename(root))) {
      return { root, kind: 'file', files: [], problems: [{ path: target, reason: 'not a .txt or .md file' }], incomplete: false };
    }
    return { root, kind: 'file', files: [fileEntry(root, basename(root))], problems: [], incomplete: false };
  }
  if (!info.isDirectory()) {
    return { root, kind: 'missing', files: [], problems: [{ path: target, reason: 'not a file or folder' }], incomplete: true };
  }
  const files: ArticleFile[] = [];
  const problems: ScanProblem[] = [];
  const incomplete = await walk(root, root, files, problems);
  return { root, kind: 'folder', files: uniqueIds(files, problems), problems, incomplete };
}

async function walk(root: string, dir: string, files: ArticleFile[], problems: ScanProblem[]): Promise<boolean> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: dir, reason: `folder ${fsReason(error)}` });
    return true;
  }
  let incomplete = false;
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Followed to files only: a link to a folder could loop back on the walk.
      const target = await stat(path).catch(() => null);
      isFile = target?.isFile() ?? false;
      isDir = false;
      if (!target) problems.push({ path, reason: 'broken symbolic link' });
    }
    if (isDir) {
      incomplete = (await walk(root, path, files, problems)) || incomplete;
    } else if (isFile && isArticleName(entry.name)) {
      if (NOT_ARTICLES.test(entry.name)) problems.push({ path, reason: 'a folder README or licence, not an article' });
      else files.push(fileEntry(path, relative(root, path)));
    }
  }
  return incomplete;
}

function isArticleName(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

function fileEntry(path: string, relativePath: string): ArticleFile {
  const withoutExtension = relativePath.slice(0, relativePath.length - extname(relativePath).length);
  return {
    id: withoutExtension.split(sep).join('/'),
    path,
    dir: resolve(path, '..'),
    name: basename(path),
  };
}

/** `a.txt` and `a.md` would share an id: the first (by name) wins, the other is reported. */
function uniqueIds(files: ArticleFile[], problems: ScanProblem[]): ArticleFile[] {
  const sorted = [...files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.name < b.name ? -1 : 1));
  const byId = new Map<string, ArticleFile>();
  for (const file of sorted) {
    const first = byId.get(file.id);
    if (first) problems.push({ path: file.path, reason: `same id "${file.id}" as ${first.name}, which was ingested instead` });
    else byId.set(file.id, file);
  }
  return [...byId.values()];
}

/** A short reason for a file-system error: "not found", "permission denied". */
export function fsReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'not found';
    case 'EACCES':
    case 'EPERM':
      return 'unreadable: permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return `unreadable: ${code ?? (error instanceof Error ? error.message : String(error))}`;
  }
}
