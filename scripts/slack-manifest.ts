/**
 * `npm run slack:manifest`: prints the Slack app manifest generated from `commands/`
 * (see src/adapters/slack/manifest-run.ts for the arguments). Paste it into
 * https://api.slack.com/apps → Create New App → From an app manifest.
 */
import { commands } from '../commands/index.ts';
import { runSlackManifest } from '../src/adapters/slack/manifest-run.ts';

process.exitCode = runSlackManifest({
  argv: process.argv.slice(2),
  env: process.env,
  commands,
  write: (text) => process.stdout.write(text),
  fail: (line) => process.stderr.write(`slack:manifest: ${line}\n`),
});
