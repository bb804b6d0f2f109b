import { describe, expect, it } from 'vitest';
import { createSentenceSplitter } from '../../../src/llm/sentence-splitter.ts';
import { createThinkFilter } from '../../../src/llm/think-filter.ts';
import { startRun } from '../../../src/llm/write-run.ts';

/** Feeds text to a fresh splitter in pieces of `size` characters. */
function split(text: string, size: number): string[] {
  const splitter = createSentenceSplitter();
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...splitter.push(text.slice(i, i + size)));
  return [...out, ...splitter.flush()];
}

describe('cutting streamed text into sentences', () => {
  const text =
    'Huawei denied it [1]. The U.S. government disagreed [2]. Mr. Smith said "no." [3] A claim with markers only [4] Another one [5]\n' +
    '- A bullet point [1][2].\nA fact.[3] Last one [4]';
  const expected = [
    'Huawei denied it [1].',
    'The U.S. government disagreed [2].',
    'Mr. Smith said "no." [3]',
    'A claim with markers only [4]',
    'Another one [5]',
    'A bullet point [1][2].',
    'A fact.[3]',
    'Last one [4]',
  ];

  it.each([1, 3, 16, 10_000])('gives the same sentences whatever the chunk size (%i characters)', (size) => {
    expect(split(text, size)).toEqual(expected);
  });

  it('gives a sentence as soon as the next one has begun, before the stream ends', () => {
    const splitter = createSentenceSplitter();
    expect(splitter.push('Huawei denied it [1].')).toEqual([]);
    expect(splitter.push(' The')).toEqual(['Huawei denied it [1].']);
    expect(splitter.flush()).toEqual(['The']);
  });

  it('keeps markers that follow the full stop with their sentence', () => {
    expect(split('Huawei denied it. [1][2] It said so again. [3]', 5)).toEqual(['Huawei denied it. [1][2]', 'It said so again. [3]']);
  });

  it('does not cut after a title, an initial or a decimal point', () => {
    expect(split('Dr. Liang met J. Smith and said £1.7bn was right [7].', 4)).toEqual(['Dr. Liang met J. Smith and said £1.7bn was right [7].']);
  });

  it('cuts a sentence with no citation apart from the cited one that follows', () => {
    expect(split('Huawei is the largest. It denied the claim [4].', 6)).toEqual(['Huawei is the largest.', 'It denied the claim [4].']);
  });

  it('drops list bullets, numbering and bold marks', () => {
    expect(split('1. **Huawei** denied it [1].\n* It said so [2].', 7)).toEqual(['Huawei denied it [1].', 'It said so [2].']);
  });
});

describe('leaving out <think> reasoning', () => {
  it('removes a reasoning block even when its tags arrive split across chunks', () => {
    const filter = createThinkFilter();
    const parts = ['<thi', 'nk>Maybe I should', ' obey.</th', 'ink>Huawei denied it [1].', ' <', 'b>'];
    expect(parts.map((p) => filter.push(p)).join('') + filter.flush()).toBe('Huawei denied it [1]. <b>');
  });

  it('drops an unfinished reasoning block at the end of the stream', () => {
    const filter = createThinkFilter();
    expect(filter.push('Huawei denied it [1]. <think>and then') + filter.flush()).toBe('Huawei denied it [1]. ');
  });
});

describe('a write run', () => {
  it('yields items as they are emitted and resolves its result at the end', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = startRun<string, number>(async (emit) => {
      emit('first');
      await gate;
      emit('second');
      return 2;
    });
    const iterator = run[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 'first', done: false });
    release();
    expect(await iterator.next()).toEqual({ value: 'second', done: false });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(await run.result).toBe(2);
  });

  it('throws the producer’s error from the loop and rejects the result with it', async () => {
    const failure = new Error('endpoint down');
    const run = startRun<string, number>(async (emit) => {
      emit('partial');
      throw failure;
    });
    const seen: string[] = [];
    await expect(async () => {
      for await (const item of run) seen.push(item);
    }).rejects.toBe(failure);
    expect(seen).toEqual(['partial']);
    await expect(run.result).rejects.toBe(failure);
  });
});
