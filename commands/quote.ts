/**
 * `quote [SPEAKER or TOPIC]`: who said what, grouped by speaker with their roles, each
 * quotation cited to outlet and date, and each said once however many outlets carry it, with
 * every outlet's wording and how it differs.
 */
import type { CommandDefinition, OptionValue } from '../src/core/command.ts';
import { composeQuotes, DEFAULT_QUOTE_LIMIT, MAX_QUOTE_LIMIT, MAX_QUOTE_TEXT } from '../src/core/compose/quotes.ts';
import { storyViewFor } from '../src/core/retrieve/story-view.ts';
import { missingArticle } from '../src/store/missing-article.ts';

function text(value: OptionValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export const quote: CommandDefinition = {
  name: 'quote',
  description: 'Who said what: quotations by speaker or on a topic, with how outlets word them',
  options: [
    { name: 'about', type: 'string', description: 'A speaker (name or role) or a topic', rest: true, maxLength: MAX_QUOTE_TEXT },
    { name: 'speaker', type: 'string', description: 'Only this speaker, by name, alias or role', autocomplete: 'speaker', maxLength: MAX_QUOTE_TEXT },
    { name: 'article', type: 'string', description: 'Only quotations in this article (its id)', autocomplete: 'article', maxLength: 500 },
    { name: 'limit', type: 'integer', description: `At most this many quotations (default ${DEFAULT_QUOTE_LIMIT})`, min: 1, max: MAX_QUOTE_LIMIT },
  ],
  examples: ['quote', 'quote the chairman', 'quote Smith', 'quote prices', 'quote --speaker "Joan Smith" --limit 3'],
  surfaces: ['chat', 'cli'],
  async run(options, { store }) {
    const article = text(options.article);
    if (article !== undefined && !(await store.getArticle(article))) throw await missingArticle(store, article);
    const about = text(options.about);
    const speaker = text(options.speaker);
    const limit = typeof options.limit === 'number' ? options.limit : undefined;
    return composeQuotes(
      { ...(about !== undefined ? { about } : {}), ...(speaker !== undefined ? { speaker } : {}), ...(article !== undefined ? { article } : {}), ...(limit !== undefined ? { limit } : {}) },
      storyViewFor(store),
    );
  },
};
