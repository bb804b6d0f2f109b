#!/usr/bin/env node
// `npm start`: the bot on every platform that has a token, or the terminal chat when none has.
import './dotenv.js';
import { launch } from './launch.js';

await launch('src/main.ts');
