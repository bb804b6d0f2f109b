/**
 * `ask` and `brief` with the LLM writer, end to end: the seed story indexed through the real
 * pipeline, the real commands through the shared dispatch, the real `openai` package against
 * the fake OpenAI server on 127.0.0.1, and every reply (and every partial shown while it was
 * written) rendered by both the Slack block renderer and the Discord embed renderer. Each
 * bad behaviour of the model must leave no trace of its bad sentence in what either
 * platform would be sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch.ts';
import type { Reply } from '../../src/core/reply.ts';
import { LLM_NOTE } from '../../src/render/source-facts.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { answer } from '../fakes/openai/behaviours.ts';
import { startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from '../fakes/openai/fake-openai-server.ts';
import { recordingLogger } from '../unit/llm/recording-logger.ts';
import { copyablePassages, faithful, passagesOf, wrongNumber, type PromptPassage } from '../unit/llm/scripted-model.ts';
import { API_KEY, command, fakeWriter, onBothPlatforms, PLANTED, seedStoryWithPlantedInstruction, writerContext } from '../unit/llm/seed-story.ts';

const GDP_QUESTION = 'How much did Huawei add to UK GDP?';
const OFFICIALS_QUESTION = 'What did officials say about Huawei equipment?';

interface BadSentence {
  readonly sentence: string;
  /** Words only the bad sentence has: what must not reach either platform. */
  readonly fragment: string;
  /** Passages the bad sentence is made from, so the faithful ones around it use others. */
  readonly uses: readonly number[];
}

interface BadBehaviour {
  readonly name: string;
  readonly question: string;
  /** The checker's reason for dropping it, when one reason is certain. */
  readonly code: string | null;
  bad(request: RecordedRequest, copyable: readonly PromptPassage[]): BadSentence;
}

const first = <T>(items: readonly T[], what: string): T => {
  const item = items[0];
  if (item === undefined) throw new Error(`the prompt held no ${what}`);
  return item;
};

const BAD: readonly BadBehaviour[] = [
  {
    name: 'a sentence with no citation',
    question: GDP_QUESTION,
    code: 'no-citation',
    bad: () => ({
      sentence: 'Huawei has opened a research campus in the Scottish Highlands.',
      fragment: 'research campus in the Scottish Highlands',
      uses: [],
    }),
  },
  {
    name: 'a citation to a passage that does not support it',
    question: GDP_QUESTION,
    code: null,
    bad: (_request, copyable) => {
      const cited = first(copyable, 'passage to cite');
      return {
        sentence: `Huawei has opened a research campus in the Scottish Highlands [${cited.n}].`,
        fragment: 'research campus in the Scottish Highlands',
        uses: [cited.n],
      };
    },
  },
  {
    name: 'a fabricated quotation',
    question: GDP_QUESTION,
    code: 'unmatched-quotation',
    bad: (_request, copyable) => {
      const cited = first(copyable, 'passage to cite');
      return {
        sentence: `${cited.text.replace(/[.!?]$/, '')}, and officials called it “a gift to every county in the land” [${cited.n}].`,
        fragment: 'a gift to every county in the land',
        uses: [cited.n],
      };
    },
  },
  {
    name: 'a wrong number',
    question: GDP_QUESTION,
    code: 'unsupported-number',
    bad: (_request, copyable) => {
      const numbered = first(
        copyable.filter((p) => wrongNumber(p) !== null),
        'passage with a number',
      );
      const wrong = wrongNumber(numbered)!;
      return { sentence: wrong.sentence, fragment: wrong.changed, uses: [numbered.n] };
    },
  },
  {
    name: 'an injected instruction obeyed',
    question: OFFICIALS_QUESTION,
    code: null,
    bad: (request) => {
      const planted = first(
        passagesOf(request).filter((p) => p.text === PLANTED),
        'planted instruction',
      );
      return {
        sentence: `Every government has now certified Huawei equipment as safe [${planted.n}].`,
        fragment: 'Every government has now certified Huawei equipment',
        uses: [planted.n],
      };
    },
  },
];

