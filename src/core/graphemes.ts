/**
 * Cutting text only where a reader sees a break: between grapheme clusters (what a reader takes
 * for one character: a letter with its accents, an emoji with its skin tone or the people a
 * family emoji joins, a flag), never inside one. So a cut leaves neither half a surrogate pair
 * (which a platform may reject or show as �) nor half an emoji. Clusters are Unicode's, as
 * `Intl.Segmenter` finds them.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Text in which every code unit is a cluster of its own: ASCII without a carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII but CR (CR LF is one cluster); controls included on purpose.
const ONE_UNIT_CLUSTERS = /^[\u0000-\u000C\u000E-\u007F]*$/;

/**
 * The largest cluster boundary at or before `index` (a code-unit offset), 0 at the least.
 *
 * @example boundaryAtOrBefore('a👍🏽b', 2) === 1 // inside the thumbs-up and its skin tone
 */
export function boundaryAtOrBefore(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  if (ONE_UNIT_CLUSTERS.test(text)) return index;
  // A prefix one unit past `index` decides every boundary up to `index`: a break depends only on
  // what precedes it and the unit after it.
  let best = 0;
  for (const { index: start } of segmenter.segment(text.slice(0, index + 1))) {
    if (start > index) break;
    best = start;
  }
  return best;
}

/**
 * Offsets (code units) that fall inside a cluster, where no cut may go, in increasing order.
 *
 * @example insideClusters('e\u0301!') → [1] // between the e and its accent
 */
export function insideClusters(text: string): number[] {
  if (ONE_UNIT_CLUSTERS.test(text)) return [];
  const inside: number[] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    for (let p = index + 1; p < index + segment.length; p++) inside.push(p);
  }
  return inside;
}

/**
 * Text cut to at most `max` code units, ellipsis included, at a cluster boundary; text that
 * fits comes back as it is.
 *
 * @example clipText('Flags 🇬🇧🇫🇷', 9) === 'Flags …' // never half a flag
 * @example clipText('x'.repeat(100), 5) === 'xxxx…'
 */
export function clipText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - ellipsis.length);
  return `${text.slice(0, boundaryAtOrBefore(text, room))}${ellipsis}`;
}
