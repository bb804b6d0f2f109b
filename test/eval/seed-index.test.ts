/**
 * The story index's acceptance on the seeds: the whole pipeline (ingest, clean, analyse,
 * store, link) scored against the hand-labelled gold files.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { runEval, type EvalResult } from '../../scripts/eval/run-eval.ts';
import { SEED_ACCEPTANCE } from '../../scripts/eval/seed-index-suite.ts';

describe('the story index on the seeds', () => {
  let result: EvalResult;
  const metric = (name: string) => {
    const found = result.suites[0]!.metrics.find((m) => m.name === name);
    if (!found) throw new Error(`no metric ${name}`);
    const [value, total] = found.score.split('/').map(Number);
    return { value: value!, total: total!, misses: result.suites[0]!.misses };
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
});
