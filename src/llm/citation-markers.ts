/**
 * The citation markers the writer is asked to end each sentence with: "[1]", "[1][3]",
 * "[1, 3]", "[2-4]". Parsed out of the sentence, so the checker and the renderers work with
 * the plain text and a list of passage numbers.
 */

const MARKER = /\s*\[(\d{1,3}(?:\s*(?:,|;|-|–)\s*\d{1,3})*)\]/g;
const MAX_RANGE = 20;

function numbersIn(inside: string): number[] {
  const out: number[] = [];
  for (const part of inside.split(/\s*[,;]\s*/)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      for (let n = from; n <= to && n - from < MAX_RANGE; n++) out.push(n);
    } else if (/^\d+$/.test(part)) {
      out.push(Number(part));
    }
  }
  return out;
}

export interface CitedText {
  /** The sentence without its markers. */
  readonly text: string;
  /** Passage numbers in the order first cited, each once. */
  readonly cites: readonly number[];
}

/**
 * Separates a written sentence from its citation markers.
 * @example parseCitations('Acme denied it [1][3].') // { text: 'Acme denied it.', cites: [1, 3] }
 * @example parseCitations('Acme denied it. [2, 4]') // { text: 'Acme denied it.', cites: [2, 4] }
 */
export function parseCitations(sentence: string): CitedText {
  const cites: number[] = [];
  const text = sentence
    .replace(MARKER, (_match, inside: string) => {
      for (const n of numbersIn(inside)) if (!cites.includes(n)) cites.push(n);
      return '';
    })
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, cites };
}
