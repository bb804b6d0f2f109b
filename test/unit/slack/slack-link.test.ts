/**
 * What a failed Slack call means for the link, on errors shaped as @slack/web-api throws them.
 */
import { describe, expect, it } from 'vitest';
import { callVerdict, slackAttemptFailure, slackCause } from '../../../src/adapters/slack/slack-link.ts';
import { PlatformRefusedError } from '../../../src/core/adapter.ts';

const platform = (word: string) =>
  Object.assign(new Error(`An API error occurred: ${word}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: word } });
const request = (detail: string) => Object.assign(new Error(`A request error occurred: ${detail}`), { code: 'slack_webapi_request_error' });
const http = (status: number) =>
  Object.assign(new Error(`An HTTP protocol error occurred: statusCode = ${status}`), { code: 'slack_webapi_http_error', statusCode: status });

describe('a failed Slack call', () => {
  it('names the variable when Slack refuses the token, and says nothing of its value', () => {
    const failure = slackAttemptFailure(platform('invalid_auth'), 'SLACK_APP_TOKEN');
    expect('refused' in failure && failure.refused).toBeInstanceOf(PlatformRefusedError);
    expect('refused' in failure && failure.refused.message).toMatch(/^Slack refused SLACK_APP_TOKEN \(invalid_auth\): set it to an app-level token/);
  });

  it('is a reason to retry when Slack is away, said in one line', () => {
    expect(slackAttemptFailure(request('connect ECONNREFUSED 127.0.0.1:9'), 'SLACK_BOT_TOKEN')).toEqual({
      cause: 'no connection (connect ECONNREFUSED 127.0.0.1:9)',
    });
    expect(slackCause(request('timeout of 300ms exceeded'))).toBe('no answer in time (timeout of 300ms exceeded)');
    expect(slackCause(http(502))).toBe('HTTP 502');
    expect(slackCause(platform('{"ok":tr'))).toBe('an answer that is not JSON');
    expect(slackCause(platform('internal_error'))).toBe('Slack said internal_error');
  });

  it('tells a link going away from a call that failed on its own', () => {
    expect(callVerdict(request('connect ECONNREFUSED 127.0.0.1:9'))).toBe('away');
    expect(callVerdict(http(503))).toBe('away');
    expect(callVerdict(platform('internal_error'))).toBe('away');
    expect(callVerdict(platform('<html>'))).toBe('away');
    expect(callVerdict(platform('not_in_channel'))).toBe('call');
    expect(callVerdict(http(404))).toBe('call');
    expect(callVerdict(platform('token_revoked'))).toBe('refused');
  });
});
