import { describe, expect, it } from 'vitest';
import { scrubSecrets, boltLogger } from '../../../src/adapters/slack/bolt-logger.ts';
import { retryDelayMs, withRetries } from '../../../src/adapters/slack/retry-policy.ts';
import { describeSlackFailure, isTransient } from '../../../src/adapters/slack/slack-errors.ts';
import { recordingLogger, type LogEntry } from '../llm/recording-logger.ts';

const policy = { retries: 3, minTimeoutMs: 1, maxTimeoutMs: 4, factor: 2 };
const http = (status: number, headers: Record<string, string> = {}) => Object.assign(new Error(`HTTP ${status}`), { response: { status, headers } });
const platform = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });

describe('withRetries', () => {
  it('retries 429 and 5xx within the policy, then succeeds', async () => {
    const failures = [http(429, { 'retry-after': '0' }), http(503)];
    const retries: number[] = [];
    const result = await withRetries(
      async () => {
        const next = failures.shift();
        if (next) throw next;
        return 'posted';
      },
      policy,
      (_failure, n) => retries.push(n),
    );
    expect(result).toBe('posted');
    expect(retries).toEqual([1, 2]);
  });

  it('gives up after the last retry with the last error', async () => {
    let attempts = 0;
    const error = await withRetries(async () => {
      attempts += 1;
      throw http(500);
    }, policy).catch((e: unknown) => e);
    expect(attempts).toBe(4);
    expect(describeSlackFailure(error).status).toBe(500);
  });

  it('throws at once what Slack meant, such as channel_not_found', async () => {
    let attempts = 0;
    await expect(
      withRetries(async () => {
        attempts += 1;
        throw platform('channel_not_found');
      }, policy),
    ).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    expect(attempts).toBe(1);
  });

  it('never waits less than Retry-After asks', () => {
    expect(retryDelayMs(policy, 1, http(429, { 'retry-after': '3' }))).toBe(3_000);
    expect(retryDelayMs(policy, 3, http(503))).toBe(4);
  });

  it('counts rate limits, server errors and lost connections as transient, and nothing else', () => {
    expect(isTransient(http(429))).toBe(true);
    expect(isTransient(http(502))).toBe(true);
    expect(isTransient(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(http(404))).toBe(false);
    expect(isTransient(platform('not_in_channel'))).toBe(false);
    expect(isTransient(platform('ratelimited'))).toBe(true);
  });
});

describe('secrets in what Bolt logs', () => {
  it('scrubs tokens by shape, the given secrets, Socket Mode tickets and response_url paths', () => {
    const text =
      'Authorization: Bearer xoxb-1-2-abc and xapp-1-A1-xyz, secret s3cr3t-signing, wss://x/link/?ticket=abc-123&app_id=A1 https://hooks.slack.com/commands/T1/123/abcdef';
    const scrubbed = scrubSecrets(text, ['s3cr3t-signing']);
    for (const leak of ['xoxb-1-2-abc', 'xapp-1-A1-xyz', 's3cr3t-signing', 'abc-123', 'T1/123/abcdef']) expect(scrubbed).not.toContain(leak);
    expect(scrubbed).toContain('app_id=A1');
  });

  it("logs an error thrown inside Bolt by name and message only, scrubbed, at Bolt's level and above", () => {
    const entries: LogEntry[] = [];
    const logger = boltLogger(recordingLogger(entries), ['xoxb-secret-value']);
    logger.debug('request with token xoxb-secret-value');
    logger.warn(
      'http request failed',
      Object.assign(new Error('bad xoxb-secret-value'), { code: 'E1', config: { headers: { Authorization: 'Bearer xoxb-secret-value' } } }),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 'warn', fields: { lib: 'bolt' }, message: 'http request failed Error (E1): bad [redacted]' });
  });
});
