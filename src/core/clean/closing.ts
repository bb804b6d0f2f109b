/**
 * What pages append after an article: the writer's bio and a list of links to other
 * stories. Judged from the end of the content backwards, so nothing in the body is ever
 * taken for either.
 */
import type { SetAsideReason } from '../article.ts';
import { isAuthorBio } from './author-bio.ts';
import { isLinkLike } from './furniture.ts';
import { startsLowerCase } from './shape.ts';
import type { Unit } from './units.ts';

/**
 * A list item that reads like a link to another story: a short headline, not a "category -
 * winner" pair or a "name: detail; detail" entry, which are content lists.
 */
function isLinkItem(unit: Unit): boolean {
  if (!unit.bullet) return false;
  const item = unit.text.replace(/^\S+\s+/, '');
  return item.length <= 90 && isLinkLike(item) && !startsLowerCase(item) && !/\s[-–—]\s|;/.test(item);
}

// Related-link boxes hold a handful of stories; a longer list is the article's own.
const MAX_LINKS = 8;

/**
 * Indices of closing units that are not content: a bio as the last paragraph, and a short
 * run of link-like list items that ends the article (not introduced by a colon, which
 * would make it the article's own list).
 *
 * Example: [..., "Meanwhile the firm stays confident.", "- The pro's guide to 4G",
 * "- The top 4G phones", "Fiona writes about markets and …"] → the last three.
 */
export function findClosing(units: readonly Unit[], first: number): Map<number, SetAsideReason> {
  const found = new Map<number, SetAsideReason>();
  let end = units.length - 1;
  for (let changed = true; changed && end > first; ) {
    changed = false;
    if (isAuthorBio(units[end]!.text)) {
      found.set(end, 'author-bio');
      end--;
      changed = true;
      continue;
    }
    let start = end;
    while (start > first && isLinkItem(units[start]!)) start--;
    const run = end - start;
    if (run >= 2 && run <= MAX_LINKS && !/:$/.test(units[start]!.text) && !units[start]!.bullet) {
      for (let i = start + 1; i <= end; i++) found.set(i, 'related-links');
      end = start;
      changed = true;
    }
  }
  return found;
}
