#!/usr/bin/env node
// `npm run build`, and `npm install` through `prepare`: compiles the sources to dist/ with tsc
// (tsconfig.build.json), bundles the two programs (`briefbot`, `npm start`) into dist/bundle/
// with esbuild, then stamps the build so bin/launch.js knows dist/ is current. Without
// TypeScript (an install that left out devDependencies) it says so and leaves dist/ alone: the
// entry points then run the sources through tsx. Without esbuild the programs run from the
// per-file dist/ (a little slower to start).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUILD_STAMP, BUNDLE_DIR, BUNDLED, ROOT } from './launch.js';

let tsc;
try {
  tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('briefbot: TypeScript is not installed, so nothing was compiled; npm start and briefbot will run the sources (slower to start)\n');
  process.exit(0);
}
// The stamp is written after tsc ends, so a build that is cut short never looks current.
const started = new Date();
const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
if (!existsSync(join(ROOT, 'dist'))) mkdirSync(join(ROOT, 'dist'));
if (result.status !== 0) {
  // tsc still emits JavaScript when types are wrong; the sources stay the program until fixed.
  process.stderr.write('briefbot: the build reported type errors (above); npm start and briefbot will run the sources until they are fixed\n');
  process.exit(result.status ?? 1);
}
await bundle();
writeFileSync(BUILD_STAMP, `${started.toISOString()}\n`);
// Dated when the build began: a source saved while tsc ran is newer, so it is not taken as built.
utimesSync(BUILD_STAMP, started, started);

/**
 * Packages the bundle imports from node_modules at run time: every dependency but those in
 * INLINED. chrono-node and zod are bundled because they are many small modules that every
 * call loads (chrono-node 51, for every question; zod's for the config schema read at start),
 * and each module Node resolves and reads costs about a millisecond (zod alone: 65 ms of CPU
 * file by file, 30 ms bundled); the others are loaded lazily, are native (better-sqlite3) or
 * are few files.
 */
function externalPackages() {
  // Inside the function: the build runs bundle() at top level, before any later const is set.
  const INLINED = new Set(['chrono-node', 'zod']);
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return [...Object.keys(dependencies), ...Object.keys(devDependencies)].filter((name) => !INLINED.has(name)).flatMap((name) => [name, `${name}/*`]);
}

/**
 * The programs as a few files instead of some 200 (node_modules stay apart but for INLINED):
 * Node resolves, reads and compiles each file it imports, which was half of a CLI call's CPU.
 * Lazily loaded code (Slack, Discord, the writer, the web fetcher) stays in chunks of its own,
 * loaded only when used. All files are flat in dist/bundle/: the analysis worker is found
 * beside the chunk that starts it, and src/config.ts finds the project as dist/'s parent.
 */
async function bundle() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    process.stderr.write('briefbot: esbuild is not installed, so the programs were not bundled; they run from dist/ file by file\n');
    return;
  }
  const entryPoints = Object.fromEntries(Object.entries(BUNDLED).map(([source, name]) => [name, source]));
  try {
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { ...entryPoints, 'analysis-worker': 'src/ingest/analysis-worker.ts' },
      outdir: BUNDLE_DIR,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Names as written: code may read a class's name (events.ts picks chrono's parsers by it).
      keepNames: true,
      external: externalPackages(),
      sourcemap: true,
      logLevel: 'warning',
    });
  } catch (error) {
    rmSync(BUNDLE_DIR, { recursive: true, force: true });
    process.stderr.write(`briefbot: bundling failed (${error.message.split('\n')[0]}); the programs run from dist/ file by file\n`);
  }
}
