/**
 * Site furniture: the navigation, sharing, advertising and legal lines a web page wraps an
 * article in, which come along when its text is copied ("Recent articles", "Share this",
 * "Advertisement", "Read more: …", "© 2019 … All rights reserved", cookie notices).
 */
import type { SetAsideReason } from '../article.ts';
import { endsSentence } from './shape.ts';

const LIST_OF =
  '(?:articles|stories|posts|news|content|coverage|links|topics|reads|videos|headlines|from [\\w ]{1,30}|on [\\w ]{1,30}|in [\\w ]{1,20}|for you|now)';
/**
 * Lines that head a list of links to other articles; what follows them is links too. Words
 * that also make cross-heads ("Latest", "Elsewhere") count only with what they list.
 */
const RELATED_HEADER = new RegExp(
  `^(?:(?:related|trending|recommended|most read|most popular|most viewed|most shared|most watched|read next|what to read next|you (?:may|might) (?:also )?(?:like|be interested in)|see also|further reading|in (?:other|related) news|more on this story|more like this)(?:\\s+${LIST_OF})?|(?:recent|latest|more|top|popular|other)\\s+${LIST_OF})$`,
  'i',
);

const FURNITURE_LINE: readonly (readonly [RegExp, SetAsideReason])[] = [
  [
    /^(?:advertisement|advert|ad|sponsored(?: content| post)?|promoted(?: content)?|paid (?:post|content)|partner content|supported by|(?:advertisement\s*[-–—]\s*)?scroll (?:down )?to continue(?: with content| reading)?)$/i,
    'advert',
  ],
  [
    /^(?:share|share this(?: article| story| page| post| video)?|share (?:on|via|to) [\w ]{1,20}|email this(?: article| story)?|tweet(?: this)?|copy link|link copied|print(?: this)?(?: article| page)?|save(?: article)?|bookmark|(?:\d+\s+)?shares?)$/i,
    'share-prompt',
  ],
  [/^(?:(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|pinterest|reddit|messenger|telegram|print|copy link|share)\s*[,|·•/]?\s*){2,}$/i, 'share-prompt'],
  [
    /^(?:comments?|\d+ comments?|show comments|view comments|load comments|leave a (?:comment|reply)|add (?:a|your) comment|join the (?:conversation|discussion|debate)|topics|tags|related topics|back to top|skip to (?:main )?content|continue reading|story continues(?: below)?|article continues(?: below| after (?:this )?advertisement)?|loading\.*|contact us|report an error|listen to (?:this )?article|(?:\d+\s+)?min(?:ute)?s? read|play video|watch video|watch|listen|video|audio|home|menu|search|close|next|previous|back)$/i,
    'site-furniture',
  ],
];

const FURNITURE_START: readonly (readonly [RegExp, SetAsideReason])[] = [
  [
    /^(?:read more|read also|also read|see also|related|more|recommended|related (?:article|story|link)|further reading|read next|watch|listen|video|audio|watch now|listen now|podcast)\s*[:|»›]\s*\S/i,
    'related-links',
  ],
  [
    /^follow (?:us|me|him|her|them|@\w+|[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})\b.{0,60}\b(?:on|at)\s+(?:twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon|tiktok|youtube|@\w+)\b/i,
    'share-prompt',
  ],
  [/^(?:click here|tap here|click (?:the|this) link)\b/i, 'site-furniture'],
  // "Copyright 2019 …", "© PA", "Copyright © The Times": not "Copyright law is changing".
  [/^(?:copyright\s*(?:©|\(c\))\s*\S|copyright\s+\d{4}|©|\(c\)\s*\d{4})/i, 'site-furniture'],
  [
    /^this (?:article|story|piece) (?:was|is|has been) (?:first |originally )?(?:published|posted|republished|adapted)\s+(?:on|in|by|with|from|at)\b/i,
    'site-furniture',
  ],
  // An archive notice over an old page: "This article is more than 5 months old".
  [/^this (?:article|story|piece|page) is (?:more|older) than (?:a|an|one|\d+|\w+) (?:days?|weeks?|months?|years?)(?: old)?\.?$/i, 'site-furniture'],
];

const ANYWHERE: readonly (readonly [RegExp, SetAsideReason])[] = [
  [/\ball rights reserved\b/i, 'site-furniture'],
  // Worded as the site speaking to its reader, so a story about cookies is not caught.
  [
    /\b(?:we|this (?:site|website)) uses? cookies\b|\b(?:our|manage|update your) cookie (?:policy|settings|preferences)\b|\baccept (?:all )?cookies\b/i,
    'site-furniture',
  ],
  [/\b(?:download|get) our (?:free )?app\b/i, 'site-furniture'],
];

/** A "listen to …" or "watch …" prompt: short, imperative, about a programme or clip. */
const MEDIA_PROMPT =
  /^(?:listen to|watch|catch up (?:on|with)|hear)\b.{0,80}\b(?:podcast|episode|programme|program|show|bulletin|interview|video|clip|live|here|now|on (?:iplayer|sounds|youtube|spotify))\b/i;

/**
 * Classifies a line of site furniture, or returns null for anything else.
 *
 * Examples: "Recent articles" → 'site-furniture'; "Advertisement" → 'advert'; "Share this
 * article" → 'share-prompt'; "Read more: Why 4G matters" → 'related-links';
 * "Follow us on Twitter @newsdesk" → 'share-prompt'; "Share prices fell 5% on Monday." → null.
 */
export function classifyFurniture(text: string): SetAsideReason | null {
  if (text.length > 200) return null;
  const bare = text.replace(/[\s:.…»›>|-]+$/, '');
  if (RELATED_HEADER.test(bare)) return 'site-furniture';
  for (const [pattern, reason] of FURNITURE_LINE) if (pattern.test(bare)) return reason;
  if (text.length <= 150) {
    for (const [pattern, reason] of FURNITURE_START) if (pattern.test(text)) return reason;
    if (MEDIA_PROMPT.test(text) && !/["“”]/.test(text)) return 'site-furniture';
  }
  for (const [pattern, reason] of ANYWHERE) if (pattern.test(text)) return reason;
  return null;
}

/** Lines that head a list of topic tags ("Topics", "More on these topics"). */
const TAGS_HEADER = /^(?:topics|tags|related topics|more on (?:these|this) topics?|explore more on these topics|filed under)$/i;

/**
 * The line heads a list of links or tags ("Related articles", "More on this story", "Most
 * read", "Topics").
 */
export function isRelatedHeader(text: string): boolean {
  if (text.length > 60) return false;
  const bare = text.replace(/[\s:.…»›>|-]+$/, '');
  return RELATED_HEADER.test(bare) || TAGS_HEADER.test(bare);
}

/**
 * A line that can be an item of a related-links list: short, like a headline, not a sentence
 * of the article. "- The pro's guide to 4G security" is; "He said the plan was dead." is not.
 */
export function isLinkLike(text: string): boolean {
  return text.length <= 120 && !endsSentence(text.replace(/\?$/, '')) && !/[:;,]$/.test(text);
}
