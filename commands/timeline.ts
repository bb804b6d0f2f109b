/**
 * `timeline [TOPIC]`: the story in date order, each article and each dated event its text
 * states cited to its sentence; dates only as precise as the source, the undated listed apart.
 */
import { defineCommand } from '../src/core/define-command.ts';
import { composeTimeline, MAX_TIMELINE_TOPIC } from '../src/core/compose/timeline.ts';
import { storyViewFor } from '../src/core/retrieve/story-view.ts';

export const timeline = defineCommand({
  name: 'timeline',
  description: 'The story in date order: articles and the dated events they report, each cited',
  options: [{ name: 'topic', type: 'string', description: 'Only what concerns this topic', rest: true, maxLength: MAX_TIMELINE_TOPIC }],
  examples: ['timeline', 'timeline prices', 'timeline the merger'],
  surfaces: ['chat', 'cli'],
  run: ({ topic }, { store }) => composeTimeline(topic, storyViewFor(store)),
});
