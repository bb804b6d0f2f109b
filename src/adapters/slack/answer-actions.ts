/**
 * The buttons under briefbot's answers on Slack: 👍 / 👎 (and "Wrong source" after a 👎),
 * stored once per person per answer, and "More", which posts the answer's next page and
 * takes the used button off the message it was on. Every click is acknowledged at once;
 * what it comes to (a thank-you, "you already voted", "that answer is no longer kept", "that
 * button is from an older version") is a private line to whoever clicked.
 */
import type { App, RespondArguments } from '@slack/bolt';
import { decodeAction } from '../../core/feedback/answer-actions.ts';
import { handleClick, type ClickResult } from '../../core/feedback/feedback.ts';
import type { Services } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import { wrongSourceButton } from '../answer-pages.ts';
import { actionsBlock, slackAnswerPage, withoutAction } from './answer-buttons.ts';
import { withRetries, type RetryPolicy } from './retry-policy.ts';
import { describeSlackFailure } from './slack-errors.ts';
import { inertSlack } from '../../render/inert.ts';

/** Payloads of briefbot's answer buttons, this version's or another's (answer-actions.ts). */
export const ANSWER_ACTION = /^bb\d{1,3}:/;

export interface AnswerActionDeps {
  readonly services: Services;
  readonly log: Logger;
  readonly retry: RetryPolicy;
  readonly messageCap: number;
  readonly track: (work: () => Promise<void>) => void;
}

/** The parts of a `block_actions` body a click needs, read defensively. */
interface Click {
  readonly actionId: string;
  /** Null when Slack does not say who clicked. */
  readonly user: string | null;
  /** The message the button was on: its text and blocks, to take a used "More" off it. */
  readonly message: { readonly text: string; readonly blocks: readonly unknown[] } | null;
}

function clickOf(action: unknown, body: unknown): Click {
  const b = body as { user?: { id?: unknown }; message?: { text?: unknown; blocks?: unknown } };
  const actionId = typeof (action as { action_id?: unknown }).action_id === 'string' ? (action as { action_id: string }).action_id : '';
  const user = typeof b.user?.id === 'string' ? b.user.id : null;
  const message =
    b.message && Array.isArray(b.message.blocks)
      ? { text: typeof b.message.text === 'string' ? b.message.text : '', blocks: b.message.blocks as unknown[] }
      : null;
  return { actionId, user, message };
}

/** Listens for clicks on answer buttons; register before the catch-all for stale interactions. */
export function registerAnswerActions(app: App, deps: AnswerActionDeps): void {
  app.action(ANSWER_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const click = clickOf(action, body);
    deps.track(async () => {
      const send = (message: RespondArguments) => withRetries(() => respond(message), deps.retry);
      let result: ClickResult;
      try {
        result = await handleClick(decodeAction(click.actionId), { platform: 'slack', user: click.user }, deps.services.store.answers, deps.services.clock);
      } catch (error) {
        deps.log.error({ err: error, action: click.actionId.slice(0, 100) }, 'a click on an answer button failed');
        await send({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'Sorry, that click could not be recorded; please try again in a moment.',
        }).catch(() => undefined);
        return;
      }
      try {
        if (result.pages) await postPage(result.pages, click, send, deps);
        else await send(noteFor(result));
        deps.log.info({ via: 'interaction', action: click.actionId.split(':')[1] ?? '' }, 'answered a button');
      } catch (error) {
        deps.log.warn({ ...describeSlackFailure(error) }, 'could not answer a click on an answer button');
      }
    });
  });
}

/** The private line a click gets, with "Wrong source" under a 👎's thank-you. */
function noteFor(result: ClickResult): RespondArguments {
  const text = inertSlack(result.reply.notice ?? '');
  const answer = result.offerReason ? result.answer : undefined;
  const blocks = [{ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }, ...(answer ? [actionsBlock([wrongSourceButton(answer)])] : [])];
  return { response_type: 'ephemeral', replace_original: false, text, blocks } as RespondArguments;
}

/** Takes the used "More" off its message, then posts the next page with its own buttons. */
async function postPage(
  pages: NonNullable<ClickResult['pages']>,
  click: Click,
  send: (message: RespondArguments) => Promise<unknown>,
  deps: AnswerActionDeps,
): Promise<void> {
  if (click.message) {
    await send({ replace_original: true, text: click.message.text, blocks: withoutAction(click.message.blocks, click.actionId) } as RespondArguments).catch(
      (error: unknown) => deps.log.warn({ ...describeSlackFailure(error) }, 'could not take the used More button off its message'),
    );
  }
  for (const message of slackAnswerPage(pages.reply, pages.answer, pages.page, deps.messageCap)) {
    await send({ response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
  }
}
