/**
 * What a failed call to Slack means for the bot's link to it: Slack refusing one of our tokens
 * (stop, and say which variable to check), or anything else, to be retried: no connection, no
 * answer in time, an HTTP error, HTML or cut-off JSON where JSON was due, or `{ ok: false }`
 * with an error that is Slack's own trouble (`internal_error`, `ratelimited` …).
 */
import { PlatformRefusedError } from '../../core/adapter.ts';
import type { AttemptFailure } from '../link/keep-trying.ts';
import { describeSlackFailure } from './slack-errors.ts';

export type SlackTokenVariable = 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';

/** Slack's error words for a token it will not take (auth.test, apps.connections.open). */
const REFUSALS: ReadonlySet<string> = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'missing_scope',
  'no_permission',
  'team_access_not_granted',
  'ekm_access_denied',
  'org_login_required',
]);

/** Where each token comes from, for the one line that names it. */
const FIXES: Readonly<Record<SlackTokenVariable, string>> = {
  SLACK_BOT_TOKEN: "set it to the Bot User OAuth Token (xoxb-…) from your Slack app's OAuth & Permissions page, and reinstall the app if it was removed",
  SLACK_APP_TOKEN: "set it to an app-level token (xapp-…) with the connections:write scope, from your Slack app's Basic Information page",
};

/**
 * What a failed call with the token in `variable` means.
 *
 * @example slackAttemptFailure(invalidAuthError, 'SLACK_BOT_TOKEN') → { refused: PlatformRefusedError('Slack refused SLACK_BOT_TOKEN (invalid_auth): …') }
 * @example slackAttemptFailure(econnrefused, 'SLACK_BOT_TOKEN') → { cause: 'no connection (connect ECONNREFUSED 127.0.0.1:3000)' }
 */
export function slackAttemptFailure(error: unknown, variable: SlackTokenVariable): AttemptFailure {
  const failure = describeSlackFailure(error);
  if (failure.slackError !== undefined && REFUSALS.has(failure.slackError)) {
    return { refused: new PlatformRefusedError('Slack', variable, failure.slackError, FIXES[variable]) };
  }
  return { cause: slackCause(error) };
}

/** Slack's error words that mean the token itself no longer works, whichever method said them. */
const TOKEN_GONE: ReadonlySet<string> = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);
/** Slack's error words for its own trouble. */
const SLACK_TROUBLE: ReadonlySet<string> = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/**
 * What a failed Web API call (a post, a reply) says about the link: the bot token no longer
 * works (`refused`), Slack seems away (`away`: no connection, no answer, a 5xx, something that
 * is not JSON, Slack's own trouble), or neither (`call`: that call's own problem, such as a
 * channel the bot is not in).
 *
 * @example callVerdict(econnrefused) === 'away'; callVerdict(notInChannel) === 'call'
 */
export function callVerdict(error: unknown): 'refused' | 'away' | 'call' {
  const { code, slackError, status } = describeSlackFailure(error);
  if (slackError !== undefined) {
    if (TOKEN_GONE.has(slackError)) return 'refused';
    return SLACK_TROUBLE.has(slackError) || !/^[a-z_]+$/.test(slackError) ? 'away' : 'call';
  }
  if (status !== undefined) return status >= 500 ? 'away' : 'call';
  return code === 'slack_webapi_request_error' || (code !== undefined && /^E[A-Z]+$/.test(code)) ? 'away' : 'call';
}

/**
 * One line on why Slack could not be reached, with nothing secret in it.
 *
 * @example slackCause(httpError502) === 'HTTP 502'
 * @example slackCause(platformError('{"ok":tr')) === 'an answer that is not JSON'
 */
export function slackCause(error: unknown): string {
  const failure = describeSlackFailure(error);
  if (failure.slackError !== undefined) {
    return /^[a-z_]+$/.test(failure.slackError) ? `Slack said ${failure.slackError}` : 'an answer that is not JSON';
  }
  if (failure.status !== undefined) return `HTTP ${failure.status}`;
  const detail = failure.message.replace(/^A request error occurred: /, '');
  if (/timeout/i.test(detail)) return `no answer in time (${detail})`;
  if (error === undefined) return 'the connection closed';
  return `no connection (${detail})`;
}
