/**
 * `quote [SPEAKER or TOPIC]`: who said what, grouped by speaker with their roles, each
 * quotation cited to outlet and date, and each said once however many outlets carry it, with
 * every outlet's wording and how it differs.
 */
import { defineCommand } from '../src/core/define-command.ts';
import { composeQuotes, DEFAULT_QUOTE_LIMIT, MAX_QUOTE_LIMIT, MAX_QUOTE_TEXT } from '../src/core/compose/quotes.ts';
import { storyViewFor } from '../src/core/retrieve/story-view.ts';
import { missingArticle } from '../src/core/missing-article.ts';

export const quote = defineCommand({
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
  async run({ about, speaker, article, limit }, { store }) {
    if (article !== undefined && !(await store.getArticle(article))) throw await missingArticle(store, article);
    return composeQuotes(
      {
        ...(about !== undefined ? { about } : {}),
        ...(speaker !== undefined ? { speaker } : {}),
        ...(article !== undefined ? { article } : {}),
        ...(limit !== undefined ? { limit } : {}),
      },
      storyViewFor(store),
    );
  },
});
