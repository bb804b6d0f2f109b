/**
 * The adapter contract on Slack: the real Bolt HTTP receiver and Web API client against the
 * fake Slack on 127.0.0.1, with slash commands, mentions and DMs as Slack sends them.
 */
import { adapterContract } from '../contract/adapter-contract.ts';
import { recordingPinoLogger, startSlack } from './slack-harness.ts';

const log = recordingPinoLogger();

adapterContract('Slack', {
  recordingLogger: () => log,
  // The fake's defaults: what the adapter is configured with in startSlack.
  secrets: ['xoxb-fake-bot-token', 'xapp-fake-app-token', 'fake-signing-secret'],
  start: ({ commands, services }) => startSlack({ commands, services, log }),
});
