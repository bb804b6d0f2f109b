/**
 * Newsletter and subscription prompts: "Sign up to our daily newsletter", "SUBSCRIBE",
 * "Get the best stories delivered to your inbox". Pages drop them anywhere, even between
 * two paragraphs of one quotation, so they are judged line by line, never by position.
 */
import { hasDoubleQuotes, isAllCaps } from './shape.ts';

// A call to action at the start of the line. A strong call is about subscribing whatever
// follows; a weak one ("Get …", "Join …") only with a newsletter or inbox in the line.
const STRONG_CALL = /^(?:sign(?:ing)?[ -]?up|subscribe|enter your e-?mail|register (?:now|today|for free|for our|to (?:get|receive)))\b/i;
const WEAK_CALL =
  /^(?:get|receive|join|don['’]t miss|never miss|stay (?:informed|up[ -]to[ -]date|in the know|ahead)|be the first|want (?:more|the latest|to (?:know|get|stay))|like (?:this|what you(?:['’]re| are) reading)|love|enjoy(?:ed)? (?:this|reading)|for (?:more|the latest)|free)\b/i;
const STRONG_OFFER = /\b(?:newsletters?|inbox|mailing list|subscribe|subscription)\b/i;
const OFFER = /\b(?:newsletters?|inbox|e-?mails?|alerts|updates|briefing|bulletin|digest|mailing list)\b/i;
// Phrases that only occur in subscription boxes.
const BOX_PHRASE =
  /\bthank(?:s| you) for (?:subscribing|signing up)\b|\bby (?:signing up|subscribing|clicking)\b.*\b(?:privacy|terms|agree)\b|\binvalid e-?mail\b|\bunsubscribe at any time\b|\bdelivered (?:straight |directly )?to your inbox\b|\byour e-?mail address\b|\bno spam\b/i;
// Promotional wording of the second line of a box ("Get up to speed with …, and discover
// the latest deals, news, and insight!").
const PROMO =
  /\b(?:latest|deals?|offers?|exclusive|insights?|straight to|delivered|free|privacy|unsubscribe|every (?:day|week|morning|evening)|daily|weekly|best of|top stories|don['’]t miss|up to speed)\b/i;

/**
 * A newsletter or subscription prompt.
 *
 * Examples: "SIGN UP FOR E-MAIL NEWSLETTERS" → true; "Sign up to our daily newsletter to get
 * the news in your inbox." → true; "Customers can sign up for the service online." → false;
 * "“Sign up now,” the advert said." → false.
 */
export function isNewsletterPrompt(text: string): boolean {
  if (text.length > 250 || hasDoubleQuotes(text)) return false;
  if (BOX_PHRASE.test(text)) return true;
  if (/^(?:sign[ -]?up|subscribe)(?: now| today| here| for free)?[.!]?$/i.test(text)) return true;
  if (STRONG_CALL.test(text) && OFFER.test(text)) return true;
  if (WEAK_CALL.test(text) && STRONG_OFFER.test(text)) return true;
  if (isAllCaps(text) && /\b(?:SIGN[ -]?UP|SUBSCRIBE|NEWSLETTERS?)\b/.test(text)) return true;
  // The box's own title: "The Morning Briefing newsletter", "Newsletter".
  return text.length <= 60 && /\bnewsletters?\b/i.test(text) && !/[.!?]$/.test(text) && text.split(' ').length <= 6;
}

/**
 * A line that continues the prompt just before it: short, promotional, no quotation.
 *
 * Example (after "SIGN UP FOR E-MAIL NEWSLETTERS"): "Get up to speed with 4G, and discover
 * the latest deals, news, and insight!" → true.
 */
export function continuesNewsletterPrompt(text: string): boolean {
  if (text.length > 160 || hasDoubleQuotes(text) || !PROMO.test(text)) return false;
  return /!$/.test(text) || STRONG_CALL.test(text) || WEAK_CALL.test(text) || text.length <= 100;
}
