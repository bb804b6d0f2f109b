/**
 * `ask QUESTION`: a short answer in which every sentence is quoted from an article and cited.
 * A mention or a direct message in plain words is an `ask` too.
 */
import type { CommandDefinition } from '../src/core/command.ts';
import { answerQuestion, MAX_QUESTION_LENGTH } from '../src/core/compose/answer.ts';
import { storyViewFor } from '../src/core/retrieve/story-view.ts';

export const ask: CommandDefinition = {
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
  run: (options, { store }) => answerQuestion(String(options.question ?? ''), storyViewFor(store)),
};
