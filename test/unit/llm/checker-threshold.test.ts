import { describe, expect, it } from 'vitest';
import { createChecker, OVERLAP_THRESHOLD } from '../../../src/llm/checker.ts';
import { labelledSentences } from './checker-cases.ts';
import { seedPassages, seedQuotations } from './seed-passages.ts';

/** Precision and recall of "passed" against the labels, at one overlap threshold. */
function score(threshold: number) {
  const check = createChecker(seedPassages, seedQuotations, { overlapThreshold: threshold });
  let truePass = 0;
  let falsePass = 0;
  let falseDrop = 0;
  for (const { sentence, supported } of labelledSentences) {
    const passed = check(sentence).passed;
    if (passed && supported) truePass++;
    else if (passed) falsePass++;
    else if (supported) falseDrop++;
  }
  const precision = truePass / (truePass + falsePass);
  const recall = truePass / (truePass + falseDrop);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

describe('the overlap threshold, on hand-labelled sentences about the seed articles', () => {
  it('has both kinds of sentence in the table', () => {
    expect(labelledSentences.filter((s) => s.supported).length).toBeGreaterThanOrEqual(30);
    expect(labelledSentences.filter((s) => !s.supported).length).toBeGreaterThanOrEqual(30);
  });

  it('lets through at most one unsupported sentence in ten, and keeps at least 85% of supported ones', () => {
    const { precision, recall } = score(OVERLAP_THRESHOLD);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('scores an F1 within 0.01 of the best threshold between 0.30 and 0.80', () => {
    const sweep = Array.from({ length: 11 }, (_, i) => score((30 + 5 * i) / 100).f1);
    expect(score(OVERLAP_THRESHOLD).f1).toBeGreaterThanOrEqual(Math.max(...sweep) - 0.01);
  });

  it('drops every unsupported sentence whose error is a name, number, date or quotation', () => {
    const factual = labelledSentences.filter((s) => !s.supported && /wrong|name|not in|fabricated|speaker/.test(s.why));
    const check = createChecker(seedPassages, seedQuotations);
    expect(factual.length).toBeGreaterThanOrEqual(10);
    expect(factual.filter((s) => check(s.sentence).passed).map((s) => s.sentence)).toEqual([]);
  });
});
