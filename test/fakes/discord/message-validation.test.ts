/**
 * The fake refuses what Discord refuses: each message limit is accepted exactly at the limit
 * and refused one character past it, with Discord's code and the path of the problem.
 */
import { describe, expect, it } from 'vitest';
import { DiscordHttpError } from './errors.ts';
import { validateMessageBody } from './message-validation.ts';
import type { JsonObject } from './types.ts';

/** The Discord error `validateMessageBody` throws for `body`, or undefined when it accepts it. */
function refusal(body: JsonObject): DiscordHttpError | undefined {
  try {
    validateMessageBody(body, false);
    return undefined;
  } catch (error) {
    if (error instanceof DiscordHttpError) return error;
    throw error;
  }
}

const text = (n: number): string => 'a'.repeat(n);
const field = (name: string, value: string) => ({ name, value });

const LIMITS: readonly { what: string; limit: number; body: (n: number) => JsonObject; path: readonly (string | number)[] }[] = [
  { what: 'content', limit: 2000, body: (n) => ({ content: text(n) }), path: ['content'] },
  { what: 'an embed title', limit: 256, body: (n) => ({ embeds: [{ title: text(n) }] }), path: ['embeds', 0, 'title'] },
  { what: 'an embed description', limit: 4096, body: (n) => ({ embeds: [{ description: text(n) }] }), path: ['embeds', 0, 'description'] },
  { what: 'a field name', limit: 256, body: (n) => ({ embeds: [{ fields: [field(text(n), 'v')] }] }), path: ['embeds', 0, 'fields', 0, 'name'] },
  { what: 'a field value', limit: 1024, body: (n) => ({ embeds: [{ fields: [field('n', text(n))] }] }), path: ['embeds', 0, 'fields', 0, 'value'] },
  { what: 'a footer', limit: 2048, body: (n) => ({ embeds: [{ footer: { text: text(n) } }] }), path: ['embeds', 0, 'footer', 'text'] },
  { what: 'an author name', limit: 256, body: (n) => ({ embeds: [{ author: { name: text(n) } }] }), path: ['embeds', 0, 'author', 'name'] },
  {
    what: 'the number of fields',
    limit: 25,
    path: ['embeds', 0, 'fields'],
    body: (n) => ({ embeds: [{ fields: Array.from({ length: n }, (_, i) => field(`f${i}`, 'v')) }] }),
  },
  {
    what: 'the number of embeds',
    limit: 10,
    path: ['embeds'],
    body: (n) => ({ embeds: Array.from({ length: n }, () => ({ description: 'd' })) }),
  },
];

/** The `_errors` list at `path` inside Discord's nested error object. */
function errorsAt(error: DiscordHttpError, path: readonly (string | number)[]): unknown {
  let node: unknown = error.body.errors;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[String(key)];
  return (node as { _errors?: unknown } | undefined)?._errors;
}

describe('message validation', () => {
  for (const { what, limit, body, path } of LIMITS) {
    it(`accepts ${what} at ${limit} and refuses ${limit + 1} with BASE_TYPE_MAX_LENGTH at ${path.join('.')}`, () => {
      expect(refusal(body(limit))).toBeUndefined();
      const error = refusal(body(limit + 1));
      expect(error?.status).toBe(400);
      expect(error?.body.code).toBe(50035);
      expect(errorsAt(error!, path)).toEqual([{ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${limit} or fewer in length.` }]);
    });
  }

  it('counts embed characters across all embeds of a message against 6,000', () => {
    const across = (total: number): JsonObject => ({ embeds: [{ description: text(3000) }, { title: text(200), description: text(total - 3200) }] });

    expect(refusal(across(6000))).toBeUndefined();
    expect(errorsAt(refusal(across(6001))!, ['embeds'])).toEqual([{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }]);
  });

  it('counts an emoji as one character, as Discord does', () => {
    expect(refusal({ content: '👍'.repeat(2000) })).toBeUndefined();
  });

  it('refuses an embed field with an empty value', () => {
    expect(errorsAt(refusal({ embeds: [{ fields: [field('Sources', ' ')] }] })!, ['embeds', 0, 'fields', 0, 'value'])).toEqual([
      { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
    ]);
  });

  it('refuses a message with nothing to show as 50006', () => {
    expect(refusal({ content: '   ', embeds: [] })?.body).toEqual({ message: 'Cannot send an empty message', code: 50006 });
  });

  it('refuses allowed_mentions that both parses users and lists them', () => {
    const error = refusal({ content: 'hi', allowed_mentions: { parse: ['users'], users: ['400000000000000001'] } });
    expect(error?.body.code).toBe(50035);
  });

  it('refuses an embed url that is not http(s)', () => {
    expect(refusal({ embeds: [{ title: 't', url: 'javascript:alert(1)' }] })?.status).toBe(400);
  });
});
