/**
 * Some local models (served by Ollama, vLLM or llama.cpp) stream their reasoning inside
 * <think>…</think> before the answer. That text is not the answer: it is removed before the
 * answer is cut into sentences, even when a tag arrives split across chunks.
 */

const OPEN = '<think>';
const CLOSE = '</think>';

/** How many characters at the end of `text` could be the start of `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (tag.startsWith(text.slice(-n))) return n;
  }
  return 0;
}

export interface ThinkFilter {
  /** Adds streamed text; returns the part that is safe to treat as answer text. */
  push(text: string): string;
  /** Ends the stream; returns any held-back answer text. */
  flush(): string;
}

/**
 * @example
 *   const filter = createThinkFilter();
 *   filter.push('<thi') + filter.push('nk>hmm</think>Acme denied it [1].') // 'Acme denied it [1].'
 */
export function createThinkFilter(): ThinkFilter {
  let pending = '';
  let thinking = false;
  return {
    push(text) {
      pending += text;
      let out = '';
      for (;;) {
        if (thinking) {
          const close = pending.indexOf(CLOSE);
          if (close < 0) {
            pending = pending.slice(pending.length - partialTagLength(pending, CLOSE));
            return out;
          }
          pending = pending.slice(close + CLOSE.length);
          thinking = false;
        } else {
          const open = pending.indexOf(OPEN);
          if (open < 0) {
            const hold = partialTagLength(pending, OPEN);
            out += pending.slice(0, pending.length - hold);
            pending = pending.slice(pending.length - hold);
            return out;
          }
          out += pending.slice(0, open);
          pending = pending.slice(open + OPEN.length);
          thinking = true;
        }
      }
    },
    flush() {
      const rest = thinking ? '' : pending;
      pending = '';
      return rest;
    },
  };
}
