/**
 * Which id each scanned file is stored under. A file's id is its path relative to the folder
 * ingested (scan.ts), and ids already given stay as they are: a file indexed before keeps its
 * id whichever folder it is ingested from now. Only when another folder's file already holds
 * the id (and is still there) does a new file take its folder's name in front: two folders of
 * `001.txt` become `001` and `politics/001` (or `politics-3fa2/001` when that is taken too),
 * instead of the second overwriting the first. A holder whose file is gone gives way: a folder
 * that was moved keeps its ids.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Fingerprint, FingerprintQuery } from '../core/ports/store.ts';
import type { ArticleFile, ScanResult } from './scan.ts';

/**
 * The scans with each file's id settled against what the store holds and the other scans.
 *
 * @example assignIds([scan of /data/b with 001.txt], fingerprints where '001' is /data/a/001.txt)
 *   → the file of /data/b gets id 'b/001'
 */
export function assignIds(scans: readonly ScanResult[], fingerprints: ReadonlyMap<string, Fingerprint>): ScanResult[] {
  const byPath = new Map<string, string>();
  for (const fingerprint of fingerprints.values()) byPath.set(fingerprint.path, fingerprint.id);
  // Ids given in this run, to the file that has them.
  const given = new Map<string, string>();
  const holderElsewhere = (id: string, file: ArticleFile): boolean => {
    const taken = given.get(id);
    if (taken !== undefined) return taken !== file.path;
    const holder = fingerprints.get(id);
    if (!holder || holder.path === file.path || holder.status === 'removed') return false;
    return existsSync(holder.path);
  };
  return scans.map((scan) => ({
    ...scan,
    files: scan.files.map((file) => {
      let id = byPath.get(file.path) ?? file.id;
      if (!byPath.has(file.path) && holderElsewhere(id, file)) {
        const [, inFolder, hashed] = candidateIds(scan, file);
        id = inFolder;
        if (holderElsewhere(id, file)) id = hashed;
      }
      given.set(id, file.path);
      return id === file.id ? file : { ...file, id };
    }),
  }));
}

/**
 * The fingerprints `assignIds` reads for these scans: of every id a file may take, of its
 * path, and of every id ingested from a scanned folder before (to see which files are gone).
 */
export function fingerprintQuery(scans: readonly ScanResult[]): FingerprintQuery {
  const files = scans.flatMap((scan) => scan.files.map((file) => ({ scan, file })));
  return {
    ids: files.flatMap(({ scan, file }) => candidateIds(scan, file)),
    paths: files.map(({ file }) => file.path),
    roots: scans.filter((scan) => scan.kind === 'folder').map((scan) => scan.root),
  };
}

/** The ids a file may take, in order of preference: its own, under its folder's name, and that with a hash. */
function candidateIds(scan: ScanResult, file: ArticleFile): [string, string, string] {
  const folder = folderLabel(scan.kind === 'file' ? dirname(scan.root) : scan.root);
  return [file.id, `${folder}/${file.id}`, `${folder}-${shortHash(scan.root)}/${file.id}`];
}

function folderLabel(root: string): string {
  return (
    basename(root)
      .replace(/\.[^.]+$/, '')
      .replace(/[^\w.-]+/g, '-') || 'folder'
  );
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 4);
}
