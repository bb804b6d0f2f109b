/**
 * `npm run discord:deploy`: registers briefbot's slash commands with Discord, only sending
 * what changed (see src/adapters/discord/deploy-run.ts). Needs DISCORD_TOKEN and
 * DISCORD_APPLICATION_ID; DISCORD_GUILD_ID registers them in one server only. `--dry-run`
 * prints the JSON it would register; `--help` says how to use it.
 */
import { commands } from '../commands/index.ts';
import { runDiscordDeploy } from '../src/adapters/discord/deploy-run.ts';

process.exitCode = await runDiscordDeploy({
  argv: process.argv.slice(2),
  env: process.env,
  commands,
  write: (line) => process.stdout.write(`${line}\n`),
  fail: (line) => process.stderr.write(`discord:deploy: ${line}\n`),
});
