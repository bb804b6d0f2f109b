import { APIConnectionError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyFailure, describeEndpoint, retryAfterMs } from '../../../src/llm/endpoint-failure.ts';
import { retryWait } from '../../../src/llm/retry-policy.ts';
import { WriterError } from '../../../src/llm/writer-error.ts';

describe('endpoint failures', () => {
  const context = { endpoint: 'http://127.0.0.1:9/v1', model: 'm' };
  const now = new Date('2019-05-14T12:00:00Z');

  it('describes an endpoint without its credentials or query', () => {
    expect(describeEndpoint('https://user:secret@example.com/v1/?key=k')).toBe('https://example.com/v1');
  });

  it('reads retry-after in milliseconds, seconds or as a date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 14 May 2019 12:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({}), now)).toBeNull();
  });

  it('retries network errors, 5xx and 429, and nothing else', () => {
    const status = (code: number) => APIError.generate(code, { message: 'x' }, undefined, new Headers());
    expect(classifyFailure(new APIConnectionError({ message: 'refused' }), context, now).retryable).toBe(true);
    expect(classifyFailure(status(502), context, now)).toMatchObject({ retryable: true, error: { code: 'unavailable' } });
    expect(classifyFailure(status(429), context, now)).toMatchObject({ retryable: true, error: { code: 'rate-limited' } });
    expect(classifyFailure(status(401), context, now)).toMatchObject({ retryable: false, error: { code: 'unauthorized' } });
    expect(classifyFailure(status(400), context, now)).toMatchObject({ retryable: false, error: { code: 'bad-request' } });
    expect(classifyFailure(new SyntaxError('Unexpected end'), context, now)).toMatchObject({ retryable: false, error: { code: 'malformed-response' } });
  });

  it('tells an unknown model from a wrong base URL on a 404', () => {
    const notFound = (error: object) => APIError.generate(404, { error }, undefined, new Headers());
    expect(classifyFailure(notFound({ message: 'The model `x` does not exist', code: 'model_not_found' }), context, now).error.code).toBe('unknown-model');
    expect(classifyFailure(notFound({ message: 'Not Found' }), context, now).error.code).toBe('not-openai');
  });
});

describe('the retry policy', () => {
  const limits = { maxRetries: 2, backoffMs: 100, retryAfterCapMs: 5_000, timeoutMs: 3_000 };
  const failure = (retryable: boolean, retryAfter: number | null) => ({
    retryable,
    retryAfterMs: retryAfter,
    error: new WriterError('unavailable', 'HTTP 500'),
  });

  it('waits what retry-after asks, and backs off about twice as long each time otherwise', () => {
    expect(retryWait(failure(true, 1_000), 1, 3_000, limits)).toBe(1_000);
    expect(retryWait(failure(true, null), 1, 3_000, limits)).toBeGreaterThanOrEqual(80);
    expect(retryWait(failure(true, null), 1, 3_000, limits)).toBeLessThanOrEqual(120);
    expect(retryWait(failure(true, null), 2, 3_000, limits)).toBeGreaterThanOrEqual(160);
  });

  it('gives up when the error is final, the retries are used up, or the wait would pass the deadline', () => {
    expect(() => retryWait(failure(false, null), 1, 3_000, limits)).toThrow('HTTP 500');
    expect(() => retryWait(failure(true, null), 3, 3_000, limits)).toThrow('gave up after 3 attempts');
    expect(() => retryWait(failure(true, 2_000), 1, 1_500, limits)).toThrow(/not retried/);
    expect(() => retryWait(failure(true, 6_000), 1, 60_000, limits)).toThrow(/not retried/);
  });
});
