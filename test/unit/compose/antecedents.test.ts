import { describe, expect, it } from 'vitest';
import { needsAntecedent } from '../../../src/core/compose/antecedents.ts';
import { contextPenalty } from '../../../src/core/compose/context-penalty.ts';

describe('telling which sentences lean on the one before', () => {
  it.each([
    ['He said the deal was off.', 'person'],
    ['She told reporters the plant would close.', 'person'],
    ['But he added that talks would go on.', 'person'],
    ['His first film for the studio was a fantasy.', 'person'],
    ['This approval has come from the regional government.', 'previous'],
    ['These figures were disputed by the union.', 'previous'],
    ['It lost 464,000 subscribers in the fourth quarter.', 'previous'],
    ['However, they refused to comment.', 'previous'],
    ['“This cannot go on,” the mayor said.', 'previous'],
  ])('reads %j as leaning on a %s', (text, kind) => {
    expect(needsAntecedent(text)).toBe(kind);
  });

  it.each([
    'The mayor said the plant would close.',
    'Thistle Ltd said the deal was off.',
    'Hesketh Bank was flooded on Monday.',
    'Theresa Lang, the finance minister, resigned.',
    'Italy won the match 2-0.',
  ])('lets %j stand alone', (text) => {
    expect(needsAntecedent(text)).toBeNull();
  });
});

describe('how much a sentence needs the one before it', () => {
  it.each([
    ['Rates rose on Monday.', 0],
    ['However, rates rose on Monday.', 0.5],
    ['"We are ready," he said.', 0.5],
    ['He said: "It is over."', 1],
    ['The minister said:', 1],
  ])('gives %j a penalty of %d', (text, penalty) => {
    expect(contextPenalty(text)).toBe(penalty);
  });
});
