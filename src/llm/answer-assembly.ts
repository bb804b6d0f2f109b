/**
 * Turns the events of a streamed completion into checked sentences: reasoning blocks are
 * left out, the text is cut into sentences as they complete, each is checked, and only those
 * that pass are emitted. It also keeps the counts and usage the final result reports.
 */
import type { Logger } from '../core/logger.ts';
import type { SentenceChecker } from './checker.ts';
import type { StreamEvent } from './completion-stream.ts';
import { NO_ANSWER } from './prompt.ts';
import { createSentenceSplitter } from './sentence-splitter.ts';
import { createThinkFilter } from './think-filter.ts';
import { estimateTokens } from './token-budget.ts';
import type { CheckedSentence, DroppedSentence, TokenUsage } from './write-result.ts';
import { WriterError } from './writer-error.ts';

export interface AnswerAssembly {
  /** Reads the events to the end, starting with one already read. */
  consume(first: IteratorResult<StreamEvent>, events: AsyncIterator<StreamEvent>): Promise<void>;
  readonly yielded: readonly CheckedSentence[];
  readonly dropped: readonly DroppedSentence[];
  /** Sentences written, not counting a NO_ANSWER reply. */
  readonly written: number;
  readonly declined: boolean;
  readonly finishReason: string | null;
  /** Tokens used, estimated when the endpoint sent no usage; null when no answer began. */
  usage(promptEstimate: number): TokenUsage | null;
}

/**
 * @param describe the model and endpoint, for the message when nothing is written
 * @example
 *   const answer = createAnswerAssembly(check, emit, log, { model, endpoint });
 *   await answer.consume(await events.next(), events);
 */
export function createAnswerAssembly(
  check: SentenceChecker,
  emit: (sentence: CheckedSentence) => void,
  log: Logger,
  describe: { readonly model: string; readonly endpoint: string },
): AnswerAssembly {
  const yielded: CheckedSentence[] = [];
  const dropped: DroppedSentence[] = [];
  let written = 0;
  let declined = false;
  let text = '';
  let reported: { prompt: number; completion: number } | null = null;
  let finishReason: string | null = null;

  const handle = (sentence: string) => {
    const checked = check(sentence);
    if (checked.text.replace(/\.$/, '') === NO_ANSWER) {
      declined = true;
      return;
    }
    written++;
    if (checked.passed) {
      const passed = { text: checked.text, cites: checked.cites };
      yielded.push(passed);
      emit(passed);
    } else {
      dropped.push({ text: sentence, cites: checked.cites, failures: checked.failures });
      // The model's sentence, shortened: never a passage.
      log.debug({ failures: checked.failures.map((f) => f.code), sentence: sentence.slice(0, 120) }, 'dropped a sentence');
    }
  };

  return {
    async consume(first, events) {
      const thinking = createThinkFilter();
      const splitter = createSentenceSplitter();
      for (let step = first; !step.done; step = await events.next()) {
        const event = step.value;
        if (event.kind === 'text') {
          const answer = thinking.push(event.text);
          text += answer;
          splitter.push(answer).forEach(handle);
        } else if (event.kind === 'usage') reported = { prompt: event.prompt, completion: event.completion };
        else finishReason = event.reason;
      }
      const rest = thinking.flush();
      text += rest;
      [...splitter.push(rest), ...splitter.flush()].forEach(handle);
      if (text.trim() === '') {
        throw new WriterError(
          'empty-completion',
          `${describe.model} at ${describe.endpoint} finished without writing anything (finish reason: ${finishReason ?? 'none'})`,
          200,
        );
      }
    },
    get yielded() {
      return yielded;
    },
    get dropped() {
      return dropped;
    },
    get written() {
      return written;
    },
    get declined() {
      return declined;
    },
    get finishReason() {
      return finishReason;
    },
    usage(promptEstimate) {
      if (text === '' && reported === null) return null;
      const { prompt, completion } = reported ?? { prompt: promptEstimate, completion: estimateTokens(text) };
      return { prompt, completion, total: prompt + completion, estimated: reported === null };
    },
  };
}
