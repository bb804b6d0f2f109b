/**
 * Cutting text only where a reader sees a break: between grapheme clusters (what a reader takes
 * for one character: a letter with its accents, an emoji with its skin tone or the people a
 * family emoji joins, a flag), never inside one. So a cut leaves neither half a surrogate pair
 * (which a platform may reject or show as �) nor half an emoji. Clusters are Unicode's, as
 * `Intl.Segmenter` finds them.
 *
 * The segmenter is only asked about the stretches that need it: in V8 its cost grows faster
 * than the text (a 40,000-character string takes a third of a second), while most of a news
 * text is ASCII, where every character is a cluster of its own.
 */

/** Made on first use: loading the segmenter's data costs a CLI run about ten milliseconds. */
let segmenter: Intl.Segmenter | undefined;

/** Text in which every code unit is a cluster of its own: ASCII without a carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII but CR (CR LF is one cluster); controls included on purpose.
const ONE_UNIT_CLUSTERS = /^[\u0000-\u000C\u000E-\u007F]*$/;

/**
 * The characters that join the one after them into a cluster, even an ASCII one: Unicode's
 * Grapheme_Cluster_Break=Prepend (GraphemeBreakProperty.txt, Unicode 15.1). Nothing else does:
 * an ASCII character never extends what precedes it.
 */
const PREPEND =
  /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]/u;

/** The segmenter's stretches are cut at most this long (a run of text with no ASCII at all). */
const MAX_STRETCH = 2_048;

/** Whether a cluster boundary certainly falls before `text[p]`, without asking the segmenter. */
function certainBoundary(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  const code = text.charCodeAt(p);
  if (code > 0x7f) return false;
  const before = text.charCodeAt(p - 1);
  if (before === 0x0d) return code !== 0x0a;
  if (before < 0x80) return true;
  const start = before >= 0xdc00 && before <= 0xdfff && p >= 2 ? p - 2 : p - 1;
  return !PREPEND.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Cluster starts within text[from, to), as offsets into `text`. */
function clusterStarts(text: string, from: number, to: number): number[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text.slice(from, to)), (segment) => from + segment.index);
}

/**
 * The largest cluster boundary at or before `index` (a code-unit offset), 0 at the least.
 *
 * @example boundaryAtOrBefore('a👍🏽b', 2) === 1 // inside the thumbs-up and its skin tone
 */
export function boundaryAtOrBefore(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  if (certainBoundary(text, index)) return index;
  let from = index - 1;
  while (from > 0 && index - from < MAX_STRETCH && !certainBoundary(text, from)) from--;
  // One code point past `index` decides every boundary up to it (a break depends only on what
  // precedes it and the code point after it; half a pair would read as a lone surrogate).
  const code = text.charCodeAt(index);
  const to = index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
  let best = from;
  for (const start of clusterStarts(text, from, to)) if (start <= index) best = start;
  return best;
}

/**
 * The smallest cluster boundary after `index` (itself a boundary): where the cluster that
 * starts there ends.
 *
 * @example boundaryAfter('👍🏽b', 0) === 4
 */
export function boundaryAfter(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const window = Math.min(text.length, index + 256);
  return clusterStarts(text, index, window).find((start) => start > index) ?? window;
}

/**
 * Offsets (code units) that fall inside a cluster, where no cut may go, in increasing order.
 *
 * @example insideClusters('e\u0301!') → [1] // between the e and its accent
 */
export function insideClusters(text: string): number[] {
  if (ONE_UNIT_CLUSTERS.test(text)) return [];
  const inside: number[] = [];
  let from = 0;
  let p = 1;
  while (from < text.length) {
    while (p < text.length && p - from < MAX_STRETCH && !certainBoundary(text, p)) p++;
    let to = p;
    if (p < text.length && !certainBoundary(text, p)) {
      // A long run with no ASCII: end the stretch at the last cluster start the segmenter sees
      // before `p`, reading a little past it so that start is not a guess.
      const starts = clusterStarts(text, from, Math.min(text.length, p + 64));
      to = starts.filter((start) => start > from && start <= p).at(-1) ?? p;
    }
    // text[from, to) is one ASCII character, or a stretch the segmenter must read.
    if (to - from > 1) {
      const starts = clusterStarts(text, from, to);
      starts.forEach((start, i) => {
        const end = starts[i + 1] ?? to;
        for (let q = start + 1; q < end; q++) inside.push(q);
      });
    }
    from = to;
    p = to + 1;
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
