/**
 * Which line is the headline. The headline sits in the lead: the short lines above the first
 * paragraph of prose. Usually it is the first of them; when the lead also carries a picture
 * (a credit line, or a line that describes an image), the line that the opening paragraphs
 * echo is the headline and the other is the picture's caption.
 */
import type { SetAsideReason } from '../article.ts';
import { PICTURE_WORDS } from './caption.ts';
import { endsWithFullStop, isProse } from './shape.ts';
import type { Unit } from './units.ts';
import { contentWords, echoed, wordCount } from './words.ts';

export interface TitleChoice {
  /** Index of the headline in the units, or null when the file has none. */
  readonly index: number | null;
  /** Lead lines above the headline that are not content, with the reason. */
  readonly setAside: readonly { readonly index: number; readonly reason: SetAsideReason }[];
}

/** How much of the opening paragraphs a headline is compared with. */
const LEDE_WINDOW = 1000;

/** A lead line that could be a headline: short, not a list item, not a full sentence. */
function couldBeHeadline(unit: Unit): boolean {
  if (unit.bullet || unit.image || unit.heading > 1) return false;
  return unit.text.length <= 160 && wordCount(unit.text) <= 25 && !endsWithFullStop(unit.text);
}

/**
 * The first candidate, unless it is a section label ("World news", "Kicker") directly above
 * a longer line: then that line.
 */
function firstHeadline(units: readonly Unit[], candidates: readonly number[]): number {
  const [first, second] = candidates;
  if (second === undefined || second !== first! + 1) return first!;
  const label = units[first!]!.text;
  const isLabel = wordCount(label) <= 2 && label.length <= 25;
  return isLabel && wordCount(units[second]!.text) >= 4 ? second : first!;
}

/**
 * Chooses the headline among the units. `pictureInLead` says a credit line was set aside
 * above the first paragraph, so one of the lead lines may be that picture's caption.
 *
 * Example: ["Acme logo in a server room", "Acme offers to sign deal", "Acme has said it
 * would sign a deal …"] with a credit in the lead → index 1; index 0 set aside as a caption.
 */
export function chooseTitle(units: readonly Unit[], pictureInLead: boolean): TitleChoice {
  let leadEnd = units.findIndex((unit) => isProse(unit.text) || unit.bullet);
  if (leadEnd === -1) leadEnd = units.length;
  const candidates: number[] = [];
  for (let i = 0; i < leadEnd; i++) if (couldBeHeadline(units[i]!)) candidates.push(i);
  if (candidates.length === 0) return { index: null, setAside: [] };

  let index = candidates.find((i) => units[i]!.heading === 1) ?? firstHeadline(units, candidates);
  const pictured = candidates.some((i) => PICTURE_WORDS.test(units[i]!.text));
  if (units[index]!.heading !== 1 && candidates.length > 1 && (pictureInLead || pictured)) {
    const lede = contentWords(
      units
        .slice(leadEnd, leadEnd + 2)
        .map((u) => u.text)
        .join(' ')
        .slice(0, LEDE_WINDOW),
    );
    let best = -Infinity;
    for (const i of candidates) {
      const text = units[i]!.text;
      const score = echoed(text, lede) - (PICTURE_WORDS.test(text) ? 0.5 : 0);
      if (score > best) {
        best = score;
        index = i;
      }
    }
  }
  const setAside = [];
  for (let i = 0; i < index; i++) {
    // A line or two of labels ("Technology", "World news") or a picture's description.
    const reason: SetAsideReason = wordCount(units[i]!.text) <= 3 && !PICTURE_WORDS.test(units[i]!.text) ? 'site-furniture' : 'caption';
    setAside.push({ index: i, reason });
  }
  return { index, setAside };
}
