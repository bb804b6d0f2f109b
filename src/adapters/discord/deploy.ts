/**
 * Registering the slash commands with Discord so that only what changed is sent: the
 * registered commands are fetched, compared with the wanted JSON after normalising both
 * (Discord adds ids, versions and defaults to what it stores), and only new or changed
 * commands are written and only stale ones deleted. A second run with the same definitions
 * sends nothing. The decision is pure; the registry (REST) is passed in.
 */
import { CHAT_INPUT, type CommandJson } from './command-json.ts';

/** A command as Discord returns it: at least an id, a name and a type. */
export interface RegisteredCommand {
  readonly id: string;
  readonly name: string;
  readonly type?: number;
  readonly [key: string]: unknown;
}

/** Where commands are registered: one scope (global, or one guild). */
export interface CommandRegistry {
  /** 'global' or 'guild 1234…', for messages. */
  readonly scope: string;
  list(): Promise<readonly RegisteredCommand[]>;
  /** Creates the command, or overwrites the one of the same name and type. */
  save(command: CommandJson): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface DeployPlan {
  readonly unchanged: readonly string[];
  readonly created: readonly CommandJson[];
  readonly updated: readonly CommandJson[];
  readonly removed: readonly RegisteredCommand[];
}

/**
 * What must be sent to turn `registered` into `wanted`: commands are matched by type and
 * name, and a match whose normalised JSON is equal is left alone.
 *
 * @example planDeploy([ask, sources], [{ id: '1', name: 'ask', … same as ask }, { id: '2', name: 'old' }])
 *   → { unchanged: ['ask'], created: [sources], updated: [], removed: [{ id: '2', name: 'old' }] }
 */
export function planDeploy(wanted: readonly CommandJson[], registered: readonly RegisteredCommand[]): DeployPlan {
  const key = (command: { readonly name: string; readonly type?: number }) => `${command.type ?? CHAT_INPUT}:${command.name}`;
  const byKey = new Map(registered.map((command) => [key(command), command]));
  const unchanged: string[] = [];
  const created: CommandJson[] = [];
  const updated: CommandJson[] = [];
  for (const command of wanted) {
    const current = byKey.get(key(command));
    if (!current) created.push(command);
    else if (normaliseCommand(current) === normaliseCommand(command)) unchanged.push(command.name);
    else updated.push(command);
  }
  const keep = new Set(wanted.map(key));
  const removed = registered.filter((command) => !keep.has(key(command)));
  return { unchanged, created, updated, removed };
}

/**
 * A command's definition as a canonical string: only what a deploy sets, with Discord's
 * defaults filled in, so a command as stored by Discord and as generated compare equal.
 *
 * @example normaliseCommand({ name: 'ask', description: 'Ask', options: [], default_member_permissions: null, version: '9' })
 *   === normaliseCommand({ type: 1, name: 'ask', description: 'Ask', options: [] })
 */
export function normaliseCommand(command: RegisteredCommand | CommandJson): string {
  // Read as a plain record of fields: both shapes are JSON objects.
  return JSON.stringify(normalCommand(Object.fromEntries(Object.entries(command))));
}

/** What a deploy reports: `3 unchanged, 1 created/updated, 0 removed (guild 123)`. */
export function deploySummary(plan: DeployPlan, scope: string): string {
  return `${plan.unchanged.length} unchanged, ${plan.created.length + plan.updated.length} created/updated, ${plan.removed.length} removed (${scope})`;
}

/** Fetches what is registered and sends only the differences; returns what was done. */
export async function deployCommands(registry: CommandRegistry, wanted: readonly CommandJson[]): Promise<DeployPlan> {
  const plan = planDeploy(wanted, await registry.list());
  // One at a time: Discord's command routes share a small rate-limit bucket.
  for (const command of [...plan.created, ...plan.updated]) await registry.save(command);
  for (const command of plan.removed) await registry.remove(command.id);
  return plan;
}

function normalCommand(command: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    type: typeof command.type === 'number' ? command.type : CHAT_INPUT,
    name: command.name ?? null,
    description: command.description ?? '',
    default_member_permissions: command.default_member_permissions ?? null,
    nsfw: command.nsfw === true,
    options: list(command.options).map(normalOption),
  };
}

function normalOption(option: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    type: option.type ?? null,
    name: option.name ?? null,
    description: option.description ?? '',
    required: option.required === true,
    autocomplete: option.autocomplete === true,
    choices: list(option.choices).map((choice) => ({ name: choice.name ?? null, value: choice.value ?? null })),
    min_value: option.min_value ?? null,
    max_value: option.max_value ?? null,
    min_length: option.min_length ?? null,
    max_length: option.max_length ?? null,
    options: list(option.options).map(normalOption),
  };
}

function list(value: unknown): Readonly<Record<string, unknown>>[] {
  return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];
}
