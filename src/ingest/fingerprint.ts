/**
 * Hashes that let ingest skip work. The fingerprint covers everything that can change what is
 * stored for a file (its bytes, the facts stated beside it, the analysis version), so equal
 * fingerprints mean nothing to do. The text hash finds exact duplicates under other ids.
 */
import { createHash } from 'node:crypto';
import type { StatedMeta } from '../core/article.ts';

/** Stated facts in a fixed key order, so the same facts always hash the same. */
function canonicalFacts(stated: StatedMeta): string {
  const keys = Object.keys(stated).sort() as (keyof StatedMeta)[];
  return JSON.stringify(keys.map((key) => [key, stated[key] ?? null]));
}

/**
 * The fingerprint of a file as read: hex SHA-256 of version, stated facts and raw bytes.
 *
 * @example fileFingerprint(Buffer.from('Title\n\nBody.'), { outlet: null }, 1) → '3f1c…' (64 hex digits)
 */
export function fileFingerprint(bytes: Uint8Array, stated: StatedMeta, analysisVersion: number): string {
  return createHash('sha256')
    .update(`briefbot/${analysisVersion}\u0000${canonicalFacts(stated)}\u0000`)
    .update(bytes)
    .digest('hex');
}

/**
 * The hash that makes two files exact duplicates: the same decoded text (line endings
 * aside) and the same stated facts. Facts count, so one wire story carried by two outlets
 * stays two articles.
 *
 * @example textFingerprint('A\r\nB', {}) === textFingerprint('A\nB', {})
 */
export function textFingerprint(text: string, stated: StatedMeta): string {
  return createHash('sha256')
    .update(`${canonicalFacts(stated)}\u0000`)
    .update(text.replace(/\r\n?/g, '\n'))
    .digest('hex');
}
