/**
 * What a button under an answer on Slack or Discord carries: which answer, and what the click
 * asks for (a vote, the reason for a 👎, the next page). Encoded short (Discord allows 100
 * characters in a custom id) and versioned, so a button from a reply an older briefbot posted
 * is recognised as such, never misread.
 *
 *   bb1:up:k3j9x0a2q1   bb1:down:k3j9x0a2q1   bb1:why:k3j9x0a2q1   bb1:more:k3j9x0a2q1:2
 */

/** The version of the payloads this briefbot writes; raise it when their meaning changes. */
export const ACTION_VERSION = 1;
const PREFIX = 'bb';

export type AnswerAction =
  | { readonly kind: 'vote'; readonly vote: 'up' | 'down'; readonly answer: string }
  /** "Wrong source", offered after a 👎. */
  | { readonly kind: 'reason'; readonly reason: 'wrong-source'; readonly answer: string }
  /** The messages of an answer from `page` (0-based) on. */
  | { readonly kind: 'more'; readonly answer: string; readonly page: number }
  /** A button of ours from another version of briefbot. */
  | { readonly kind: 'old-version' }
  /** Not a button of ours. */
  | { readonly kind: 'unknown' };

const ANSWER_ID = /^[a-z0-9]{6,32}$/;

/**
 * The payload of a button.
 * @example encodeAction({ kind: 'vote', vote: 'up', answer: 'k3j9x0a2q1' }) === 'bb1:up:k3j9x0a2q1'
 */
export function encodeAction(action: Extract<AnswerAction, { answer: string }>): string {
  const head = `${PREFIX}${ACTION_VERSION}`;
  switch (action.kind) {
    case 'vote':
      return `${head}:${action.vote}:${action.answer}`;
    case 'reason':
      return `${head}:why:${action.answer}`;
    case 'more':
      return `${head}:more:${action.answer}:${action.page}`;
  }
}

/**
 * What a button's payload asks for. Anything malformed is `unknown`; a well-formed payload of
 * another version is `old-version`.
 * @example decodeAction('bb1:more:k3j9x0a2q1:2') → { kind: 'more', answer: 'k3j9x0a2q1', page: 2 }
 * @example decodeAction('bb0:up:k3j9x0a2q1') → { kind: 'old-version' }
 */
export function decodeAction(payload: string): AnswerAction {
  const match = /^bb(\d{1,3}):([a-z]+):([^:]+)(?::(\d{1,4}))?$/.exec(payload);
  if (!match) return { kind: 'unknown' };
  if (Number(match[1]) !== ACTION_VERSION) return { kind: 'old-version' };
  const [, , verb, answer, page] = match as unknown as [string, string, string, string, string | undefined];
  if (!ANSWER_ID.test(answer)) return { kind: 'unknown' };
  if ((verb === 'up' || verb === 'down') && page === undefined) return { kind: 'vote', vote: verb, answer };
  if (verb === 'why' && page === undefined) return { kind: 'reason', reason: 'wrong-source', answer };
  if (verb === 'more' && page !== undefined) return { kind: 'more', answer, page: Number(page) };
  return { kind: 'unknown' };
}
