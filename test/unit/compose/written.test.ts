import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.ts';
import type { CheckedProse, ProseOutcome, ProseRequest, ProseWriter } from '../../../src/core/ports/writer.ts';
import type { Citation, Reply } from '../../../src/core/reply.ts';
import type { StoryView } from '../../../src/core/retrieve/story-view.ts';
import { fallbackNote, writeReply } from '../../../src/core/compose/written.ts';

const citation = (n: number, text: string): Citation => ({
  n,
  article: `a${n}`,
  outlet: 'The Harbour Gazette',
  title: 'Harbour sale',
  published: '2021-03-02',
  url: null,
  text,
  sentence: n,
});

const extractive: Reply = {
  parts: [
    { kind: 'text', text: 'The harbour employs 2,300 people.', cites: [1] },
    { kind: 'text', text: 'Dock workers staged two strikes.', cites: [2] },
  ],
  citations: [citation(1, 'The harbour employs 2,300 people.'), citation(2, 'Dock workers staged two strikes.')],
  mode: 'extractive',
  data: { question: 'q', text: 'The harbour employs 2,300 people. [1] Dock workers staged two strikes. [2]', citations: [] },
};

/** A view with no stored quotations or articles: enough for passages made of the reply's own citations. */
const view = { quotes: async () => [], store: { getArticle: async () => null } } as unknown as StoryView;

/** A writer that hands over these checked sentences, then this outcome; it records the request. */
function scripted(sentences: readonly CheckedProse[], outcome: ProseOutcome): ProseWriter & { requests: ProseRequest[] } {
  const requests: ProseRequest[] = [];
  return {
    label: 'scripted',
    requests,
    write(request) {
      requests.push(request);
      return {
        outcome: Promise.resolve(outcome),
        async *[Symbol.asyncIterator]() {
          yield* sentences;
        },
      };
    },
  };
}

const ok = (sentences: readonly CheckedProse[], enough = true): ProseOutcome => ({
  ok: true,
  result: { sentences, written: sentences.length, passed: sentences.length, declined: false, enough, tokens: 10, ms: 1 },
});

describe('writeReply', () => {
  it('numbers the reply’s citations as the passages, and renumbers them in the order the written sentences use them', async () => {
    const sentences = [
      { text: 'Workers struck twice.', cites: [2] },
      { text: 'About 2,300 people work there.', cites: [1, 2] },
    ];
    const writer = scripted(sentences, ok(sentences));
    const reply = await writeReply(extractive, { task: { kind: 'answer', question: 'q' } }, { writer, view, log: silentLogger });
    expect(writer.requests[0]!.passages.map((p) => [p.n, p.text])).toEqual([
      [1, 'The harbour employs 2,300 people.'],
      [2, 'Dock workers staged two strikes.'],
    ]);
    expect(reply.mode).toBe('llm');
    expect(reply.parts).toEqual([
      { kind: 'text', text: 'Workers struck twice.', cites: [1] },
      { kind: 'text', text: 'About 2,300 people work there.', cites: [2, 1] },
    ]);
    expect(reply.citations.map((c) => [c.n, c.article])).toEqual([
      [1, 'a2'],
      [2, 'a1'],
    ]);
    expect(reply.data).toMatchObject({ mode: 'llm', text: 'Workers struck twice. [1] About 2,300 people work there. [2][1]' });
  });

  it('shows each checked sentence through progress as it arrives', async () => {
    const sentences = [
      { text: 'Workers struck twice.', cites: [2] },
      { text: 'About 2,300 people work there.', cites: [1] },
    ];
    const shown: number[] = [];
    await writeReply(
      extractive,
      { task: { kind: 'answer', question: 'q' } },
      { writer: scripted(sentences, ok(sentences)), view, log: silentLogger, progress: (p) => shown.push(p.parts.length) },
    );
    expect(shown).toEqual([1, 2]);
  });

  it('posts the extractive reply with a note when the writer fails', async () => {
    const writer = scripted([], { ok: false, failure: { reason: 'timeout', detail: 'no answer within 1000 ms' } });
    const reply = await writeReply(extractive, { task: { kind: 'answer', question: 'q' } }, { writer, view, log: silentLogger });
    expect(reply.parts).toEqual(extractive.parts);
    expect(reply.mode).toBe('extractive');
    expect(reply.notice).toBe('Written answer unavailable (timeout); showing quoted sentences.');
    expect(reply.data?.['mode']).toBe('extractive');
  });

  it('posts the extractive reply when too little of the written one passed', async () => {
    const sentences = [{ text: 'Workers struck twice.', cites: [2] }];
    const reply = await writeReply(
      extractive,
      { task: { kind: 'summary', topic: 'the story so far' } },
      { writer: scripted(sentences, ok(sentences, false)), view, log: silentLogger },
    );
    expect(reply.mode).toBe('extractive');
    expect(reply.notice).toBe(fallbackNote({ kind: 'summary', topic: 'x' }, 'too-few-passed'));
    expect(reply.notice).toMatch(/^Written brief unavailable/);
  });

  it('does not ask the writer when the extractive reply cites nothing', async () => {
    const writer = scripted([], ok([]));
    const nothing: Reply = {
      parts: [],
      citations: [],
      notice: 'Nothing on that in the indexed coverage.',
      mode: 'extractive',
      data: { question: 'q', text: '', citations: [] },
    };
    const reply = await writeReply(nothing, { task: { kind: 'answer', question: 'q' } }, { writer, view, log: silentLogger });
    expect(writer.requests).toHaveLength(0);
    expect(reply.notice).toBe('Nothing on that in the indexed coverage.');
    expect(reply.data?.['mode']).toBe('extractive');
  });
});
