/**
 * A "thinking…" spinner for answers that take a moment, shown only on a terminal and only
 * after a short delay, so quick answers appear without a flicker. It erases itself before
 * the answer is printed.
 */
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\u001B[2K';

export interface ThinkingOptions {
  /** Nothing is shown for answers faster than this. */
  readonly delayMs?: number;
  readonly frameMs?: number;
  readonly label?: string;
  /** Wraps the spinner line in the chat's dim style. */
  readonly dim?: (text: string) => string;
}

/**
 * The result of `work`, with a spinner on `out` while it runs if `enabled`.
 *
 * @example const result = await withThinking(process.stdout, true, dispatchText(line, commands, context))
 */
export async function withThinking<T>(out: { write(text: string): unknown }, enabled: boolean, work: Promise<T>, options: ThinkingOptions = {}): Promise<T> {
  if (!enabled) return work;
  const label = options.label ?? 'thinking…';
  const dim = options.dim ?? ((text: string) => text);
  let frame = 0;
  let shown = false;
  let spin: NodeJS.Timeout | undefined;
  const draw = () => {
    shown = true;
    out.write(`${CLEAR_LINE}${dim(`${FRAMES[frame++ % FRAMES.length]} ${label}`)}`);
  };
  const start = setTimeout(() => {
    draw();
    spin = setInterval(draw, options.frameMs ?? 80);
  }, options.delayMs ?? 250);
  try {
    return await work;
  } finally {
    clearTimeout(start);
    if (spin) clearInterval(spin);
    if (shown) out.write(CLEAR_LINE);
  }
}
