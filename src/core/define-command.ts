/**
 * `defineCommand`: a command declared once, whose `run` receives its options typed from their
 * declaration. An option `{ name: 'limit', type: 'integer', min: 1 }` arrives as
 * `options.limit: number | undefined`; `required: true` drops the `undefined`; `multiple: true`
 * makes it a list; `choices: ['skip', 'notice']` narrows a string to those words. So no command
 * checks `typeof options.limit` again.
 *
 *   export const quote = defineCommand({
 *     name: 'quote', description: '…', examples: ['quote Smith'], surfaces: ['chat', 'cli'],
 *     options: [{ name: 'limit', type: 'integer', description: '…', min: 1 }],
 *     async run({ limit }, context) { … limit is number | undefined … },
 *   });
 *
 * What it returns is a plain `CommandDefinition` for the registry; its `run` checks the options
 * against the declaration first (as every surface's parser already has), so the types hold
 * whoever calls it.
 */
import type { CommandContext, CommandDefinition, OptionSpec, Surface } from './command.ts';
import { UserError } from './errors.ts';
import { validateOptions } from './option-validation.ts';
import type { Reply, ReplyData } from './reply.ts';

/** The value one declared option takes. */
export type OptionValueOf<S extends OptionSpec> = S['multiple'] extends true
  ? readonly string[]
  : S['type'] extends 'integer'
    ? number
    : S['type'] extends 'boolean'
      ? boolean
      : S extends { readonly choices: readonly (infer C extends string)[] }
        ? C
        : string;

/** The options `run` receives: required ones always present, the others possibly undefined. */
export type OptionsOf<O extends readonly OptionSpec[]> = {
  readonly [S in O[number] as S['required'] extends true ? S['name'] : never]: OptionValueOf<S>;
} & {
  readonly [S in O[number] as S['required'] extends true ? never : S['name']]?: OptionValueOf<S>;
};

/** A command as its file declares it; see `CommandDefinition` for each field. */
export interface CommandSpec<O extends readonly OptionSpec[], D extends ReplyData> {
  readonly name: string;
  readonly description: string;
  readonly options: O;
  readonly examples: readonly string[];
  readonly surfaces: readonly Surface[];
  readonly admin?: boolean;
  run(options: OptionsOf<O>, context: CommandContext): Promise<Reply<D>>;
}

/**
 * The registry's definition of a command whose `run` takes typed options (see the file comment).
 * Options that do not match the declaration reach no command: they are refused as a usage error.
 */
export function defineCommand<const O extends readonly OptionSpec[], D extends ReplyData = ReplyData>(spec: CommandSpec<O, D>): CommandDefinition {
  const definition: CommandDefinition = {
    name: spec.name,
    description: spec.description,
    options: spec.options,
    examples: spec.examples,
    surfaces: spec.surfaces,
    ...(spec.admin !== undefined ? { admin: spec.admin } : {}),
    async run(options, context) {
      const checked = validateOptions(definition, options);
      if (!checked.ok) throw new UserError(checked.problem.code, checked.problem.message, { usage: true });
      // The checked values have exactly the declared names and types: what OptionsOf describes.
      return spec.run(checked.options as OptionsOf<O>, context);
    },
  };
  return definition;
}
