#!/usr/bin/env node
// The `briefbot` command: one-shot CLI commands (see README).
import './dotenv.js';
import { launch } from './launch.js';

await launch('src/adapters/cli/main.ts');
