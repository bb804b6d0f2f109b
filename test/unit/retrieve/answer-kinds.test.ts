import { describe, expect, it } from 'vitest';
import { answerKindOf, askedWords, focusOf, holdsAnswerKind } from '../../../src/core/retrieve/answer-kinds.ts';
import { tokenize } from '../../../src/core/retrieve/terms.ts';

const focus = (question: string) => {
  const tokens = tokenize(question);
  const { start, end } = focusOf(tokens);
  return tokens
    .slice(start, end)
    .map((t) => t.text)
    .join(' ');
};

describe('the kind of answer a question wants', () => {
  it('reads the opening question word, not one inside a later clause', () => {
    expect(answerKindOf('Where were they found training when they said they were at home?')).toBe('place');
    expect(answerKindOf('Before the late goal, when had they last won at home?')).toBe('date');
    expect(answerKindOf('How many jobs are at risk?')).toBe('amount');
    expect(answerKindOf('According to the unions, by how much did pay rise?')).toBe('amount');
    expect(answerKindOf('By what score did the visitors win?')).toBe('score');
    expect(answerKindOf('Why did the talks fail?')).toBe('reason');
    expect(answerKindOf('What event led the regulator to act?')).toBe('reason');
    expect(answerKindOf('Who owns the harbour?')).toBe('person');
    expect(answerKindOf('Will the ferry run on Sunday?')).toBe('yes-no');
    expect(answerKindOf('What happened to the ferry?')).toBe('general');
  });

  it('knows a sentence that holds the kind of fact asked for', () => {
    expect(holdsAnswerKind('amount', 'It would mean the loss of 800 jobs.')).toBe(true);
    expect(holdsAnswerKind('amount', 'Nine people were hurt.')).toBe(true);
    expect(holdsAnswerKind('amount', 'The plant will close.')).toBe(false);
    expect(holdsAnswerKind('score', 'They won 6-3 6-2 in the final.')).toBe(true);
    expect(holdsAnswerKind('score', 'Profits rose 6% in 2004.')).toBe(false);
    expect(holdsAnswerKind('date', 'The deal was signed in March.')).toBe(true);
    expect(holdsAnswerKind('place', 'The engines will be made in Australia.')).toBe(true);
    expect(holdsAnswerKind('person', 'The plan was backed by Maria Lopez.')).toBe(true);
    expect(holdsAnswerKind('person', 'The plan was backed on Monday.')).toBe(false);
    expect(holdsAnswerKind('reason', 'It closed because demand fell.')).toBe(true);
    expect(holdsAnswerKind('reason', 'Accounting errors had forced the move.')).toBe(true);
  });

  it('wants the fact to be new: not a number, place or name the question already states', () => {
    const asked = askedWords('Where will the Dunmore plant build engines for Acme in 2005?');
    expect(holdsAnswerKind('place', 'The plant near Dunmore will close.', asked)).toBe(false);
    expect(holdsAnswerKind('place', 'The engines will be made in Australia.', asked)).toBe(true);
    expect(holdsAnswerKind('amount', 'Output fell in 2005.', askedWords('How much did output fall in 2005?'))).toBe(false);
    expect(holdsAnswerKind('person', 'Acme said the plant would close.', askedWords('Who runs Acme?'))).toBe(false);
    expect(holdsAnswerKind('person', 'The ministers met in Britain.', askedWords('Who met?'))).toBe(false);
  });

  it('finds what a "how many" or "what" question asks about', () => {
    expect(focus('How many phones did passengers leave behind?')).toBe('phones');
    expect(focus('What sort of visa was she holding?')).toBe('visa');
    expect(focus('Which rival Premiership boss is ready to bid?')).toBe('rival Premiership boss');
    expect(focus('What did the minister say?')).toBe('');
    expect(focus('What is the capital of France?')).toBe('');
  });
});
