import { describe, expect, it } from 'vitest';
import { pickDigestQuotes } from '../../../src/core/compose/digest-quotes.ts';
import type { Store, StoredQuote } from '../../../src/core/ports/store.ts';
import type { StoryView } from '../../../src/core/retrieve/story-view.ts';

const SAID = [
  'We will not be changing our plans for the season at all',
  'The players know exactly what is expected of them on Saturday',
  'I have every confidence in this squad and in the staff',
];
const NEW_REMARK = 'Nobody here had ever seen a crowd like that one before today';

function quote(article: string, text: string, speakerId: string): StoredQuote {
  return {
    index: 0,
    text,
    start: 0,
    end: text.length,
    sentence: 0,
    kind: 'full',
    speaker: 'e1',
    speakerText: 'he',
    cue: 'said',
    cueKind: 'pronoun',
    cueStart: null,
    cueEnd: null,
    article,
    speakerName: speakerId === 'person:manager' ? 'Pat Manager' : 'Sam Fan',
    speakerId,
  };
}

/** A view whose store holds the new articles' quotations and each speaker's earlier ones, counting the reads of the latter. */
function viewOf(fresh: readonly StoredQuote[], earlier: Readonly<Record<string, readonly string[]>>) {
  const reads: string[] = [];
  const store = {
    listQuotes: async () => fresh,
    needsLinking: async () => false,
    quoteTextsOf: async (speakerId: string) => {
      reads.push(speakerId);
      return (earlier[speakerId] ?? []).map((text, i) => ({ article: `old-${i}`, text }));
    },
  } as unknown as Store;
  const memos = new Map<string, Promise<unknown>>();
  const memo = <T>(key: string, compute: () => Promise<T>) => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as Promise<T>;
  };
  return { view: { store, memo } as unknown as StoryView, reads };
}

describe('the quotations of a digest', () => {
  it("reads a speaker's earlier quotations once, however many of the speaker's new ones were said before", async () => {
    const fresh = SAID.map((text, i) => quote(`new-${i}`, text, 'person:manager'));
    const { view, reads } = viewOf(fresh, { 'person:manager': [...SAID, ...SAID] });
    expect(await pickDigestQuotes(['new-0', 'new-1', 'new-2'], [], view, null)).toEqual([]);
    expect(reads).toEqual(['person:manager']);
  });

  it('still quotes what no earlier article carried', async () => {
    const fresh = [quote('new-0', SAID[0]!, 'person:manager'), quote('new-1', NEW_REMARK, 'person:fan')];
    const { view } = viewOf(fresh, { 'person:manager': [SAID[0]!], 'person:fan': [SAID[1]!] });
    const chosen = await pickDigestQuotes(['new-0', 'new-1'], [], view, null);
    expect(chosen.map((q) => [q.speaker, q.text])).toEqual([['Sam Fan', NEW_REMARK]]);
  });
});
