/**
 * Image captions and credits as they survive in copied text: "Photograph: Stefan
 * Rousseau/PA", "The minister in Downing Street Credit: PA", "(Getty Images)",
 * "Image caption Protesters outside …", "AFP via Getty Images".
 */
import { capitalisedShare, endsSentence, hasDoubleQuotes } from './shape.ts';

export type CaptionKind = 'caption' | 'credit';

const LABEL =
  '(?:(?:main |top |header |lead |featured |hero )?(?:image|photo|picture|pic|photograph|illustration|graphic|video|media|composite)\\s*(?:credit|source|copyright|courtesy)?|credit|credits|photo credit|courtesy(?: of)?|copyright|source|image source|photo illustration|pictured|caption)';
// "Photograph: …", "Image credit: …", "Credit - …" at the start of the line.
const LEADING_LABEL = new RegExp(`^${LABEL}\\s*[:|]\\s*(.*)$`, 'i');
// BBC-style page furniture, no colon: "Image caption …", "Media caption …", "Image copyright …".
const PAGE_LABEL = /^(?:image|media|video|photo|picture)\s+(?:caption|copyright|source|credit)\b\s*(.*)$/i;
// "… Credit: PA", "… Photograph: Stefan Rousseau/PA" at the end of a caption.
const TRAILING_LABEL = new RegExp(`^(.*\\S)\\s+${LABEL}\\s*:\\s*([^:]{1,80})$`, 'i');
// A bracketed credit closing the line: "(Getty Images)", "(Photo: AFP)", "(Stefan Rousseau/PA)".
const BRACKETED = /\(([^()]{1,80})\)\s*$/;
const CREDIT_WORD =
  /\b(?:getty|images?|photos?|photograph(?:er|y)?|pictures?|pics?|credit|reuters|afp|ap|pa|epa|shutterstock|alamy|istock(?:photo)?|bloomberg|xinhua|handout|file|courtesy)\b|©/i;
const AGENCY =
  /getty images|via getty|\/(?:pa|ap|afp|reuters|epa|getty|shutterstock|alamy|bloomberg|xinhua)\b|\bpa (?:media|wire|images|archive)\b|\breuters\b|\bafp\b|\bap photo\b|\bepa\b|\bshutterstock\b|\balamy\b|\bistock(?:photo)?\b|©|\bcopyright\b/i;
// Lower-case words a credit may hold: "AFP via Getty Images", "courtesy of the family".
const CREDIT_LOWER: ReadonlySet<string> = new Set(['via', 'and', 'for', 'of', 'the', 'by', 'de', 'van', 'von', '|', '/', '-']);

/** The tail after a trailing label is a credit: names, agencies and slashes, not prose. */
function looksLikeCredit(text: string): boolean {
  const trimmed = text.replace(/[|,;.\s]+$/, '');
  if (trimmed === '' || trimmed.split(/\s+/).length > 8) return false;
  return capitalisedShare(trimmed, CREDIT_LOWER) >= 0.75;
}

/**
 * Classifies a line as an image caption or credit, or null for anything else.
 *
 * Examples: "Image credit: Alexey Novikov |" → 'credit'; "The mayor at City Hall.
 * Photograph: Stefan Rousseau/PA" → 'caption'; "Getty Images" → 'credit'; "Protesters
 * outside parliament (Getty Images)" → 'caption'; "He showed a picture: a grim scene." → null.
 */
export function classifyCaption(text: string): CaptionKind | null {
  if (text.length > 320) return null;
  const page = PAGE_LABEL.exec(text);
  if (page) return /caption/i.test(text.slice(0, 14)) ? 'caption' : 'credit';
  const leading = LEADING_LABEL.exec(text);
  if (leading) {
    const rest = leading[1] ?? '';
    if (/^(?:pictured|caption)/i.test(text)) return rest.length <= 250 ? 'caption' : null;
    if (rest === '' || looksLikeCredit(rest)) return 'credit';
    // "Photo: The minister arrives …" is a caption written after its label.
    return rest.length <= 250 && !hasDoubleQuotes(rest) ? 'caption' : null;
  }
  const trailing = TRAILING_LABEL.exec(text);
  if (trailing && looksLikeCredit(trailing[2] ?? '')) return 'caption';
  const bracket = BRACKETED.exec(text);
  if (bracket && CREDIT_WORD.test(bracket[1] ?? '') && looksLikeCredit(bracket[1] ?? '')) {
    return bracket.index === 0 ? 'credit' : 'caption';
  }
  // A credit alone on its line: "AFP via Getty Images", "Stefan Rousseau/PA Wire".
  if (text.length <= 60 && !endsSentence(text) && AGENCY.test(text) && looksLikeCredit(text)) return 'credit';
  return null;
}

/**
 * Phrases that mark a short line as describing a picture rather than reporting news:
 * "Acme logo in a server room", "File photo of the building", "pictured in 2018".
 * Only phrases that captions use and headlines rarely do.
 */
export const PICTURE_WORDS =
  /\b(?:logos?|pictured|file (?:photo|picture|image)|photographed|poses|posing|(?:is|are|was|were) seen|seen (?:here|at|in|during|outside)|walks? past|stands? (?:outside|in front of)|on display|silhouetted|in this (?:photo|picture|image))\b/i;
