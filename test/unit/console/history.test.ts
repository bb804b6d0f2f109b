import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_SIZE, historyFileFor, loadHistory, saveHistory } from '../../../src/adapters/console/history.ts';
import { recordingLogger } from '../llm/recording-logger.ts';

describe('chat history', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'briefbot-history-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lives beside the database, and nowhere for an in-memory one', () => {
    expect(historyFileFor('/srv/data/briefbot.db')).toBe('/srv/data/.briefbot_history');
    expect(historyFileFor(':memory:')).toBeNull();
  });

  it('reads back what it saved, newest first, in a file only the user can read', () => {
    const file = join(dir, 'nested', '.briefbot_history');
    saveHistory(file, ['third', 'second', 'first'], recordingLogger());
    expect(readFileSync(file, 'utf8')).toBe('first\nsecond\nthird\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadHistory(file, recordingLogger())).toEqual(['third', 'second', 'first']);
  });

  it('keeps only the newest lines', () => {
    const file = join(dir, '.briefbot_history');
    writeFileSync(file, Array.from({ length: HISTORY_SIZE + 50 }, (_, i) => `line ${i}`).join('\n'));
    const history = loadHistory(file, recordingLogger());
    expect(history).toHaveLength(HISTORY_SIZE);
    expect(history[0]).toBe(`line ${HISTORY_SIZE + 49}`);
  });

  it('starts empty when there is no file, and only warns when the file cannot be written', () => {
    const log = recordingLogger();
    expect(loadHistory(join(dir, 'missing'), log)).toEqual([]);
    expect(log.entries).toEqual([]);
    writeFileSync(join(dir, 'blocker'), '');
    saveHistory(join(dir, 'blocker', '.briefbot_history'), ['x'], log);
    expect(log.entries.map((e) => e.level)).toEqual(['warn']);
  });
});
