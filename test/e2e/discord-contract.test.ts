/**
 * The adapter contract on Discord: the real discord.js client (gateway and REST) against the
 * fake Discord on 127.0.0.1, with slash commands, mentions and DMs as Discord sends them.
 */
import { adapterContract } from '../contract/adapter-contract.ts';
import { recordingLogger, startDiscord, TOKEN } from './discord-harness.ts';

const log = recordingLogger();

adapterContract('Discord', {
  recordingLogger: () => log,
  secrets: [TOKEN],
  start: ({ commands, services }) => startDiscord({ commands, services, log }),
});
