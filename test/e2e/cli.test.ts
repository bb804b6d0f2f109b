/**
 * The real `briefbot` executable in a child process, against a temporary database: the JSON
 * contracts, the text views, and one-line errors for bad command lines.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

const BIN = resolve(PROJECT_ROOT, 'bin/briefbot.js');
const SEEDS = resolve(PROJECT_ROOT, 'seeds');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('BRIEFBOT_') || key === 'LOG_LEVEL') delete env[key];
  return { ...env, ...extra };
}

function briefbot(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, env: cleanEnv(env), timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function expectOneLineError(run: Run, code: number, pattern: RegExp): void {
  expect(run.code).toBe(code);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('the briefbot CLI', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-cli-'));
    db = join(dir, 'index', 'briefbot.db');
    const first = await briefbot(['--db', db, 'ingest', SEEDS, '--json']);
    expect(first.code, first.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an unchanged corpus as unchanged, in JSON', async () => {
    const run = await briefbot(['ingest', SEEDS, '--db', db, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    for (const field of ['added', 'updated', 'unchanged', 'removed', 'duplicates', 'skipped']) expect(report).toHaveProperty(field);
    expect(report.unchanged).toHaveLength(5);
    expect(report.added).toEqual([]);
  });

  it('lists the sources with the contract fields, unknown facts as null', async () => {
    const run = await briefbot(['sources', '--json', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const { articles } = JSON.parse(run.stdout);
    expect(articles).toHaveLength(5);
    for (const article of articles) {
      expect(Object.keys(article)).toEqual(expect.arrayContaining(['id', 'title', 'outlet', 'url', 'published', 'sentences', 'quotes']));
      expect(typeof article.sentences).toBe('number');
      expect(typeof article.quotes).toBe('number');
    }
    const unknown = articles.find((a: { id: string }) => a.id === '002_f3f2e613ff61652a');
    expect(unknown).toMatchObject({ outlet: null, url: null, published: null });
  });

  it('lists quotations with the contract fields and filters them by speaker, whatever the case', async () => {
    const all = JSON.parse((await briefbot(['quotes', '--json', '--db', db])).stdout).quotes;
    expect(all.length).toBeGreaterThan(10);
    for (const quote of all) {
      expect(Object.keys(quote)).toEqual(expect.arrayContaining(['article', 'speaker', 'text', 'cue', 'start', 'end']));
      expect(quote.text).not.toMatch(/^["“‘']|["”’']$/);
    }
    const run = await briefbot(['quotes', '--speaker', 'LIANG HUA', '--json', '--db', db]);
    const byLiang = JSON.parse(run.stdout).quotes;
    expect(byLiang.length).toBeGreaterThan(0);
    expect(new Set(byLiang.map((q: { speaker: string }) => q.speaker))).toEqual(new Set(['Liang Hua']));
  });

  it('filters quotations by article', async () => {
    const run = await briefbot(['quotes', '--article', '004_684b3eebdcbad4b5', '--json', '--db', db]);
    const quotes = JSON.parse(run.stdout).quotes;
    expect(quotes.length).toBeGreaterThan(0);
    expect(new Set(quotes.map((q: { article: string }) => q.article))).toEqual(new Set(['004_684b3eebdcbad4b5']));
  });

  it('says which speakers are close when the speaker is unknown', async () => {
    const run = await briefbot(['quotes', '--speaker', 'Wiliamson', '--db', db]);
    expectOneLineError(run, 1, /^briefbot: No speaker called "Wiliamson".*Close matches: .*Williamson/);
  });

  it('says which articles are close when the article is unknown, also as JSON', async () => {
    const run = await briefbot(['quotes', '--article', '004_684b3eebdcbad4b', '--json', '--db', db]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'unknown-article' });
    expect(run.stderr).toMatch(/Close matches: 004_684b3eebdcbad4b5/);
  });

  it('shows an article with numbered sentences and what was set aside, with the reason', async () => {
    const run = await briefbot(['show', '000_027e3a3643333b23', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Williamson has ‘grave’ concerns over Chinese telecom giant Huawei');
    expect(run.stdout).toMatch(/\[1\] The Defence Secretary has said/);
    expect(run.stdout).toMatch(/SET ASIDE\n\nline 3 \(\w[\w-]*\): The UK headquarters of Huawei in Reading Credit: PA/);
  });

  it('prints help generated from the commands', async () => {
    const run = await briefbot(['--help']);
    expect(run.code).toBe(0);
    for (const name of ['ingest', 'sources', 'quotes', 'show']) expect(run.stdout).toContain(`  ${name} `);
    expect((await briefbot(['quotes', '--help'])).stdout).toContain('Usage: briefbot quotes [--speaker SPEAKER] [--article ARTICLE]');
  });

  it('exits with a one-line message for a bad option, a bad command or a missing argument', async () => {
    expectOneLineError(await briefbot(['sources', '--bogus', '--db', db]), 2, /^briefbot: unknown option --bogus for "sources"/);
    expectOneLineError(await briefbot(['sorces', '--db', db]), 2, /^briefbot: unknown command "sorces": did you mean sources\?$/);
    expectOneLineError(await briefbot(['show', '--db', db]), 2, /^briefbot: "show" needs ID/);
    expectOneLineError(await briefbot(['quotes', '--speaker', '--db', db]), 2, /^briefbot: /);
    expectOneLineError(await briefbot(['sources', '--db', db], { LOG_LEVEL: 'loud' }), 2, /^briefbot: LOG_LEVEL is "loud": set it to one of/);
  });

  it('indexes the default corpus first when the database is empty, saying so on stderr', async () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'only.txt'), 'A lone headline\n\n"It works," said Ada Byron, the engineer.\n');
    const run = await briefbot(['sources', '--json'], { BRIEFBOT_DB: join(dir, 'fresh.db'), BRIEFBOT_CORPUS: corpus });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`no articles indexed yet; indexing ${corpus} first`);
    expect(JSON.parse(run.stdout).articles.map((a: { id: string }) => a.id)).toEqual(['only']);
  });

  it('refuses to ingest a path that does not exist or a web address, exit 2 naming it, and keeps the index', async () => {
    expectOneLineError(await briefbot(['--db', db, 'ingest', join(dir, 'nowhere')]), 2, /^briefbot: .*nowhere does not exist: nothing was ingested$/);
    expectOneLineError(
      await briefbot(['--db', db, 'ingest', 'https://news.example/feed.xml']),
      2,
      /is a web address, not a file or folder: use briefbot add https:\/\/news\.example\/feed\.xml$/,
    );
    const sources = await briefbot(['--db', db, 'sources', '--json']);
    expect(JSON.parse(sources.stdout).articles).toHaveLength(5);
  });

  it('names each skipped file with its reason and ingests the rest', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'good.txt'), 'Headline\n\nA body paragraph of the article.\n');
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0]));
    const run = await briefbot(['ingest', folder, '--db', join(dir, 'mixed.db'), '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.added).toEqual(['good']);
    expect(report.skipped.map((s: { path: string; reason: string }) => [s.path.split('/').pop(), s.reason.split(':')[0]]).sort()).toEqual([
      ['binary.txt', 'not text'],
      ['empty.txt', 'empty file'],
    ]);
  });
});
