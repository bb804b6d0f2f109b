import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileClock } from '../../../src/file-clock.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function clockFile(text: string): string {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-file-clock-'));
  const file = join(dir, 'clock');
  writeFileSync(file, text);
  return file;
}

describe('fileClock', () => {
  it('tells the time the file holds, and follows it when the file is rewritten', () => {
    const file = clockFile('2026-06-01T07:30:00.000Z\n');
    const clock = fileClock(file);
    expect(clock.now().toISOString()).toBe('2026-06-01T07:30:00.000Z');
    writeFileSync(file, '2026-06-01T08:31:00Z');
    expect(clock.now().toISOString()).toBe('2026-06-01T08:31:00.000Z');
  });

  it('keeps the last time while the file is empty or unreadable', () => {
    const file = clockFile('2026-06-01T07:30:00.000Z');
    const clock = fileClock(file);
    writeFileSync(file, '');
    expect(clock.now().toISOString()).toBe('2026-06-01T07:30:00.000Z');
    rmSync(file);
    expect(clock.now().toISOString()).toBe('2026-06-01T07:30:00.000Z');
  });

  it('refuses at once a file that does not hold a time', () => {
    expect(() => fileClock(clockFile('soon'))).toThrow(/does not hold an ISO time/);
  });
});
