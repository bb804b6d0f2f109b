/**
 * Core and commands know the store only through its ports (src/core/ports/): no file of theirs
 * imports an engine, so a third engine, or a change inside one, never touches them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The files a source imports, resolved to paths relative to the project. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => relative(PROJECT_ROOT, resolve(file, '..', m[1]!)));
}

describe('the store ports', () => {
  const files = [...sources(resolve(PROJECT_ROOT, 'src/core')), ...sources(resolve(PROJECT_ROOT, 'commands'))];

  it('are what core and commands import, never an engine under src/store', () => {
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((file) =>
      imports(file)
        .filter((target) => target.startsWith('src/store/'))
        .map((target) => `${relative(PROJECT_ROOT, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