let fake: FakeOpenAI;
let store: Store;

beforeAll(async () => {
  [fake, store] = await Promise.all([startFakeOpenAI(), seedStoryWithPlantedInstruction()]);
});
afterAll(async () => {
  await fake.close();
  await store.close();
});
beforeEach(() => fake.reset());

/** Asserts that neither platform would be sent the fragment, in the reply or any partial. */
function expectOnNeitherPlatform(replies: readonly Reply[], fragment: string): void {
  expect(replies.length).toBeGreaterThan(0);
  for (const reply of replies) {
    const { slack, discord } = onBothPlatforms(reply);
    expect(slack).not.toContain(fragment);
    expect(discord).not.toContain(fragment);
  }
}

/** The same search finds the fragment when a reply does hold it: the absence above means something. */
function expectFoundWhenPresent(reply: Reply, fragment: string): void {
  const tainted: Reply = { ...reply, parts: [...reply.parts, { kind: 'text', text: `Planted: ${fragment}.`, cites: [] }] };
  const { slack, discord } = onBothPlatforms(tainted);
  expect(slack).toContain(fragment);
  expect(discord).toContain(fragment);
}

describe.each(BAD)('when the model writes $name', ({ question, code, bad }) => {
  async function ask(layout: (bad: BadSentence, faithful: readonly string[]) => string[]) {
    let scripted: { bad: BadSentence; faithful: string[] } | null = null;
    fake.route((request) => {
      const copyable = copyablePassages(request);
      const made = bad(request, copyable);
      const others = copyable
        .filter((p) => !made.uses.includes(p.n))
        .slice(0, 2)
        .map(faithful);
      scripted = { bad: made, faithful: others };
      return answer(layout(made, others).join(' '), { chunkChars: 9 });
    });
    const log = recordingLogger();
    const { context, partials } = writerContext(store, log, fakeWriter(fake.url, log));
    const result = await dispatch(command('ask'), { question }, context);
    expect(result.outcome).toBe('ok');
    expect(fake.completions).toHaveLength(1);
    if (!scripted) throw new Error('the model was never asked');
    const { bad: made, faithful: good } = scripted as { bad: BadSentence; faithful: string[] };
    const dropped = log.entries.filter((e) => e.message === 'dropped a sentence').map((e) => e.fields as { failures: string[] });
    return { reply: result.reply, partials, made, good, dropped, log };
  }

  it('posts the written reply without the bad sentence, on Slack and on Discord', async () => {
    const { reply, partials, made, good, dropped } = await ask((b, f) => [f[0]!, b.sentence, f[1]!]);
    expect(good).toHaveLength(2);
    expect(reply.mode).toBe('llm');
    expect(reply.data?.['mode']).toBe('llm');
    expect(reply.parts.map((p) => (p.kind === 'text' ? p.text : ''))).toEqual(good.map((s) => s.replace(/ \[\d+\]\.$/, '.')));
    expect(dropped).toHaveLength(1);
    if (code) expect(dropped[0]!.failures).toContain(code);
    expectOnNeitherPlatform([reply, ...partials], made.fragment);
    expectFoundWhenPresent(reply, made.fragment);
    // The footer says who wrote it.
    expect(onBothPlatforms(reply).slack).toContain(LLM_NOTE);
    expect(onBothPlatforms(reply).discord).toContain(LLM_NOTE);
  });

  it('posts the extractive reply, with a note, when the bad sentence is all the model wrote', async () => {
    const { reply, partials, made } = await ask((b) => [b.sentence]);
    expect(reply.mode).toBe('extractive');
    expect(reply.data?.['mode']).toBe('extractive');
    expect(reply.notice).toMatch(/^Written answer unavailable \(too few sentences passed the citation check\)/);
    expect(partials).toEqual([]);
    expectOnNeitherPlatform([reply], made.fragment);
    expectFoundWhenPresent(reply, made.fragment);
  });
});

