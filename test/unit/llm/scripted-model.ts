/**
 * Plays a language model on the fake OpenAI server from what the prompt really holds: the
 * passages are read back from the request, so a test can have the model copy a passage
 * faithfully (a sentence the checker must pass) next to a scripted bad sentence (one it
 * must drop), whatever retrieval handed the writer. Test fixtures only.
 */
import type { RecordedRequest } from '../../fakes/openai/fake-openai-server.ts';
import { isInstructionLike } from '../../../src/llm/injection.ts';

export interface PromptPassage {
  readonly n: number;
  readonly text: string;
}

const unescapeEntities = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The numbered passages of a completion request, as the writer fenced them. */
export function passagesOf(request: RecordedRequest): PromptPassage[] {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].map((m) => ({ n: Number(m[1]), text: unescapeEntities(m[2]!) }));
}

/**
 * Passages a faithful model may copy word for word with its citation: one sentence each, no
 * quotation marks (so no attribution is at stake) and no planted instruction.
 */
export function copyablePassages(request: RecordedRequest): PromptPassage[] {
  return passagesOf(request).filter(
    (p) =>
      !/["“”‘’']\s|\s["“”‘’']|^["“”‘]/.test(p.text) &&
      !/[“”"]/.test(p.text) &&
      !isInstructionLike(p.text) &&
      /[.!?]$/.test(p.text) &&
      !/[.!?]\s+\p{Lu}/u.test(p.text),
  );
}

/** A passage copied with its citation: "Huawei denied it [2]." */
export function faithful(passage: PromptPassage): string {
  return `${passage.text.replace(/[.!?]$/, '')} [${passage.n}].`;
}

/**
 * A passage copied with its first number changed (each digit moved on by three): a sentence
 * true in every word but one. Null when no passage offered has a digit.
 * @example wrongNumber({ n: 1, text: 'It added £1.7bn.' }) // { sentence: 'It added £4.7bn [1].', changed: '£4.7bn' }
 */
export function wrongNumber(passage: PromptPassage): { readonly sentence: string; readonly changed: string } | null {
  const match = /\S*\d[\d.,]*\S*/.exec(passage.text);
  if (!match) return null;
  const changed = match[0].replace(/\d/, (d) => String((Number(d) + 3) % 10));
  const text = passage.text.slice(0, match.index) + changed + passage.text.slice(match.index + match[0].length);
  return { sentence: faithful({ n: passage.n, text }), changed: changed.replace(/[.,;:]$/, '') };
}
