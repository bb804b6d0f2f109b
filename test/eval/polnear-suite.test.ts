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

describe('npm run eval -- --only polnear', () => {
  it('runs only the PolNeAR section and says how to get it when it is not configured', async () => {
    const { spawnSync } = await import('node:child_process');
    const { environmentWith, PROJECT_ROOT } = await import('../../src/config.ts');
    const run = spawnSync(process.execPath, ['bin/run-ts.js', 'scripts/eval.ts', '--only', 'polnear'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: environmentWith({ POLNEAR_REPO: '' }),
    });
    expect(run.stdout).toMatch(/Speaker attribution on PolNeAR/);
    expect(run.stdout).toMatch(/POLNEAR_REPO/);
    expect(run.stdout).not.toMatch(/Story index \(seeds\)/);
    expect(run.status).toBe(1);
  }, 60_000);

  it('refuses a section it does not know', async () => {
    const { spawnSync } = await import('node:child_process');
    const { PROJECT_ROOT } = await import('../../src/config.ts');
    const run = spawnSync(process.execPath, ['bin/run-ts.js', 'scripts/eval.ts', '--only', 'seeds'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--only knows one section, polnear/);
  }, 60_000);
});