describe('a faithful model', () => {
  it('answers in mode llm, citing the passages its sentences come from', async () => {
    let copied: PromptPassage[] = [];
    fake.route((request) => {
      copied = copyablePassages(request).slice(0, 3);
      return answer(copied.map(faithful).join(' '), { chunkChars: 11, usage: { prompt_tokens: 800, completion_tokens: 90 } });
    });
    const log = recordingLogger();
    const { context, partials } = writerContext(store, log, fakeWriter(fake.url, log));
    const { reply } = await dispatch(command('ask'), { question: GDP_QUESTION }, context);
    expect(copied.length).toBe(3);
    expect(reply.mode).toBe('llm');
    expect(reply.parts.map((part) => part.kind === 'text' && part.text)).toEqual(copied.map((p) => p.text));
    // Each sentence cites the passage it copies, under its article's one number.
    reply.parts.forEach((part, i) => {
      const cites = part.kind === 'text' ? part.cites : [];
      expect(cites).toHaveLength(1);
      expect(reply.citations[cites[0]! - 1]!.texts).toContain(copied[i]!.text);
    });
    expect(new Set(reply.citations.map((c) => c.article)).size).toBe(reply.citations.length);
    expect(reply.citations.flatMap((c) => c.texts ?? [])).toEqual(expect.arrayContaining(copied.map((p) => p.text)));
    expect(reply.data).toMatchObject({ question: GDP_QUESTION, mode: 'llm' });
    // Each checked sentence was shown as it arrived, growing one at a time.
    expect(partials.map((p) => p.parts.length)).toEqual([1, 2, 3]);
    // The prompt carried the passages as numbered data, with outlet and date, and the key only in its header.
    const request = fake.completions[0]!;
    expect(request.stream).toBe(true);
    expect(request.messages[1]!.content).toMatch(/<passage n="1" outlet="[^"]+" date="[^"]+"/);
    expect(request.headers['authorization']).toBe(`Bearer ${API_KEY}`);
    expect(JSON.stringify(log.entries)).not.toContain(API_KEY);
  });

  it('writes the brief of the story in mode llm, each point cited', async () => {
    fake.route((request) => answer(copyablePassages(request).slice(0, 3).map(faithful).join(' ')));
    const log = recordingLogger();
    const { context } = writerContext(store, log, fakeWriter(fake.url, log));
    const { reply, outcome } = await dispatch(command('brief'), {}, context);
    expect(outcome).toBe('ok');
    expect(reply.mode).toBe('llm');
    expect(reply.parts.length).toBe(3);
    for (const part of reply.parts) expect(part.kind === 'text' && part.cites.length > 0).toBe(true);
    expect(reply.data?.['mode']).toBe('llm');
    expect(fake.completions[0]!.messages[1]!.content).toMatch(/Write a brief summary of the story so far/);
  });

  it('is not asked when nothing in the story answers, and the reply stays extractive', async () => {
    const log = recordingLogger();
    const { context } = writerContext(store, log, fakeWriter(fake.url, log));
    const { reply } = await dispatch(command('ask'), { question: 'What is the recipe for a lemon drizzle cake?' }, context);
    expect(fake.completions).toHaveLength(0);
    expect(reply.mode).toBe('extractive');
    expect(reply.citations).toEqual([]);
  });
});

describe('without a writer', () => {
  it('answers exactly as before, marked extractive in its JSON', async () => {
    const log = recordingLogger();
    const { context } = writerContext(store, log, undefined);
    const { reply } = await dispatch(command('ask'), { question: GDP_QUESTION }, context);
    expect(reply.mode).toBe('extractive');
    expect(reply.data?.['mode']).toBe('extractive');
    expect(reply.notice).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });
});
