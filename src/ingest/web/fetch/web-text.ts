/**
 * A fetched body as text, in the encoding it declares: the Content-Type charset, else a
 * byte-order mark, else `<meta charset>` or the XML declaration in the first kilobyte, else
 * the file decoder's rule (UTF-8, falling back to Windows-1252). A page in Shift_JIS, KOI8-R
 * or ISO-8859-2 reads as its author wrote it.
 */
import { decodeText, DecodeError } from '../../decode.ts';

export type WebText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Labels the WHATWG Encoding Standard decodes as Windows-1252, or that the file decoder handles. */
const FILE_DECODER_LABELS = new Set([
  'utf-8',
  'utf8',
  'unicode-1-1-utf-8',
  'windows-1252',
  'cp1252',
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'x-cp1252',
]);

/**
 * @example webText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/html; charset=iso-8859-1') → { ok: true, text: 'café' }
 */
export function webText(body: Buffer, contentType: string | null): WebText {
  const label = charsetOf(contentType) ?? (hasBom(body) ? null : declaredInside(body));
  try {
    if (label !== null && !FILE_DECODER_LABELS.has(label)) {
      try {
        return { ok: true, text: new TextDecoder(label).decode(body) };
      } catch (error) {
        // An unknown label: fall through to the file decoder's guess.
        if (!(error instanceof RangeError)) throw error;
      }
    }
    return { ok: true, text: decodeText(body).text };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, reason: `not text: ${error.message}` };
    throw error;
  }
}

function charsetOf(contentType: string | null): string | null {
  const match = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return match ? match[1]!.toLowerCase() : null;
}

function hasBom(body: Buffer): boolean {
  return (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) || (body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff);
}

/** `<meta charset="…">`, `<meta http-equiv="Content-Type" content="…; charset=…">` or `<?xml … encoding="…"?>`. */
function declaredInside(body: Buffer): string | null {
  const head = body.subarray(0, 1024).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}
