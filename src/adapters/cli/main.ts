/**
 * The `briefbot` executable (bin/briefbot.js): the CLI's composition root. It is the only
 * place the CLI touches `process`: arguments, environment, streams and exit code.
 */
import { commands } from '../../../commands/index.ts';
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(
  { argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
  commands,
);
