/**
 * `ask QUESTION`: a short answer in which every sentence is cited: quoted from an article, or
 * written by the language model (when one is configured) and checked against the passages.
 * A mention or a direct message in plain words is an `ask` too; a plain request that another
 * command answers ("what's the latest", "summarise", "timeline of X") is answered by it.
 */
import { defineCommand } from '../src/core/define-command.ts';
import { answerWithMaterial, MAX_QUESTION_LENGTH } from '../src/core/compose/answer.ts';
import { withModeInData, writeReply } from '../src/core/compose/written.ts';
import { routePlainRequest } from '../src/core/plain-requests.ts';
import { storyViewFor } from '../src/core/retrieve/story-view.ts';
import { brief } from './brief.ts';
import { timeline } from './timeline.ts';

/** Retrieved sentences beyond the extractive answer's that the writer may draw on. */
const WRITER_MATERIAL = 8;

export const ask = defineCommand({
  name: 'ask',
  description: 'Ask a question about the story; every sentence of the answer is cited',
  options: [
    {
      name: 'question',
      type: 'string',
      description: 'Your question, in plain words',
      required: true,
      rest: true,
      maxLength: MAX_QUESTION_LENGTH,
    },
  ],
  examples: ['ask Who founded the company?', 'ask What did the minister say about security?', 'ask Which countries are involved?'],
  surfaces: ['chat', 'cli'],
  async run({ question }, context) {
    const { store, writer, log, progress, focus } = context;
    // "ask what's the latest" wants the brief, "ask timeline of the strike" the timeline.
    const routed = routePlainRequest(question);
    if (routed) return (routed.command === 'brief' ? brief : timeline).run(routed.topic ? { topic: routed.topic } : {}, context);
    const view = storyViewFor(store);
    const { reply, material } = await answerWithMaterial(question, view, writer ? WRITER_MATERIAL : 0, focus);
    if (!writer) return withModeInData(reply);
    return writeReply(reply, { task: { kind: 'answer', question }, material }, { writer, view, log, ...(progress ? { progress } : {}) });
  },
});
