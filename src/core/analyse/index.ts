import type { Analysis, CleanArticle } from '../article.ts';
import { buildEntityTable } from './entities.ts';
import { findDatedEvents } from './events.ts';
import { attributeQuotes } from './quote-attribution.ts';
import { findQuoteSpans } from './quotes.ts';
import { splitSentences } from './sentences.ts';

/** What analysis needs to know about an article besides its text. */
export interface AnalysisContext {
  /** Publication date (ISO, possibly partial) or null: the reference for relative dates. */
  readonly published: string | null;
}

/**
 * Analyses a cleaned article once, at ingest: sentences with offsets, the people,
 * organisations, places and groups it names (with their aliases and roles), its
 * quotations with their speakers and cues, and the dates it states. A pure function.
 * Example: a paragraph `"We will appeal," Ms Doe said.` → one full quote, speaker Ms Doe,
 * cue "said", cueKind "explicit".
 */
export function analyseArticle(clean: CleanArticle, context: AnalysisContext): Analysis {
  const sentences = splitSentences(clean.text, clean.blocks);
  const table = buildEntityTable(clean.text, sentences, clean.title);
  const spans = findQuoteSpans(clean.text, clean.blocks);
  const quotes = attributeQuotes(clean.text, clean.blocks, spans, table);
  return {
    sentences,
    entities: table.entities,
    mentions: table.mentions,
    quotes,
    events: findDatedEvents(sentences, context.published),
  };
}

export { linkStoryEntities, type StoryEntities, type StoryEntity } from './entity-linking.ts';
