/**
 * Replies from a writer's checked sentences, and the extractive reply with a note when the
 * writer could not be used. Both keep the command's `--json` contract and add `"mode"`.
 */
import type { CheckedProse, ProseFailureReason, ProseTask } from '../ports/writer.ts';
import type { Citation, Reply, TextPart } from '../reply.ts';
import { answerText } from './answer.ts';
import { citationJson } from './citations.ts';

/** Why the extractive reply was posted instead of a written one, as the note says it. */
export type FallbackReason =
  | ProseFailureReason
  /** The model said the passages do not answer. */
  | 'declined'
  /** Too few of the written sentences passed the checker. */
  | 'too-few-passed';

const REASON_WORDS: Readonly<Record<FallbackReason, string>> = {
  'budget-exhausted': 'daily token budget spent',
  timeout: 'timeout',
  stalled: 'the model stopped answering',
  unavailable: 'model endpoint unavailable',
  'rate-limited': 'rate limited',
  'malformed-response': 'unreadable response from the model endpoint',
  'empty-completion': 'empty response from the model',
  'unknown-model': 'unknown model',
  'not-openai': 'the endpoint is not an OpenAI-compatible API',
  unauthorized: 'API key refused',
  'bad-request': 'request refused by the model endpoint',
  aborted: 'cancelled',
  declined: 'the model found no answer in the sources',
  'too-few-passed': 'too few sentences passed the citation check',
};

const TASK_WORDS: Readonly<Record<ProseTask['kind'], string>> = { answer: 'answer', summary: 'brief', digest: 'digest' };

/**
 * The note over an extractive reply posted in place of a written one.
 * @example fallbackNote({ kind: 'answer', question: 'q' }, 'timeout') // 'Written answer unavailable (timeout); showing quoted sentences.'
 */
export function fallbackNote(task: ProseTask, reason: FallbackReason): string {
  return `Written ${TASK_WORDS[task.kind]} unavailable (${REASON_WORDS[reason]}); showing quoted sentences.`;
}

/** The extractive reply with the note, and `"mode": "extractive"` in its data. */
export function fallbackReply(extractive: Reply, task: ProseTask, reason: FallbackReason): Reply {
  const note = fallbackNote(task, reason);
  return {
    ...extractive,
    notice: extractive.notice ? `${note} ${extractive.notice}` : note,
    mode: 'extractive',
    data: { ...(extractive.data ?? {}), mode: 'extractive' },
  };
}

/** A reply's mode added to its `--json` data, for a reply posted as it is. */
export function withModeInData(reply: Reply): Reply {
  if (reply.mode === undefined || reply.data === undefined) return reply;
  return { ...reply, data: { ...reply.data, mode: reply.mode } };
}

const json = citationJson;

/**
 * The written reply: one text part per checked sentence, its citations renumbered 1, 2, …
 * in the order the sentences first use them, one number per article, unused passages left out. The data is the
 * extractive reply's with `points`, `text` and `citations` (whichever it has; `text` and
 * `citations` when it has none) replaced by the written ones, plus `"mode": "llm"`.
 * @example
 *   writtenReply(extractive, [{ text: 'Acme denied it.', cites: [3] }], passages)
 *   // { parts: [{ kind: 'text', text: 'Acme denied it.', cites: [1] }], citations: [{ ...passages[2], n: 1 }], mode: 'llm', … }
 */
export function writtenReply(extractive: Reply, sentences: readonly CheckedProse[], passages: readonly Citation[]): Reply {
  const byNumber = new Map(passages.map((p) => [p.n, p] as const));
  // Sources once per article: passages of one article share its number.
  const byArticle = new Map<string, number>();
  const citations: Citation[] = [];
  const parts: TextPart[] = sentences.map((sentence) => {
    const cites: number[] = [];
    for (const n of sentence.cites) {
      const passage = byNumber.get(n);
      if (!passage) continue;
      let renamed = byArticle.get(passage.article);
      if (renamed === undefined) {
        renamed = citations.length + 1;
        byArticle.set(passage.article, renamed);
        citations.push({ ...passage, n: renamed, texts: [passage.text] });
      } else {
        const known = citations[renamed - 1]!;
        const texts = known.texts ?? [known.text];
        if (!texts.includes(passage.text)) citations[renamed - 1] = { ...known, texts: [...texts, passage.text] };
      }
      if (!cites.includes(renamed)) cites.push(renamed);
    }
    return { kind: 'text', text: sentence.text, cites };
  });
  const { notice: _notice, ...rest } = extractive;
  return { ...rest, parts, citations, mode: 'llm', data: writtenData(extractive.data, parts, citations) };
}

function writtenData(base: Reply['data'], parts: readonly TextPart[], citations: readonly Citation[]): Record<string, unknown> {
  const listed = citations.map(json);
  const data: Record<string, unknown> = { ...(base ?? { text: '', citations: [] }) };
  if ('points' in data) data['points'] = parts.map((part) => ({ text: part.text, citations: part.cites.map((n) => listed[n - 1]!) }));
  if ('text' in data) data['text'] = answerText(parts);
  if ('citations' in data) data['citations'] = listed;
  data['mode'] = 'llm';
  return data;
}
