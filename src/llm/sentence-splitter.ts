/**
 * Cuts streamed model text into sentences as soon as each is complete, so a checked sentence
 * can be shown while the rest is still being written. A sentence ends at terminal punctuation
 * (with any citation markers after it) followed by the start of another sentence, at citation
 * markers followed by a capital, or at a line break. The start of the next sentence must have
 * arrived before a boundary is trusted: "U.S. officials" is not two sentences.
 */

const MARKERS = String.raw`(?:\s*\[\d[\d,;\s–-]*\])`;
const STARTS = String.raw`[\p{Lu}\p{N}"“‘'(*•-]`;
const BOUNDARY = new RegExp(String.raw`[.!?…]["'”’)]*(?<after>${MARKERS}*)\s+(?=${STARTS})|(?<=\])\s+(?=[\p{Lu}"“‘])|\n+(?=\s*[^\s\[])`, 'gu');

// Abbreviations after which a full stop does not end a sentence, unless citation markers
// follow; a list number ("1.") does not end one either.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st prof sen rep gov gen lt col sgt capt jr sr inc ltd co corp vs no nos fig approx dept est jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);

function endsWithAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word)) return true; // "U.S", "J" (an initial)
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^[("“‘']+/, ''));
}

/** Removes list bullets, heading marks and bold/italic asterisks a model may add. */
function tidy(sentence: string): string {
  return sentence
    .replace(/^\s*(?:[-*•]|#{1,6}|\d{1,2}[.)])\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SentenceSplitter {
  /** Adds streamed text; returns the sentences it completed. */
  push(text: string): string[];
  /** Ends the stream; returns what is left as a last sentence, if anything. */
  flush(): string[];
}

/**
 * @example
 *   const split = createSentenceSplitter();
 *   split.push('Acme denied it [1]. The U.S. disagr') // ['Acme denied it [1].']
 *   split.push('eed [2].')                             // []
 *   split.flush()                                       // ['The U.S. disagreed [2].']
 */
export function createSentenceSplitter(): SentenceSplitter {
  let buffer = '';

  function take(): string[] {
    const out: string[] = [];
    let start = 0;
    BOUNDARY.lastIndex = 0;
    for (let match = BOUNDARY.exec(buffer); match; match = BOUNDARY.exec(buffer)) {
      const isStop = /^[.!?…]/.test(match[0]);
      const hasMarkers = Boolean(match.groups?.['after']);
      const before = buffer.slice(start, match.index);
      if (isStop && match[0][0] === '.' && !hasMarkers && (endsWithAbbreviation(before) || /^\s*\d{1,2}$/.test(before))) continue;
      const end = isStop ? match.index + match[0].trimEnd().length : match.index;
      const sentence = tidy(buffer.slice(start, end));
      if (sentence) out.push(sentence);
      start = match.index + match[0].length;
    }
    buffer = buffer.slice(start);
    return out;
  }

  return {
    push(text) {
      buffer += text;
      return take();
    },
    flush() {
      const out = take();
      const last = tidy(buffer);
      buffer = '';
      return last ? [...out, last] : out;
    },
  };
}
