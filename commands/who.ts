/**
 * `who NAME`: a person's or organisation's card: canonical name, roles as the coverage gives
 * them, their quotations (how many, first and latest), the articles they appear in, and who is
 * quoted with or against them; every line cited.
 */
import { defineCommand } from '../src/core/define-command.ts';
import { composeWhoCard, MAX_NAME_LENGTH } from '../src/core/compose/who-card.ts';
import { storyViewFor } from '../src/core/retrieve/story-view.ts';

export const who = defineCommand({
  name: 'who',
  description: 'A person or organisation in the story: roles, quotations, articles, who else is quoted',
  options: [
    {
      name: 'name',
      type: 'string',
      description: 'A name, alias or role: "Joan Smith", "Smith", "the chairman"',
      required: true,
      rest: true,
      autocomplete: 'speaker',
      maxLength: MAX_NAME_LENGTH,
    },
  ],
  examples: ['who Joan Smith', 'who the chairman', 'who Acme'],
  surfaces: ['chat', 'cli'],
  run: ({ name }, { store }) => composeWhoCard(name, storyViewFor(store)),
});
