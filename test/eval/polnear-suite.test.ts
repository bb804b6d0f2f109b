import { describe, expect, it } from 'vitest';
import { parsePolnearSummary, runPolnearSection } from '../../scripts/eval/polnear-suite.ts';

describe('the PolNeAR section of the eval', () => {
  it('reads the scorer summary into metrics with the issue targets', () => {
    const metrics = parsePolnearSummary(
      'polnear dev: 84 articles; direct quotes found 600/617 (recall 0.97); system quotes matching any gold attribution 970/1015 (precision 0.96); speaker right 400/553 (0.72)',
    );
    expect(metrics?.map((metric) => [metric.score, metric.pass])).toEqual([
      ['600/617 (0.97)', true],
      ['970/1015 (0.96)', true],
      ['400/553 (0.72)', false],
    ]);
  });

  it('reads nothing from a line that is not the summary', () => {
    expect(parsePolnearSummary('ingest failed: boom')).toBeNull();
  });

  it('says how to get PolNeAR when it is not configured, and runs nothing', () => {
    const section = runPolnearSection(null);
    expect(section.metrics).toEqual([]);
    expect(section.note).toMatch(/POLNEAR_REPO/);
  });
});
