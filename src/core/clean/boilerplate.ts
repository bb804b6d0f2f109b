/**
 * The line-by-line pass: which lines are not article content, and why. Each line is judged
 * on its own words, with two pieces of context: a newsletter prompt can run on to a second
 * promotional line, and a "Related articles" header is followed by its links.
 */
import type { SetAsideReason } from '../article.ts';
import { readByline } from './byline.ts';
import { classifyCaption } from './caption.ts';
import { hasDatelineKeyword, readDateline, type DatelineFacts } from './dateline.ts';
import { classifyFurniture, isLinkLike, isRelatedHeader } from './furniture.ts';
import type { SourceLine } from './lines.ts';
import { continuesNewsletterPrompt, isNewsletterPrompt } from './newsletter.ts';
import { isProse } from './shape.ts';

/** What the pass decided about one line. */
export interface LineVerdict {
  readonly reason: SetAsideReason | null;
  readonly dateline?: DatelineFacts;
  readonly byline?: string;
}

const KEEP: LineVerdict = { reason: null };

// Labels printed on a line of their own, with what they label on the next line.
const BARE_CAPTION_LABEL = /^(?:image|media|video|photo|picture) caption[\s,:]*$/i;
const BARE_DATE_LABEL = /^(?:first |last |originally )?(?:published|updated|posted|modified)(?: on)?[\s:]*$/i;

/** Judges one line on its own words. */
function judge(line: SourceLine): LineVerdict {
  const { text } = line;
  if (line.image) return { reason: 'caption' };
  if (BARE_DATE_LABEL.test(text)) return { reason: 'dateline', dateline: {} };
  const dateline = readDateline(text);
  if (dateline) return { reason: 'dateline', dateline };
  const withDate = bylineWithDate(text);
  if (withDate !== null) return withDate;
  const byline = readByline(text);
  if (byline !== null) return { reason: 'byline', byline };
  const caption = classifyCaption(text);
  if (caption) return { reason: caption };
  if (isNewsletterPrompt(text)) return { reason: 'newsletter' };
  const furniture = classifyFurniture(text);
  if (furniture) return { reason: furniture };
  return KEEP;
}

/** "By Jane Smith | 14 January 2014": a byline and a dateline on one line. */
function bylineWithDate(text: string): LineVerdict | null {
  const parts = text.split(/\s+[|•·]\s+/);
  if (parts.length < 2 || text.length > 140) return null;
  let byline: string | null = null;
  let dateline: DatelineFacts = {};
  for (const part of parts) {
    const name = readByline(part);
    if (name !== null) {
      byline = name;
      continue;
    }
    const facts = readDateline(part);
    if (facts === null) return null;
    dateline = { ...dateline, ...facts };
  }
  return byline === null ? null : { reason: 'byline', byline, dateline };
}

/**
 * A date alone on its line between two paragraphs of the story is an entry of a timeline
 * or a fixture list, not the article's dateline: it stays content.
 */
function keepDatesInsideTheStory(lines: readonly SourceLine[], verdicts: LineVerdict[]): void {
  const first = lines.findIndex((line) => isProse(line.text));
  if (first === -1) return;
  let last = first;
  for (let i = lines.length - 1; i > first; i--) {
    if (isProse(lines[i]!.text)) {
      last = i;
      break;
    }
  }
  for (let i = first + 1; i < last; i++) {
    if (verdicts[i]!.reason === 'dateline' && !hasDatelineKeyword(lines[i]!.text)) verdicts[i] = KEEP;
  }
}

/**
 * Judges every line. The result is aligned with `lines`.
 *
 * Example: ["Title", "Credit: PA", "Body …", "Related articles", "- Other story"] →
 * [keep, credit, keep, site-furniture, related-links].
 */
export function judgeLines(lines: readonly SourceLine[]): LineVerdict[] {
  const verdicts = lines.map(judge);
  keepDatesInsideTheStory(lines, verdicts);
  for (let i = 0; i < lines.length; i++) {
    const verdict = verdicts[i]!;
    if (verdict.reason === 'newsletter') {
      // A box's second line ("Get the latest deals and news!") reads as promotion only next to it.
      for (let j = i + 1; j < Math.min(i + 3, lines.length); j++) {
        if (verdicts[j]!.reason !== null) break;
        if (!continuesNewsletterPrompt(lines[j]!.text)) break;
        verdicts[j] = { reason: 'newsletter' };
      }
    } else if (verdict.reason === 'caption' && BARE_CAPTION_LABEL.test(lines[i]!.text)) {
      // "Image caption," alone: the caption itself is on the next line.
      const next = lines[i + 1];
      if (next !== undefined && verdicts[i + 1]!.reason === null && next.text.length <= 250) verdicts[i + 1] = { reason: 'caption' };
    } else if (verdict.reason === 'dateline' && BARE_DATE_LABEL.test(lines[i]!.text)) {
      // "Published" alone: the date is on the next line ("3 hours ago", "14 January 2014").
      const next = lines[i + 1];
      const facts = next === undefined ? null : readDateline(`${lines[i]!.text.replace(/[\s:]+$/, '')}: ${next.text}`);
      if (facts !== null && verdicts[i + 1]!.reason === null) verdicts[i + 1] = { reason: 'dateline', dateline: facts };
    } else if (verdict.reason === 'site-furniture' && isRelatedHeader(lines[i]!.text)) {
      // The links under a "Related" header: headline-like lines up to the next prose.
      for (let j = i + 1; j < Math.min(i + 13, lines.length); j++) {
        const next = lines[j]!;
        if (verdicts[j]!.reason !== null) continue;
        if (!isLinkLike(next.text)) break;
        verdicts[j] = { reason: 'related-links' };
      }
    }
  }
  return verdicts;
}
