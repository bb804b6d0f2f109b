import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSummarySamples, referenceSentences, SummaryRepoError } from '../../scripts/eval/bbc-summaries.ts';
import { runSummaryEval } from '../../scripts/eval/summary-suite.ts';
import { summarySection } from '../../scripts/eval/summary-report.ts';

// A miniature of the data set's layout, with invented articles whose summaries are some of
// their own sentences run together, as the data set's are.
const ARTICLES: Record<string, { article: string; summary: string }> = {};
const towns = ['Vellmoor', 'Kestrel Bay', 'Ashcombe', 'Dunmere', 'Orrin Vale', 'Penhallow'];
towns.forEach((town, i) => {
  const sentences = [
    `The council in ${town} has approved a new library costing £${i + 2}m after a long campaign.`,
    `Work on the ${town} library will start in the spring and take two years.`,
    `Campaigners in ${town} said the library would serve ${1000 * (i + 1)} readers a week.`,
    `The old library closed in 2019 after its roof failed.`,
    `Rain delayed the vote by a week.`,
  ];
  ARTICLES[`${i % 2 === 0 ? 'politics' : 'business'}/00${i + 1}`] = {
    article: `${town} library approved\n\n${sentences.slice(0, 2).join(' ')}\n\n${sentences.slice(2).join(' ')}\n`,
    summary: `${sentences[0]}${sentences[2]}${sentences[1]}`,
  };
});

function writeDataSet(root: string): void {
  for (const [key, { article, summary }] of Object.entries(ARTICLES)) {
    const [section, name] = key.split('/');
    for (const [folder, text] of [
      ['News Articles', article],
      ['Summaries', summary],
    ] as const) {
      mkdirSync(join(root, 'dataset', folder, section!), { recursive: true });
      writeFileSync(join(root, 'dataset', folder, section!, `${name}.txt`), text);
    }
  }
}

describe('the BBC News Summary data set', () => {
  let folder: string;
  let gitDir: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'bbc-summary-'));
    writeDataSet(folder);
    const git = (...args: string[]) => spawnSync('git', ['-C', folder, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args]);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'data');
    gitDir = join(folder, '.git');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('splits a reference summary whose sentences run together with no space', () => {
    expect(referenceSentences('Sales rose 2% to $11.1bn.For 2005, it expects growth."We are pleased," he said.')).toEqual([
      'Sales rose 2% to $11.1bn.',
      'For 2005, it expects growth.',
      '"We are pleased," he said.',
    ]);
    expect(referenceSentences('He said: "It is over."The firm closed.')).toEqual(['He said: "It is over."', 'The firm closed.']);
  });

  it('picks the same disjoint samples every time, each article with its own summary', () => {
    const specs = [
      { name: 'first', offset: 0, size: 3 },
      { name: 'second', offset: 3, size: 3 },
    ];
    const [first, second] = loadSummarySamples(folder, specs);
    const again = loadSummarySamples(folder, specs);
    expect(first!.pairs.map((p) => p.key)).toEqual(again[0]!.pairs.map((p) => p.key));
    const keys = [...first!.pairs, ...second!.pairs].map((p) => p.key);
    expect(new Set(keys).size).toBe(6);
    for (const pair of first!.pairs) {
      expect(pair.summary).toBe(ARTICLES[pair.key]!.summary);
      expect(new TextDecoder().decode(pair.article)).toBe(ARTICLES[pair.key]!.article);
    }
  });

  it('reads a git directory without a work tree as it reads a checkout', () => {
    const spec = [{ name: 'all', offset: 0, size: 6 }];
    const fromGit = loadSummarySamples(gitDir, spec)[0]!.pairs;
    const fromFolder = loadSummarySamples(folder, spec)[0]!.pairs;
    expect(fromGit.map((p) => [p.key, p.summary])).toEqual(fromFolder.map((p) => [p.key, p.summary]));
  });

  it('says what is wrong with a folder that is not the data set', () => {
    expect(() => loadSummarySamples(join(folder, 'dataset'), [{ name: 'x', offset: 0, size: 1 }])).toThrow(SummaryRepoError);
  });

  it('scores the brief, TextRank and the lead at each length', async () => {
    const [result] = await runSummaryEval(folder, [{ name: 'all', offset: 0, size: 6 }]);
    expect(result!.articles).toBe(6);
    expect(result!.meanReferenceSentences).toBe(3);
    expect(result!.sections.map((s) => s.rows[0]!.label)).toEqual(['brief --article', 'brief selection', 'brief selection']);
    for (const section of result!.sections) {
      for (const row of section.rows) {
        expect(row.rouge1).toBeGreaterThan(0);
        expect(row.rouge1).toBeLessThanOrEqual(100);
      }
    }
    // The rain sentence shares nothing with the rest: the brief leaves it out, the lead-5 does not.
    const atReference = result!.sections[1]!.rows;
    expect(atReference[0]!.rouge2).toBeGreaterThan(atReference.find((r) => r.label === 'first sentences')!.rouge2 - 1e-9);
    expect(result!.metrics).toHaveLength(6);
  });

  it('says how to get the data set when none is named, and goes on', async () => {
    const section = await summarySection(null);
    expect(section.pass).toBe(true);
    expect(section.lines.join('\n')).toMatch(/BBC_SUMMARY_REPO/);
  });

  it('fails the section with the reason when the named folder cannot be read', async () => {
    const section = await summarySection(join(folder, 'missing'));
    expect(section.pass).toBe(false);
    expect(section.lines.join('\n')).toMatch(/missing/);
  });
});
