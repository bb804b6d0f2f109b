/**
 * `npm run discord:deploy`: registers briefbot's slash commands with Discord, only sending
 * what changed (see src/adapters/discord/deploy-run.ts). Needs DISCORD_TOKEN and
 * DISCORD_APPLICATION_ID; DISCORD_GUILD_ID registers them in one server only.
 */
import { commands } from '../commands/index.ts';
import { runDiscordDeploy } from '../src/adapters/discord/deploy-run.ts';

process.exitCode = await runDiscordDeploy({
  env: process.env,
  commands,
  write: (line) => process.stdout.write(`${line}\n`),
  fail: (line) => process.stderr.write(`discord:deploy: ${line}\n`),
});
