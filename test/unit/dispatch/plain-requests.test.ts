import { describe, expect, it } from 'vitest';
import { commandsFor } from '../../../commands/index.ts';
import { parseChatText } from '../../../src/core/dispatch.ts';
import { routePlainRequest } from '../../../src/core/plain-requests.ts';

const chat = commandsFor('chat');
const ran = (text: string) => {
  const parsed = parseChatText(text, chat);
  if (parsed.kind !== 'command') throw new Error(`expected a command for ${JSON.stringify(text)}, got ${JSON.stringify(parsed)}`);
  return { name: parsed.command.name, options: { ...parsed.options } };
};

describe('plain requests typed in chat', () => {
  it('sends "what\'s the latest", "what\'s new", "summarise" and "what happened" to brief', () => {
    for (const text of [
      "what's the latest?",
      "What's new",
      'any news?',
      'summarise',
      'Summarise the story please',
      'Can you sum up the coverage?',
      'what happened',
      'What has happened so far?',
      'catch me up',
    ]) {
      expect(ran(text), text).toEqual({ name: 'brief', options: {} });
    }
  });

  it('keeps the topic of a request about one thing', () => {
    expect(ran("What's the latest on the strike?")).toEqual({ name: 'brief', options: { topic: 'the strike' } });
    expect(ran('summarize the ferry fares')).toEqual({ name: 'brief', options: { topic: 'the ferry fares' } });
    expect(ran('what happened to the harbour?')).toEqual({ name: 'brief', options: { topic: 'the harbour' } });
  });

  it('sends "timeline of X" to timeline with X as its topic', () => {
    expect(ran('show me the timeline of the merger')).toEqual({ name: 'timeline', options: { topic: 'the merger' } });
    expect(ran('Give me a timeline')).toEqual({ name: 'timeline', options: {} });
    expect(ran('timeline of the ban')).toEqual({ name: 'timeline', options: { topic: 'the ban' } });
    expect(ran('/timeline of the ban')).toEqual({ name: 'timeline', options: { topic: 'of the ban' } });
  });

  it('leaves questions to ask, even ones that use the same words', () => {
    for (const text of ['Who founded the company?', 'What is the latest figure for jobs lost?', 'What happens next?', 'Who is Maria Lopez?']) {
      expect(ran(text).name, text).toBe('ask');
      expect(routePlainRequest(text), text).toBeNull();
    }
  });
});
