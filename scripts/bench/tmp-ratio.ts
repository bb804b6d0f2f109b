import Database from 'better-sqlite3';
import { brotliCompressSync, brotliDecompressSync, deflateRawSync, inflateRawSync, constants } from 'node:zlib';
const db = new Database('/tmp/t13g/base.db', { readonly: true });
const texts = db.prepare('SELECT clean_text FROM articles WHERE clean_text IS NOT NULL LIMIT 3000').pluck().all() as string[];
const raw = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
for (const [name, fn, un] of [
  ['deflate6', (b: Buffer) => deflateRawSync(b, { level: 6 }), inflateRawSync],
  ['deflate9', (b: Buffer) => deflateRawSync(b, { level: 9 }), inflateRawSync],
  ...[4, 5, 6, 9, 11].map((q) => [
    `brotli${q}`,
    (b: Buffer) =>
      brotliCompressSync(b, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: q,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: b.length,
        },
      }),
    brotliDecompressSync,
  ]),
] as [string, (b: Buffer) => Buffer, (b: Buffer) => Buffer][]) {
  let t = performance.now();
  const packed = texts.map((x) => fn(Buffer.from(x)));
  const ct = (performance.now() - t) / texts.length;
  t = performance.now();
  for (const p of packed) un(p).toString();
  const dt = (performance.now() - t) / texts.length;
  console.log(name, (packed.reduce((n, p) => n + p.length, 0) / raw).toFixed(3), `compress ${(ct * 1000).toFixed(0)}us decompress ${(dt * 1000).toFixed(0)}us`);
}
