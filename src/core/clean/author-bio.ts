/**
 * Author bios: the closing paragraph some pages print about the writer ("Jane Smith is a
 * technology reporter at …", "She writes about energy and has covered …"). Only the last
 * paragraphs of an article are ever judged, and only when they describe someone as a writer.
 */
import { hasDoubleQuotes } from './shape.ts';

const WRITER = '(?:reporter|journalist|correspondent|editor|writer|columnist|contributor|freelancer|blogger|presenter|broadcaster|author|commentator|critic)';
// Each of these says, about the subject of the paragraph, that they write for a living.
const WRITES = [
  /\b(?:writes|writing|has written|wrote|reports|reporting|has reported)\s+(?:about|on|for|extensively)\b/i,
  new RegExp(`\\b(?:is|was|has been|works as)\\s+(?:a|an|the|our)\\s+(?:[\\w'’-]+\\s+){0,4}?${WRITER}s?\\b`, 'i'),
  /\bhas (?:covered|been covering|been reporting|been writing|contributed to)\b/i,
  /\bfollow (?:her|him|them|me)\s+(?:on|at)\b/i,
  /\b(?:her|his|their|my) (?:work|writing|articles|journalism) (?:has|have) appeared\b/i,
  /\bis the author of\b/i,
  /\b(?:love|passion|enthusiasm) for (?:writing|journalism|reporting)\b/i,
  /^about the author\b/i,
];
const THIRD_PERSON = /\b(?:she|he|her|his|they|their|them|him)\b/i;
// A bio is about the writer; a paragraph reporting what someone said is article content.
const REPORTING = /\b(?:said|says|told|added|according to)\b/i;
// It opens on its subject: a name, "The author", "About the author".
const OPENS_ON_SUBJECT =
  /^(?:[Aa]bout the author|[Tt]he (?:author|writer)|[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2}\s+(?:is|was|has|had|writes|covers|reports|joined|discovered|began|started|lives|grew|studied|loves|spent)\b)/u;

// Copy names its sources with honorifics ("Mr Brown is the author of …"); bios use bare names.
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Lord|Lady|Dame|President|Prime Minister|Judge|Senator|Rev)\b/;

/**
 * The paragraph describes its writer. Callers pass only the last paragraph(s) of an article.
 *
 * Examples: "Fiona discovered her love for investing at a young age and now she loves
 * writing about markets." → true; "Jane Smith is a technology reporter at the Daily Post."
 * → true; "Mr Smith said he would write about the affair in his memoirs." → false.
 */
export function isAuthorBio(text: string): boolean {
  if (text.length > 500 || hasDoubleQuotes(text) || REPORTING.test(text)) return false;
  if (!OPENS_ON_SUBJECT.test(text) || HONORIFIC.test(text)) return false;
  if (!THIRD_PERSON.test(text) && !/^about the author|^the (?:author|writer)/i.test(text)) {
    // "Jane Smith is a reporter at the Post." names no pronoun, but says it outright.
    if (!WRITES[1]!.test(text)) return false;
  }
  return WRITES.some((pattern) => pattern.test(text));
}
