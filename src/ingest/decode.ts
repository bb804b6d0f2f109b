/**
 * Bytes to text for article files: UTF-8 (with or without a byte-order mark), UTF-16 with a
 * byte-order mark, and otherwise Windows-1252 (the superset of Latin-1 that old newsroom
 * files use). Binary content is refused with a reason rather than decoded into noise.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeFailure = 'nul-bytes' | 'control-characters';

/** The bytes are not text. `message` says why, for a report naming the file. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';

  constructor(
    readonly reason: DecodeFailure,
    message: string,
  ) {
    super(message);
  }
}

/** More than this share of control characters and the content is binary, not text. */
const MAX_CONTROL_SHARE = 0.01;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { ignoreBOM: true });
const UTF16BE = new TextDecoder('utf-16be', { ignoreBOM: true });
const WINDOWS_1252 = new TextDecoder('windows-1252');

/**
 * Windows-1252's characters for bytes 0x80–0x9F (WHATWG index; five bytes stay C1 codes).
 * Node 20.18.3+ decodes 'windows-1252' as Latin-1, leaving these as control characters
 * (nodejs/node#60888), so they are mapped here whichever way the runtime behaves.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\u0080-\u009f]/g;

function decodeWindows1252(bytes: Uint8Array): string {
  return WINDOWS_1252.decode(bytes).replace(C1, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

/** Which byte-order mark the bytes start with, and its length. */
function byteOrderMark(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/** Counts C0 and C1 control characters other than tab, line breaks and form feed. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || (code >= 0x7f && code <= 0x9f)) {
      controls++;
    }
  }
  return controls / text.length;
}

function decodeWith(encoding: TextEncoding, bytes: Uint8Array): string {
  switch (encoding) {
    case 'utf-8':
      return UTF8.decode(bytes);
    case 'utf-16le':
      return UTF16LE.decode(bytes);
    case 'utf-16be':
      return UTF16BE.decode(bytes);
    case 'windows-1252':
      return decodeWindows1252(bytes);
  }
}

/** Detects the encoding of bytes without a byte-order mark. */
function sniff(bytes: Uint8Array): TextEncoding {
  try {
    UTF8.decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Decodes an article file's bytes, detecting the encoding, dropping a byte-order mark and
 * normalising line endings (\r\n and \r) to \n. Throws a `DecodeError` for binary content:
 * NUL bytes outside UTF-16, or more than 1% control characters.
 *
 * Examples: bytes of "Caf\xe9\r\n" → { text: 'Café\n', encoding: 'windows-1252' };
 * EF BB BF 48 69 → { text: 'Hi', encoding: 'utf-8' }; a PNG → DecodeError('nul-bytes').
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const mark = byteOrderMark(bytes);
  const body = mark ? bytes.subarray(mark.length) : bytes;
  const utf16 = mark?.encoding === 'utf-16le' || mark?.encoding === 'utf-16be';
  if (!utf16 && hasNul(body)) {
    throw new DecodeError('nul-bytes', 'binary content: the file contains NUL bytes and is not UTF-16 with a byte-order mark');
  }
  const encoding = mark?.encoding ?? sniff(body);
  let text: string;
  try {
    text = decodeWith(encoding, body);
  } catch {
    // A UTF-8 byte-order mark on bytes that are not UTF-8: the mark lied, read them as 1252.
    text = decodeWith('windows-1252', body);
    return finish(text, 'windows-1252');
  }
  return finish(text, encoding);
}

function finish(raw: string, encoding: TextEncoding): { text: string; encoding: TextEncoding } {
  const share = controlShare(raw);
  if (share > MAX_CONTROL_SHARE) {
    throw new DecodeError('control-characters', `binary content: ${(share * 100).toFixed(1)}% of the characters are control characters (text has almost none)`);
  }
  return { text: raw.replace(/\r\n?/g, '\n'), encoding };
}
