/**
 * Page furniture that survives cleaning inside a paragraph, where the line-by-line pass
 * cannot see it: a caption run into the story's first sentence by a page extractor, a
 * byline, a picture credit, an archive notice. Judged sentence by sentence, with the same
 * rules as whole lines (captions, credits, bylines, furniture, newsletter prompts) and two
 * shapes only a sentence shows: a caption label opening it ("FILE PHOTO: A man walks
 * past…"), a credit label run into the words before it ("… in MayCredit: Getty") and a
 * wire-photo credit inside it ("… 2019. REUTERS/Jane Doe/File Photo").
 */
import { readByline } from './byline.ts';
import { classifyCaption } from './caption.ts';
import { classifyFurniture } from './furniture.ts';
import { isNewsletterPrompt } from './newsletter.ts';

// A caption label at the start of a sentence, with or without a colon or a bracket: "FILE PHOTO - …",
// "Cover image: …", "(Graphic: World stocks - here)".
const CAPTION_OPENING =
  /^\s*\(?(?:(?:file|cover|main|top|lead|header|featured|hero) (?:photo|picture|image)|photo|picture|image|photograph|pictured|graphic|chart|video|interactive)\s*[:|–—-]\s*\S/i;
// A credit label run into the caption before it, as page extractors leave it: "… in MayCredit: Getty".
const GLUED_CREDIT = /\p{Ll}(?:Credit|Photo|Image|Picture|Photograph)s?:\s*\S/u;
// An agency's photo credit as wires print it: "REUTERS/Aly Song", "AFP/Getty Images".
const WIRE_PHOTO_CREDIT = /\b(?:REUTERS|AFP|AP|EPA|PA|XINHUA|ANADOLU|GETTY IMAGES)\s?\/\s?\p{Lu}/u;

/**
 * Whether a sentence is page furniture rather than news.
 * @example isFurnitureSentence('FILE PHOTO: A man walks past a company logo in Shanghai, March 1, 2019.') // true
 * @example isFurnitureSentence('This article is more than 5 months old') // true
 * @example isFurnitureSentence('By Jane Smith, Technology Correspondent') // true
 * @example isFurnitureSentence('The photo agency said it had been sold to a rival.') // false
 */
export function isFurnitureSentence(text: string): boolean {
  const trimmed = text.trim();
  if (CAPTION_OPENING.test(trimmed) || GLUED_CREDIT.test(trimmed) || WIRE_PHOTO_CREDIT.test(trimmed)) return true;
  return readByline(trimmed) !== null || classifyCaption(trimmed) !== null || classifyFurniture(trimmed) !== null || isNewsletterPrompt(trimmed);
}
