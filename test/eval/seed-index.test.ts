/**
 * The story index's acceptance on the seeds: the whole pipeline (ingest, clean, analyse,
 * store, link) scored against the hand-labelled gold files.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { runEval, type EvalResult } from '../../scripts/eval/run-eval.ts';
import { SEED_ACCEPTANCE } from '../../scripts/eval/seed-index-suite.ts';

describe('the story index and its answers on the seeds', () => {
  let result: EvalResult;
  const metric = (name: string) => {
    const suite = result.suites.find((s) => s.metrics.some((m) => m.name === name));
    const found = suite?.metrics.find((m) => m.name === name);
    if (!suite || !found) throw new Error(`no metric ${name}`);
    const [value, total] = found.score.split('/').map(Number);
    return { value: value!, total: total!, misses: suite.misses };
  };

  beforeAll(async () => {
    result = await runEval({ corpusDir: resolve(PROJECT_ROOT, 'seeds'), goldDir: resolve(PROJECT_ROOT, 'test/gold') });
  });

  it('ingests all five seed articles without skipping any', () => {
    expect(result.ingest.skipped).toEqual([]);
    expect(result.ingest.articles).toBe(5);
  });

  it(`finds at least ${SEED_ACCEPTANCE.speakersRight} of the 23 labelled quotations with the right speaker`, () => {
    const { value, total, misses } = metric('Speakers right');
    expect(total).toBe(23);
    expect(value, misses.join('\n')).toBeGreaterThanOrEqual(SEED_ACCEPTANCE.speakersRight);
  });

  it('attributes none of the scare quotes, headlines or headings to anyone', () => {
    const { value, misses } = metric('Not-quotes attributed');
    expect(value, misses.join('\n')).toBe(0);
  });

  it('gets the four labelled titles exact and makes a short title for the untitled article', () => {
    const { value, total, misses } = metric('Titles right');
    expect(total).toBe(5);
    expect(value, misses.join('\n')).toBe(5);
  });

  it('keeps every labelled boilerplate line out of stored sentences and quotations', () => {
    const { value, misses } = metric('Boilerplate leaked');
    expect(value, misses.join('\n')).toBe(0);
  });

  it('keeps every other body line in the clean text', () => {
    const { value, total, misses } = metric('Content lost (lines)');
    expect(total).toBeGreaterThan(30);
    expect(value, misses.join('\n')).toBe(0);
  });

  it('answers all ten seed questions with a right citation among the first three', () => {
    const { value, total, misses } = metric('Seed questions right');
    expect(total).toBe(10);
    expect(value, misses.join('\n')).toBe(10);
  });

  it('answers at least three of the four paraphrased questions', () => {
    const { value, total, misses } = metric('Paraphrases right');
    expect(total).toBe(4);
    expect(value, misses.join('\n')).toBeGreaterThanOrEqual(3);
  });

  it('says nothing is indexed on unrelated questions, citing nothing', () => {
    const { value, misses } = metric('Unrelated questions answered');
    expect(value, misses.join('\n')).toBe(0);
  });

  it('cites only stored sentences, verbatim', () => {
    const { value, total } = metric('Citations not verbatim');
    expect(total).toBeGreaterThan(10);
    expect(value).toBe(0);
  });

  it('briefs the story in at most seven points citing every article, with the same remarks in one point', () => {
    expect(metric('Brief points').value).toBeLessThanOrEqual(7);
    const cited = metric('Brief articles cited');
    expect(cited.value, cited.misses.join('\n')).toBe(cited.total);
    const folded = metric('Same remarks not folded');
    expect(folded.total).toBeGreaterThan(0);
    expect(folded.value, folded.misses.join('\n')).toBe(0);
  });
});
