/**
 * `brief [TOPIC]` and `brief --article ID`: the story, a topic or one article in at most seven
 * cited key points, in date order.
 */
import type { CommandDefinition } from '../src/core/command.ts';
import { composeBrief } from '../src/core/compose/brief.ts';
import { storyViewFor } from '../src/core/retrieve/story-view.ts';

export const brief: CommandDefinition = {
  name: 'brief',
  description: 'The story, a topic or one article in at most seven cited key points',
  options: [
    { name: 'topic', type: 'string', description: 'A topic to brief on (default: the whole story)', rest: true, maxLength: 300 },
    { name: 'article', type: 'string', description: 'Brief one article, by id (see sources)', autocomplete: 'article', maxLength: 200 },
  ],
  examples: ['brief', 'brief security concerns', 'brief --article politics/001'],
  surfaces: ['chat', 'cli'],
  run(options, { store }) {
    const topic = typeof options.topic === 'string' ? options.topic : undefined;
    const article = typeof options.article === 'string' ? options.article : undefined;
    return composeBrief({ ...(topic ? { topic } : {}), ...(article ? { article } : {}) }, storyViewFor(store));
  },
};
