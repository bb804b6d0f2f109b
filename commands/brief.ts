/**
 * `brief [TOPIC]` and `brief --article ID`: the story, a topic or one article in at most seven
 * cited key points, in date order.
 */
import { defineCommand } from '../src/core/define-command.ts';
import { composeBrief } from '../src/core/compose/brief.ts';
import { withModeInData, writeReply } from '../src/core/compose/written.ts';
import { storyViewFor } from '../src/core/retrieve/story-view.ts';

export const brief = defineCommand({
  name: 'brief',
  description: 'The story, a topic or one article in at most seven cited key points',
  options: [
    { name: 'topic', type: 'string', description: 'A topic to brief on (default: the whole story)', rest: true, maxLength: 300 },
    { name: 'article', type: 'string', description: 'Brief one article, by id (see sources)', autocomplete: 'article', maxLength: 200 },
  ],
  examples: ['brief', 'brief security concerns', 'brief --article politics/001'],
  surfaces: ['chat', 'cli'],
  async run({ topic, article }, { store, writer, log, progress }) {
    const view = storyViewFor(store);
    const reply = await composeBrief({ ...(topic ? { topic } : {}), ...(article ? { article } : {}) }, view);
    if (!writer) return withModeInData(reply);
    // The writer is told what it summarises: one article by its title, a topic, or the story.
    const about = article ? `the article "${reply.title ?? article}"` : (topic ?? 'the story so far');
    return writeReply(reply, { task: { kind: 'summary', topic: about } }, { writer, view, log, ...(progress ? { progress } : {}) });
  },
});
