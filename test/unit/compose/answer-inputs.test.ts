/**
 * `ask` on questions it was not written for: paraphrases found through the article around the
 * answer, typos, names the coverage never mentions, and bad input (one letter, stopwords,
 * emoji, a long ramble, another language, database and full-text syntax). Bad input gets a
 * short reply that says why, never an unrelated citation. The story is invented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, MAX_QUESTION_LENGTH, NOTHING_FOUND } from '../../../src/core/compose/answer.ts';
import { UserError } from '../../../src/core/errors.ts';
import { speakerBook } from '../../../src/core/compose/speaker-lookup.ts';
import { createStoryView, type StoryView } from '../../../src/core/retrieve/story-view.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { ingestStory } from './story.ts';

const JOBS = 'The union said the closure would mean the loss of 300 jobs.';

const articles = [
  {
    id: 'ferry-1',
    outlet: 'Coast Courier',
    published: '2023-03-02',
    text: `Northern Ferries to shut Kelby yard

Northern Ferries will close its repair yard at Kelby, near Dunmore, by the end of the year, the company said.

${JOBS}

Chief executive Tom Reed said fuel costs had doubled since 2021.

Fares on the Dunmore crossing will rise by 12% from March.
`,
  },
  {
    id: 'harbour-2',
    outlet: 'Dunmore Gazette',
    published: '2023-03-09',
    text: `Council approves harbour expansion

The council approved the harbour expansion on Monday after a long debate.

The project will cost £40m and take three years to build.

Maria Lopez, the transport minister, said the expansion would create 2,000 jobs.
`,
  },
];

let store: Store;
let view: StoryView;
beforeAll(async () => {
  store = await ingestStory(articles);
  view = createStoryView(store);
});
afterAll(async () => store.close());

const cited = async (question: string) => (await answerQuestion(question, view)).citations.map((c) => c.text);

describe('answers on a story it was not written for', () => {
  it('finds the sentence that holds the fact through the names in the sentences around it', async () => {
    const texts = await cited('How many jobs will go when Northern Ferries shuts its Kelby yard?');
    expect(texts.slice(0, 3)).toContain(JOBS);
  });

  it('reads a misspelt name as the coverage spells it, and says so', async () => {
    const reply = await answerQuestion('What did Tom Reeed say about fuel?', view);
    expect(reply.notice).toBe('Read "Reeed" as "Reed".');
    expect(reply.citations[0]?.text).toContain('fuel costs had doubled');
  });

  it('says the coverage never mentions a name or a thing the question is about, citing nothing', async () => {
    const reply = await answerQuestion('How much did Globex pay for the Kelby yard?', view);
    expect(reply.citations).toEqual([]);
    expect(reply.notice).toBe(`${NOTHING_FOUND} It never mentions "Globex".`);
    expect((await answerQuestion('How is sourdough made at the yard?', view)).notice).toContain('"sourdough"');
  });

  it('rules out an article that never states a year the question states', async () => {
    expect(await cited('How many jobs were lost at Kelby in 1998?')).toEqual([]);
  });
});

describe('sharing the story view', () => {
  it('leaves the quotation commands’ cached views of the story as they were', async () => {
    await answerQuestion('What did Tom Reed say?', view);
    const book = await speakerBook(view);
    expect(book.all.every((speaker) => Array.isArray(speaker.folded))).toBe(true);
  });
});

describe('bad input to ask', () => {
  it('answers one letter, only stopwords or a ramble with a hint and no citation', async () => {
    for (const question of ['x', 'a', 'what is the', 'and so on and so forth']) {
      const reply = await answerQuestion(question, view);
      expect(reply.citations, question).toEqual([]);
      expect(reply.notice, question).toBeTruthy();
    }
    const ramble = 'I was wondering about things in general and nothing in particular, '.repeat(20).slice(0, MAX_QUESTION_LENGTH);
    expect((await answerQuestion(ramble, view)).citations).toEqual([]);
  });

  it('refuses a question with no words, or one over the length limit, with a clear error', async () => {
    await expect(answerQuestion('🙂🙂🙂', view)).rejects.toBeInstanceOf(UserError);
    await expect(answerQuestion('why '.repeat(300), view)).rejects.toThrow(/under 1000/);
  });

  it('reads an English question full of names it does not know as English', async () => {
    const reply = await answerQuestion('Did Zuckerberg meet Putin in Davos?', view);
    expect(reply.citations).toEqual([]);
    expect(reply.notice).toContain('never mentions');
  });

  it('asks for English when the question is in another language', async () => {
    for (const question of ['¿Quién cerrará el astillero de Kelby?', 'Qui va fermer le chantier ?', '谁关闭了船厂？', 'Wer schließt die Werft in Kelby?']) {
      const reply = await answerQuestion(question, view);
      expect(reply.citations, question).toEqual([]);
      expect(reply.notice, question).toMatch(/in English/);
    }
  });

  it('says database commands are not questions, and runs nothing', async () => {
    for (const question of ["'; DROP TABLE sentences; --", '1 OR 1=1', 'SELECT * FROM articles']) {
      const reply = await answerQuestion(question, view);
      expect(reply.citations, question).toEqual([]);
      expect(reply.notice, question).toMatch(/database command/);
    }
    expect(await store.countArticles()).toBe(2);
  });

  it('reads full-text operators as words and never throws on them', async () => {
    for (const question of ['fares AND NOT', 'NEAR(fares rise) col:fares* ^"', '"unbalanced quote', 'fares OR 1']) {
      const reply = await answerQuestion(question, view);
      for (const citation of reply.citations) expect(citation.text, question).toMatch(/[Ff]ares/);
    }
  });
});
