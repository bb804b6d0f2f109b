/**
 * Slash commands: `/PREFIX-NAME` for each chat command and `/PREFIX COMMAND …` for any of
 * them. Every slash command Slack sends is acknowledged first, before any work, so Slack's
 * three seconds are never at risk however slow the answer; the answer follows through the
 * response_url. A slash command this bot does not (or no longer) offers gets a short note.
 */
import type { App } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import { answerRequest, type Ask, type AnswerDeps } from './answer-request.ts';
import { resolveSlashCommand, slashCommandName, type SlashTarget } from './command-names.ts';
import { ConversationTarget, ResponseUrlTarget } from './reply-targets.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { slackConversationKey } from './conversation-events.ts';
import { plainSlackText } from './slack-text.ts';

export interface SlashDeps extends AnswerDeps {
  readonly prefix: string;
  readonly retry: RetryPolicy;
  /** Runs the answer after the ack, tracked so `stop()` can let it finish. */
  readonly track: (work: () => Promise<void>) => void;
}

/** Listens for every slash command; see the file comment. */
export function registerSlashCommands(app: App, deps: SlashDeps): void {
  app.command(/.*/, async ({ command, ack, respond, client }) => {
    // The session acknowledges first thing, before any work.
    deps.track(async () => {
      const target = resolveSlashCommand(command.command, deps.prefix, deps.commands);
      const ask = askFor(target, plainSlackText(command.text ?? ''), command.command, deps.prefix);
      const where = { channel: command.channel_id, threadTs: undefined, user: command.user_id, isDirect: command.channel_id.startsWith('D') };
      const fallback = new ConversationTarget(client, where, deps.log);
      await answerRequest(
        ask,
        {
          via: 'slash-command',
          user: command.user_id,
          channel: command.channel_id,
          team: command.team_id ?? null,
          conversation: slackConversationKey({ team: command.team_id ?? null, channel: command.channel_id, user: command.user_id }),
        },
        new ResponseUrlTarget(respond, fallback, deps.retry, deps.log),
        deps,
        () => ack(),
      );
    });
  });
}

function askFor(target: SlashTarget, text: string, typed: string, prefix: string): Ask {
  switch (target.kind) {
    case 'command':
      return { kind: 'command', command: target.command, text };
    case 'umbrella':
      return { kind: 'text', text };
    case 'retired':
    case 'foreign':
      return { kind: 'reply', reply: notOursReply(target, typed, prefix), code: 'unknown-command' };
  }
}

/**
 * The note for a slash command this bot does not answer: one that was renamed or removed
 * since the Slack app was set up, or one the app's settings name under another prefix.
 *
 * @example notOursReply({ kind: 'retired', name: 'whois' }, '/briefbot-whois', 'briefbot').notice
 *   === '/briefbot-whois is no longer a briefbot command. /briefbot-help lists the commands; /briefbot-ask takes a question in plain words.'
 */
export function notOursReply(target: SlashTarget, typed: string, prefix: string): Reply {
  const help = slashCommandName(prefix, 'help');
  const ask = slashCommandName(prefix, 'ask');
  const shown = typed.replace(/[^\w/-]/g, '').slice(0, 40);
  const notice =
    target.kind === 'retired'
      ? `${shown} is no longer a briefbot command. ${help} lists the commands; ${ask} takes a question in plain words.`
      : `${shown} is not one of this briefbot's commands, which start with /${prefix}- (try ${help}). The Slack app's slash commands may need updating: see npm run slack:manifest.`;
  return { parts: [], citations: [], notice, ephemeral: true };
}
