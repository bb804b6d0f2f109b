/**
 * `compare [TOPIC]`: how the outlets covered the same event: each outlet's article and date,
 * the facts each carries and leaves out, the quotations each includes and how each words them;
 * every line cited to each outlet's own sentence.
 */
import { defineCommand } from '../src/core/define-command.ts';
import { composeComparison, MAX_COMPARE_TOPIC } from '../src/core/compose/compare.ts';
import { storyViewFor } from '../src/core/retrieve/story-view.ts';

export const compare = defineCommand({
  name: 'compare',
  description: 'How the outlets covered an event: facts each carries or leaves out, how each words quotes',
  options: [
    { name: 'topic', type: 'string', description: 'The event or topic (default: what the story is most about)', rest: true, maxLength: MAX_COMPARE_TOPIC },
  ],
  examples: ['compare', 'compare the merger', 'compare the price rise'],
  surfaces: ['chat', 'cli'],
  run: ({ topic }, { store }) => composeComparison(topic, storyViewFor(store)),
});
