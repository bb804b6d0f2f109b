/**
 * Checks option values against a command's `OptionSpec`s and converts them to their types,
 * the same for every surface: words parsed from a chat line or a command line, and typed
 * values from a Discord interaction. A problem is one short line the user can act on; a value
 * they typed is echoed cut short, so a 4,000-character argument gets a one-line message.
 */
import type { CommandDefinition, OptionSpec, OptionValue, ParsedOptions } from './command.ts';
import { closeMatches } from './close-matches.ts';
import { echoValue, optionLabel, shortText } from './command-text.ts';

/** Something the user must change before the command can run; `message` is one line. */
export interface UsageProblem {
  /** 'unknown-command', 'unknown-option', 'missing-option', 'missing-value', 'bad-value', 'too-long', 'unexpected-text'. */
  readonly code: string;
  readonly message: string;
}

export type Validation = { readonly ok: true; readonly options: ParsedOptions } | { readonly ok: false; readonly problem: UsageProblem };

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/**
 * Options checked and typed: integers become numbers, booleans booleans, a choice its
 * declared spelling (matched case-insensitively), strings trimmed. An empty or blank string
 * counts as not given. `hint` ends every message, e.g. ' (see help quote)'.
 *
 * @example validateOptions(quotes, { limit: '5' }) → { ok: true, options: { limit: 5 } }
 * @example validateOptions(quotes, { limit: 'ten' })
 *   → { ok: false, problem: { code: 'bad-value', message: '--limit must be a whole number, not "ten"' } }
 */
export function validateOptions(command: CommandDefinition, raw: Readonly<Record<string, unknown>>, hint = ''): Validation {
  const fail = (code: string, message: string): Validation => ({ ok: false, problem: { code, message: `${message}${hint}` } });
  for (const key of Object.keys(raw)) {
    if (command.options.some((spec) => spec.name === key)) continue;
    const near = closeMatches(
      key,
      command.options.map((spec) => spec.name),
      3,
    );
    const suggestion = near.length > 0 ? `; did you mean ${near.map((name) => `--${name}`).join(' or ')}?` : '';
    return fail('unknown-option', `unknown option --${shortText(key)} for "${command.name}"${suggestion}`);
  }
  const options: Record<string, OptionValue> = {};
  for (const spec of command.options) {
    const value = given(raw[spec.name]);
    if (value === undefined) {
      if (spec.required) return fail('missing-option', `"${command.name}" needs ${optionLabel(spec)}`);
      continue;
    }
    const checked = spec.multiple ? checkList(spec, value) : checkOne(spec, value);
    if (isProblem(checked)) return fail(checked.problem.code, checked.problem.message);
    options[spec.name] = checked;
  }
  return { ok: true, options };
}

/** The value if it counts as given: not null, not a blank string, not an empty list. */
function given(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.filter((item) => given(item) !== undefined);
    return items.length > 0 ? items : undefined;
  }
  return value;
}

type Checked = OptionValue | { readonly problem: UsageProblem };

function isProblem(checked: Checked): checked is { readonly problem: UsageProblem } {
  return typeof checked === 'object' && !Array.isArray(checked) && 'problem' in checked;
}

function checkList(spec: OptionSpec, value: unknown): Checked {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const checked = checkOne(spec, item);
    if (isProblem(checked)) return checked;
    out.push(String(checked));
  }
  return out;
}

function checkOne(spec: OptionSpec, value: unknown): Checked {
  const problem = (code: string, message: string) => ({ problem: { code, message: `${optionLabel(spec)} ${message}` } });
  if (Array.isArray(value)) return problem('bad-value', 'takes one value, not several');
  if (spec.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    const word = String(value).trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return problem('bad-value', `takes yes or no, not ${echoValue(String(value))}`);
  }
  if (typeof value !== 'string' && typeof value !== 'number') return problem('bad-value', `must be ${spec.type === 'integer' ? 'a whole number' : 'text'}`);
  const text = String(value).trim();
  if (spec.maxLength !== undefined && text.length > spec.maxLength) {
    return problem(
      'too-long',
      `is longer than ${spec.maxLength.toLocaleString('en-GB')} characters (it has ${text.length.toLocaleString('en-GB')}): please shorten it`,
    );
  }
  if (spec.type === 'integer') return checkInteger(spec, value, text, problem);
  if (spec.choices) {
    const choice = spec.choices.find((c) => c.toLowerCase() === text.toLowerCase());
    return choice ?? problem('bad-value', `must be one of ${spec.choices.join(', ')}`);
  }
  return text;
}

function checkInteger(
  spec: OptionSpec,
  value: string | number,
  text: string,
  problem: (code: string, message: string) => { readonly problem: UsageProblem },
): Checked {
  const number = typeof value === 'number' ? value : /^[-+]?\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(number)) return problem('bad-value', `must be a whole number, not ${echoValue(text)}`);
  if (spec.min !== undefined && number < spec.min) return problem('bad-value', `must be at least ${spec.min}`);
  if (spec.max !== undefined && number > spec.max) return problem('bad-value', `must be at most ${spec.max}`);
  if (spec.choices && !spec.choices.includes(String(number))) return problem('bad-value', `must be one of ${spec.choices.join(', ')}`);
  return number;
}
