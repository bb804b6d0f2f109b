/**
 * Cleaning: from an article file's text to its headline, standfirst, paragraphs and
 * cross-heads, with every line that is not content set aside with its reason. Pure and
 * general: the rules describe kinds of page furniture, never a particular site.
 */
import type { CleanArticle, SetAside } from '../article.ts';
import { buildBlocks } from './blocks.ts';
import { judgeLines } from './boilerplate.ts';
import { findClosing } from './closing.ts';
import { splitDatelinePrefix } from './dateline.ts';
import { splitLines } from './lines.ts';
import { makeTitle } from './made-title.ts';
import { repairMojibake } from './mojibake.ts';
import { isProse } from './shape.ts';
import { chooseTitle } from './title.ts';
import { joinParagraphs, type Unit } from './units.ts';

export { makeTitle, MAX_TITLE_LENGTH } from './made-title.ts';
export { normaliseDate } from './iso-date.ts';

export interface CleanOptions {
  /** Source line number of the text's first line, when front matter was cut off above it. */
  readonly firstLine?: number;
}

/** How many opening paragraphs may carry a wire dateline ("LONDON (Reuters) - …"). */
const DATELINE_PREFIX_REACH = 2;

/**
 * Cleans one article's text. Never drops content silently: every line that does not reach
 * `text` is in `setAside` with its line number and reason, or is the headline.
 *
 * Example: "Minister quits\n\nPUBLISHED : Tuesday, 14 January, 2014, 2:11am\n\nThe minister
 * resigned on Monday.\n\nAdvertisement" → title 'Minister quits', one paragraph, dateline
 * published '2014-01-14T02:11', and two lines set aside (dateline, advert).
 */
export function cleanArticle(text: string, options: CleanOptions = {}): CleanArticle {
  const lines = splitLines(repairMojibake(text), options.firstLine ?? 1);
  const verdicts = judgeLines(lines);
  const setAside: SetAside[] = [];
  let published: string | null = null;
  let updated: string | null = null;
  let byline: string | null = null;
  lines.forEach((line, i) => {
    const verdict = verdicts[i]!;
    if (verdict.reason === null) return;
    setAside.push({ line: line.line, text: line.text, reason: verdict.reason });
    published ??= verdict.dateline?.published ?? null;
    updated ??= verdict.dateline?.updated ?? null;
    if (verdict.byline) byline ??= verdict.byline;
  });

  const units = joinParagraphs(
    lines,
    verdicts.map((v) => v.reason === null),
  );
  const firstProse = units.find((unit) => isProse(unit.text))?.line ?? Infinity;
  const pictureInLead = lines.some((line, i) => verdicts[i]!.reason === 'credit' && line.line < firstProse);
  const choice = chooseTitle(units, pictureInLead);
  for (const { index, reason } of choice.setAside) {
    setAside.push({ line: units[index]!.line, text: units[index]!.text, reason });
  }

  const body: Unit[] = units.slice(choice.index === null ? 0 : choice.index + 1);
  for (let i = 0; i < Math.min(DATELINE_PREFIX_REACH, body.length); i++) {
    const split = splitDatelinePrefix(body[i]!.text);
    if (split === null) continue;
    setAside.push({ line: body[i]!.line, text: split.prefix, reason: 'dateline' });
    body[i] = { ...body[i]!, text: split.rest, strippedPrefix: split.prefix };
    break;
  }
  const closing = findClosing(body, 0);
  for (const [index, reason] of closing) setAside.push({ line: body[index]!.line, text: body[index]!.text, reason });
  const content = body.filter((_, i) => !closing.has(i));

  const { text: clean, blocks } = buildBlocks(content, choice.index !== null);
  const headline = choice.index === null ? null : units[choice.index]!.text;
  return {
    title: headline ?? makeTitle(content[0]?.text ?? ''),
    titleMade: headline === null,
    text: clean,
    blocks,
    setAside: setAside.sort((a, b) => a.line - b.line),
    dateline: { published, updated },
    byline,
  };
}
