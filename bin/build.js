#!/usr/bin/env node
// `npm run build`, and `npm install` through `prepare`: compiles the sources to dist/ with tsc
// (tsconfig.build.json), then stamps the build so bin/launch.js knows dist/ is current. Without
// TypeScript (an install that left out devDependencies) it says so and leaves dist/ alone: the
// entry points then run the sources through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BUILD_STAMP, ROOT } from './launch.js';

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
writeFileSync(BUILD_STAMP, `${started.toISOString()}\n`);
// Dated when the build began: a source saved while tsc ran is newer, so it is not taken as built.
utimesSync(BUILD_STAMP, started, started);
