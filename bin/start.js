#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=50
// `npm start`: the bot on every platform that has a token, or the terminal chat when none has.
// The V8 flags (the same as package.json's start script, which the bench's serving row reads)
// keep a serving process's heap near what it holds: by default V8 lets the old generation grow
// to four times what the last full collection kept, and the young generation takes 32 MB.
import './dotenv.js';
import { launch } from './launch.js';

await launch('src/main.ts');
