// How every entry point starts: the compiled JavaScript in dist/ when it is at least as new as
// every source file (a start in a blink; the bundle in dist/bundle/ for the two programs), otherwise the TypeScript sources through tsx, so an
// edit is never run stale and a checkout without a build still works (slower to start).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Written by bin/build.js once tsc has finished: when dist/ was last built in full. */
export const BUILD_STAMP = join(ROOT, 'dist', '.built');
/** Where bin/build.js bundles the programs, when esbuild is installed. */
export const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');
/** The entry points bundled, each as dist/bundle/NAME.js: a start reads a few files, not some 200. */
export const BUNDLED = { 'src/adapters/cli/main.ts': 'cli', 'src/main.ts': 'main' };
const SOURCE_DIRS = ['src', 'commands', 'scripts'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time among the sources (ms), or Infinity if one cannot be read. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  try {
    for (const dir of SOURCE_DIRS) visit(join(ROOT, dir));
    for (const file of SOURCE_FILES) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  return newest;
}

/** Whether dist/ holds a build of the sources as they are now. */
export function buildIsFresh() {
  let built;
  try {
    built = statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return false;
  }
  return built >= newestSource();
}

/**
 * Runs the entry point `source` (a path from the project root, e.g. 'src/main.ts') with `args`
 * as its command-line arguments, compiled or from the sources as above.
 */
export async function launch(source, args = process.argv.slice(2)) {
  const compiled = join(ROOT, 'dist', source.replace(/\.ts$/, '.js'));
  // Only the project's own sources are compiled; any other TypeScript file runs as it is.
  const built = SOURCE_DIRS.some((dir) => source.startsWith(`${dir}/`));
  let entry = compiled;
  if (built && buildIsFresh()) {
    const bundled = Object.hasOwn(BUNDLED, source) ? join(BUNDLE_DIR, `${BUNDLED[source]}.js`) : undefined;
    if (bundled && existsSync(bundled)) entry = bundled;
  } else {
    entry = resolve(ROOT, source);
    if (built && process.stderr.isTTY)
      process.stderr.write('briefbot: running from the sources (dist/ is missing or older than them); npm run build makes start-up fast\n');
    const { register } = await import('tsx/esm/api');
    register();
  }
  // As if `node entry args…` had been run: scripts compare argv[1] with their own URL.
  process.argv = [process.argv[0], entry, ...args];
  await import(pathToFileURL(entry).href);
}
