/*
 * Text whose UTF-8 was read as Latin-1 or Windows-1252 on its way here ("FranÃ§ois" for
 * "François", "â€™" for "’"), sometimes twice. Repaired only when the whole text reads back
 * as valid UTF-8 that way, so text that merely holds accented letters is never touched.
 */

// Windows-1252's letters and marks in 0x80–0x9F, by the byte each stands for.
const CP1252: ReadonlyMap<string, number> = new Map([
  ['€', 0x80],
  ['‚', 0x82],
  ['ƒ', 0x83],
  ['„', 0x84],
  ['…', 0x85],
  ['†', 0x86],
  ['‡', 0x87],
  ['ˆ', 0x88],
  ['‰', 0x89],
  ['Š', 0x8a],
  ['‹', 0x8b],
  ['Œ', 0x8c],
  ['Ž', 0x8e],
  ['‘', 0x91],
  ['’', 0x92],
  ['“', 0x93],
  ['”', 0x94],
  ['•', 0x95],
  ['–', 0x96],
  ['—', 0x97],
  ['˜', 0x98],
  ['™', 0x99],
  ['š', 0x9a],
  ['›', 0x9b],
  ['œ', 0x9c],
  ['ž', 0x9e],
  ['Ÿ', 0x9f],
] as const);

// A UTF-8 lead byte read as a letter, then a continuation byte read as a mark or a letter.
const MISREAD = /[\u00C2-\u00F4][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/u;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text's characters as the single bytes they were read from, or null when one is no such byte. */
function misreadBytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code <= 0xff ? code : CP1252.get(text[i] as string);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}

/**
 * Undoes UTF-8 read as a single-byte encoding, up to twice over; the text unchanged when it
 * shows no such misreading or does not decode whole. Example: "FranÃ§ois Hollande said" →
 * "François Hollande said"; "café" stays "café".
 */
export function repairMojibake(text: string): string {
  // Combining marks after a misread letter ("A" + U+0303 for "Ã") are composed first.
  let current = text.normalize('NFC');
  if (!MISREAD.test(current)) return text;
  for (let round = 0; round < 2 && MISREAD.test(current); round++) {
    const bytes = misreadBytes(current);
    if (!bytes) break;
    try {
      current = STRICT_UTF8.decode(bytes);
    } catch {
      break;
    }
  }
  return current === text.normalize('NFC') ? text : current;
}
