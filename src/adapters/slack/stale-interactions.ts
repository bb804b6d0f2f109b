/**
 * Interactions this version of the bot does not offer: a button on an old message, a
 * shortcut or a modal left over from an earlier configuration. Each is acknowledged at once
 * (so Slack shows no error) and, where Slack gives a way to answer, the user is told in one
 * short private line what to do instead.
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import { slashCommandName } from './command-names.ts';
import { withRetries, type RetryPolicy } from './retry-policy.ts';
import { describeSlackFailure } from './slack-errors.ts';

/**
 * The line shown for a button that no longer does anything.
 *
 * @example staleInteractionText('briefbot') === 'That button belongs to an older version of briefbot and no longer does anything. Try /briefbot-help.'
 */
export function staleInteractionText(prefix: string): string {
  return `That button belongs to an older version of briefbot and no longer does anything. Try ${slashCommandName(prefix, 'help')}.`;
}

/** Acknowledges every action, shortcut and view submission nothing else handles. */
export function registerStaleInteractions(app: App, prefix: string, retry: RetryPolicy, log: Logger): void {
  // Answer buttons (bb1:…, and other versions' bbN:…) are answer-actions.ts's to handle.
  app.action(/^(?!bb\d{1,3}:)/, async ({ ack, respond, action, body }) => {
    await ack();
    const id = 'action_id' in action ? action.action_id : body.type;
    log.info({ via: 'interaction', action: id.slice(0, 100) }, 'an interaction with nothing behind it');
    // Buttons inside a modal come with no response_url, so nothing can be said there.
    if (!('response_url' in body)) return;
    await withRetries(() => respond({ response_type: 'ephemeral', replace_original: false, text: staleInteractionText(prefix) }), retry).catch(
      (error: unknown) => log.warn({ ...describeSlackFailure(error) }, 'could not answer a stale interaction'),
    );
  });
  app.shortcut(/.*/, async ({ ack, shortcut }) => {
    await ack();
    log.info({ via: 'shortcut', callbackId: shortcut.callback_id.slice(0, 100) }, 'a shortcut with nothing behind it');
  });
  app.view(/.*/, async ({ ack, view }) => {
    await ack();
    log.info({ via: 'view', callbackId: view.callback_id.slice(0, 100) }, 'a view with nothing behind it');
  });
}
