/**
 * The answer session every chat adapter shares, against a recording outlet: acknowledged before
 * any work, previews in order and never after the answer, an apology with the logged error id
 * when the work or the delivery fails, and one `answered` line each time.
 */
import { describe, expect, it } from 'vitest';
import { answerSession, type AnswerOutlet, type AnswerResult } from '../../../src/adapters/answer-session.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { recordingLogger } from '../../support/recording-logger.ts';

type Event = readonly [string, string];

function outlet(events: Event[], failDeliver = false): AnswerOutlet<string> {
  return {
    acknowledge: async () => void events.push(['ack', '']),
    preview: async (message) => void events.push(['preview', message]),
    deliver: async (messages) => {
      if (failDeliver) throw new Error('the platform is away');
      events.push(['deliver', messages.join('|')]);
    },
    apologise: async (message) => void events.push(['apologise', message]),
  };
}

const text = (reply: Reply) => reply.notice ?? reply.parts.map((p) => (p.kind === 'text' ? p.text : '')).join(' ');
const options = (log: ReturnType<typeof recordingLogger>, workingAfterMs?: number) => ({
  render: (reply: Reply) => [text(reply)],
  preview: (partial: Reply | null) => (partial === null ? 'working' : `partial: ${text(partial)}`),
  ...(workingAfterMs !== undefined ? { workingAfterMs } : {}),
  previewEveryMs: 20,
  log: log.logger,
  via: 'test',
  describeError: (error: unknown) => ({ err: String(error) }),
});
const answer = (words: string): AnswerResult => ({
  reply: { parts: [{ kind: 'text', text: words, cites: [] }], citations: [] },
  outcome: 'ok',
  command: 'ask',
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the answer session', () => {
  it('acknowledges before any work, and delivers after the last preview', async () => {
    const events: Event[] = [];
    const log = recordingLogger();
    await answerSession(
      outlet(events),
      async (progress) => {
        events.push(['work', '']);
        progress(answer('one').reply);
        progress(answer('two').reply);
        await sleep(50);
        return answer('final');
      },
      options(log),
    );
    expect(events[0]).toEqual(['ack', '']);
    expect(events[1]).toEqual(['work', '']);
    expect(events.filter(([kind]) => kind === 'preview').map(([, m]) => m)).toEqual(['partial: one', 'partial: two']);
    expect(events.at(-1)).toEqual(['deliver', 'final']);
    expect(log.lines.filter((l) => l.msg === 'answered')).toEqual([
      expect.objectContaining({ via: 'test', command: 'ask', outcome: 'ok', delivered: true, messages: 1 }),
    ]);
  });

  it('shows the working message only for a slow command', async () => {
    const fast: Event[] = [];
    await answerSession(outlet(fast), async () => answer('quick'), options(recordingLogger(), 30));
    expect(fast.map(([kind]) => kind)).toEqual(['ack', 'deliver']);
    const slow: Event[] = [];
    await answerSession(
      outlet(slow),
      async () => {
        await sleep(80);
        return answer('slow');
      },
      options(recordingLogger(), 30),
    );
    expect(slow).toEqual([
      ['ack', ''],
      ['preview', 'working'],
      ['deliver', 'slow'],
    ]);
  });

  it('answers a failure of the work with an apology whose id the log has', async () => {
    const events: Event[] = [];
    const log = recordingLogger();
    await answerSession(outlet(events), async () => Promise.reject(new Error('lookup failed')), options(log));
    const failure = log.lines.find((l) => l.msg === 'handling a request failed');
    expect(failure?.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(events.at(-1)).toEqual(['deliver', expect.stringContaining(`error ${String(failure?.errorId)}`)]);
  });

  it('apologises with the logged id when the answer cannot be delivered, and never rejects', async () => {
    const events: Event[] = [];
    const log = recordingLogger();
    await answerSession(outlet(events, true), async () => answer('lost'), options(log));
    const failure = log.lines.find((l) => l.msg === 'could not deliver the answer');
    expect(events.at(-1)).toEqual(['apologise', expect.stringContaining(`could not be posted here (error ${String(failure?.errorId)})`)]);
    expect(log.lines.find((l) => l.msg === 'answered')).toMatchObject({ delivered: false, errorId: failure?.errorId });
  });

  it('does no work when the request cannot even be acknowledged', async () => {
    let worked = false;
    const log = recordingLogger();
    const refusing: AnswerOutlet<string> = { ...outlet([]), acknowledge: async () => Promise.reject(new Error('expired')) };
    await answerSession(
      refusing,
      async () => {
        worked = true;
        return answer('x');
      },
      options(log),
    );
    expect(worked).toBe(false);
    expect(log.lines.some((l) => l.msg === 'could not acknowledge the request')).toBe(true);
  });
});
