/**
 * Discord's checks on application command JSON (names, descriptions, option order and
 * counts, choices), so command definitions that Discord would refuse fail in tests.
 */
import type { FieldProblem } from './errors.ts';
import type { Json, JsonObject } from './types.ts';

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const CHAT_INPUT = 1;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

type Path = readonly (string | number)[];

/** Problems with one command (`prefix` is `[index]` inside a bulk overwrite). */
export function commandProblems(command: JsonObject, prefix: Path): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const type = typeof command.type === 'number' ? command.type : CHAT_INPUT;
  checkName(problems, [...prefix, 'name'], command.name, type === CHAT_INPUT);
  if (type === CHAT_INPUT) checkDescription(problems, [...prefix, 'description'], command.description);
  if (Array.isArray(command.options)) checkOptions(problems, [...prefix, 'options'], command.options, 0);
  return problems;
}

/** Problems with a bulk overwrite: each command, plus names that repeat within a type. */
export function bulkProblems(commands: readonly Json[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  commands.forEach((entry, index) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ path: [index], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' });
      return;
    }
    const command = entry as JsonObject;
    problems.push(...commandProblems(command, [index]));
    const key = `${String(command.type ?? CHAT_INPUT)}:${String(command.name)}`;
    if (seen.has(key)) {
      problems.push({
        path: [index, 'name'],
        code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
        message: `Application command names must be unique`,
      });
    }
    seen.add(key);
  });
  return problems;
}

function checkName(problems: FieldProblem[], path: Path, name: Json | undefined, lowercase: boolean): void {
  if (typeof name !== 'string' || !NAME.test(name)) {
    problems.push({ path, code: 'STRING_TYPE_REGEX', message: 'String value did not match validation regex.' });
  } else if (lowercase && name !== name.toLowerCase()) {
    problems.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  }
}

function checkDescription(problems: FieldProblem[], path: Path, description: Json | undefined): void {
  const length = typeof description === 'string' ? [...description].length : 0;
  if (length < 1 || length > 100) {
    problems.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  }
}

function checkOptions(problems: FieldProblem[], path: Path, options: readonly Json[], depth: number): void {
  if (options.length > 25) {
    problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  }
  const names = new Set<string>();
  let optionalSeen = false;
  let subcommands = 0;
  options.forEach((entry, index) => {
    const option = (entry && typeof entry === 'object' && !Array.isArray(entry) ? entry : {}) as JsonObject;
    const at = [...path, index];
    const type = typeof option.type === 'number' ? option.type : 0;
    if (type < 1 || type > 11) {
      problems.push({
        path: [...at, 'type'],
        code: 'BASE_TYPE_CHOICES',
        message: 'Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).',
      });
    }
    checkName(problems, [...at, 'name'], option.name, true);
    checkDescription(problems, [...at, 'description'], option.description);
    const name = String(option.name);
    if (names.has(name)) {
      problems.push({
        path: [...at, 'name'],
        code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        message: 'Option names must be unique',
      });
    }
    names.add(name);
    const nested = type === SUBCOMMAND || type === SUBCOMMAND_GROUP;
    if (nested) subcommands += 1;
    if (option.required === true && optionalSeen && !nested) {
      problems.push({
        path: [...at, 'required'],
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options',
      });
    }
    if (option.required !== true && !nested) optionalSeen = true;
    const choices = Array.isArray(option.choices) ? option.choices : [];
    if (choices.length > 25) {
      problems.push({ path: [...at, 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    }
    if (choices.length > 0 && option.autocomplete === true) {
      problems.push({
        path: [...at, 'autocomplete'],
        code: 'APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE_EXCLUSIVE',
        message: 'Autocomplete cannot be used with choices',
      });
    }
    if (nested && Array.isArray(option.options) && depth < 2) {
      checkOptions(problems, [...at, 'options'], option.options, depth + 1);
    }
  });
  if (subcommands > 0 && subcommands < options.length) {
    problems.push({
      path,
      code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
      message: 'Sub-command and sub-command group option types are mutually exclusive to all other types',
    });
  }
}
