#!/usr/bin/env node
// The `briefbot` command: one-shot CLI commands (see README).
import './dotenv.js';
import { register } from 'tsx/esm/api';

register();
await import('../src/adapters/cli/main.ts');
