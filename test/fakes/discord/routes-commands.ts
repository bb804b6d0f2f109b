/**
 * REST routes for application commands, global and guild-scoped: bulk overwrite (PUT),
 * create-or-update (POST), list, fetch, edit, delete. A command keeps its id across
 * overwrites while its name and type stay the same, as on Discord.
 */
import { bulkProblems, commandProblems } from './command-validation.ts';
import { invalidFormBody, missingAccess, unknownCommand } from './errors.ts';
import { route, type Route } from './router.ts';
import type { RestContext } from './routes-core.ts';
import { asObject } from './routes-messages.ts';
import type { Json, JsonObject } from './types.ts';

export function commandRoutes(context: RestContext): Route[] {
  const { state } = context;

  /** The command map for the route's scope, after checking the application and guild. */
  const scope = (params: Readonly<Record<string, string>>): { key: string; guildId?: string; commands: Map<string, JsonObject> } => {
    if (params.applicationId !== state.applicationId) throw missingAccess();
    const guildId = params.guildId;
    if (guildId !== undefined && !state.guilds.has(guildId)) throw missingAccess();
    const key = guildId ?? 'global';
    let commands = state.commands.get(key);
    if (!commands) {
      commands = new Map();
      state.commands.set(key, commands);
    }
    return { key, commands, ...(guildId ? { guildId } : {}) };
  };

  const stored = (input: JsonObject, guildId: string | undefined, previous: JsonObject | undefined): JsonObject => {
    const type = typeof input.type === 'number' ? input.type : 1;
    const unchanged = previous && sameDefinition(previous, input);
    return {
      id: previous ? String(previous.id) : state.ids.next(),
      application_id: state.applicationId,
      version: unchanged ? String(previous.version) : state.ids.next(),
      default_member_permissions: typeof input.default_member_permissions === 'string' ? input.default_member_permissions : null,
      type,
      name: String(input.name),
      name_localizations: input.name_localizations ?? null,
      description: type === 1 ? String(input.description ?? '') : '',
      description_localizations: input.description_localizations ?? null,
      ...(guildId ? { guild_id: guildId } : { dm_permission: input.dm_permission !== false }),
      ...(Array.isArray(input.options) && input.options.length > 0 ? { options: input.options } : {}),
      contexts: input.contexts ?? null,
      integration_types: input.integration_types ?? [0],
      nsfw: input.nsfw === true,
    };
  };
  const findByName = (commands: Map<string, JsonObject>, input: JsonObject): JsonObject | undefined => {
    const type = typeof input.type === 'number' ? input.type : 1;
    return [...commands.values()].find((c) => c.name === input.name && c.type === type);
  };

  const routesFor = (base: string): Route[] => [
    route('GET', base, ({ params }) => ({ status: 200, body: [...scope(params).commands.values()] })),
    route('PUT', base, ({ params, body }) => {
      const { commands, guildId } = scope(params);
      const list = Array.isArray(body) ? (body as readonly Json[]) : [];
      const problems = bulkProblems(list);
      if (problems.length) throw invalidFormBody(problems);
      const next = list.map((entry) => stored(asObject(entry), guildId, findByName(commands, asObject(entry))));
      commands.clear();
      for (const command of next) commands.set(String(command.id), command);
      return { status: 200, body: next };
    }),
    route('POST', base, ({ params, body }) => {
      const { commands, guildId } = scope(params);
      const input = asObject(body);
      const problems = commandProblems(input, []);
      if (problems.length) throw invalidFormBody(problems);
      const previous = findByName(commands, input);
      const command = stored(input, guildId, previous);
      commands.set(String(command.id), command);
      return { status: previous ? 200 : 201, body: command };
    }),
    route('GET', `${base}/:commandId`, ({ params }) => {
      const command = scope(params).commands.get(params.commandId ?? '');
      if (!command) throw unknownCommand();
      return { status: 200, body: command };
    }),
    route('PATCH', `${base}/:commandId`, ({ params, body }) => {
      const { commands, guildId } = scope(params);
      const previous = commands.get(params.commandId ?? '');
      if (!previous) throw unknownCommand();
      const input = { ...previous, ...asObject(body) };
      const problems = commandProblems(input, []);
      if (problems.length) throw invalidFormBody(problems);
      const command = stored(input, guildId, previous);
      commands.set(String(command.id), command);
      return { status: 200, body: command };
    }),
    route('DELETE', `${base}/:commandId`, ({ params }) => {
      const { commands } = scope(params);
      if (!commands.delete(params.commandId ?? '')) throw unknownCommand();
      return { status: 204 };
    }),
  ];

  return [...routesFor('/applications/:applicationId/commands'), ...routesFor('/applications/:applicationId/guilds/:guildId/commands')];
}

/** Whether an update changes nothing Discord versions: name, description, options, permissions. */
function sameDefinition(previous: JsonObject, input: JsonObject): boolean {
  const keys = ['name', 'description', 'options', 'default_member_permissions', 'contexts'];
  const normal = (value: Json | undefined): string => JSON.stringify(Array.isArray(value) && value.length === 0 ? null : (value ?? null));
  return keys.every((key) => normal(previous[key]) === normal(input[key])) && previous.nsfw === (input.nsfw === true);
}
