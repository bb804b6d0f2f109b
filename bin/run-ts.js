#!/usr/bin/env node
// Runs a TypeScript entry point of the project (a script such as scripts/eval.ts): its compiled
// JavaScript when dist/ is current, else the source through tsx. Usage: node bin/run-ts.js FILE.ts [args…]
import { relative, resolve } from 'node:path';
import { launch, ROOT } from './launch.js';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: run-ts.js FILE.ts [args…]\n');
  process.exit(2);
}
await launch(relative(ROOT, resolve(entry)), rest);
