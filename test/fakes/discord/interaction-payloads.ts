/**
 * INTERACTION_CREATE payloads for slash commands and autocomplete, as Discord sends them:
 * typed options (from the registered command when there is one), resolved users, channels
 * and roles, the member with permissions computed for the channel, and app_permissions.
 */
import { DM_APP_PERMISSIONS, toBits } from './permissions.ts';
import { channelJson, memberJson, roleJson, userJson } from './payloads.ts';
import type { ChannelRecord, DiscordState } from './state.ts';
import type { Json, JsonObject, OptionValue, RawInteractionOption, SendInteractionInput } from './types.ts';

const OPTION = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
} as const;

export interface BuiltInteraction {
  readonly payload: JsonObject;
  readonly commandType: number;
}

/** The payload for one interaction in `channel`, with the given id and token. */
export function buildInteraction(
  state: DiscordState,
  input: SendInteractionInput,
  channel: ChannelRecord,
  ids: { readonly id: string; readonly token: string },
): BuiltInteraction {
  const user = state.ensureUser(input.userId);
  const guild = channel.guildId ? state.guilds.get(channel.guildId) : undefined;
  const member = guild?.members.get(user.id);
  if (guild && !member) throw new Error(`fake discord: user ${user.id} is not a member of guild ${guild.id}`);
  const registered = findCommand(state, input.name, guild?.id);
  const autocomplete = input.type === 'autocomplete';

  const definitions = optionDefinitions(registered, input.subcommandGroup, input.subcommand);
  const resolved: Record<string, Record<string, Json>> = {};
  const leaf = Array.isArray(input.options)
    ? (input.options as readonly RawInteractionOption[]).map(rawOption)
    : Object.entries(input.options ?? {}).map(([name, value]) =>
        typedOption(state, guild?.id, name, value, definitions, autocomplete && input.focused === name, resolved),
      );
  let options: Json[] = leaf;
  if (input.subcommand) options = [{ name: input.subcommand, type: OPTION.Subcommand, options: leaf }];
  if (input.subcommandGroup) options = [{ name: input.subcommandGroup, type: OPTION.SubcommandGroup, options }];

  const permissions = input.memberPermissions !== undefined ? toBits(input.memberPermissions) : state.permissionsIn(channel.id, user.id);
  const appPermissions = guild ? state.permissionsIn(channel.id, state.botUserId) : DM_APP_PERMISSIONS;
  const channelPayload = guild ? { ...channelJson(state, channel), permissions: appPermissions.toString() } : channelJson(state, channel);

  return {
    commandType: 1,
    payload: {
      id: ids.id,
      application_id: state.applicationId,
      type: autocomplete ? 4 : 2,
      token: ids.token,
      version: 1,
      data: {
        id: registered ? String(registered.id) : state.ids.next(),
        name: input.name,
        type: 1,
        ...(options.length ? { options } : {}),
        ...(registered?.guild_id ? { guild_id: String(registered.guild_id) } : {}),
        ...(Object.keys(resolved).length ? { resolved } : {}),
      },
      channel_id: channel.id,
      channel: channelPayload,
      ...(guild && member
        ? {
            guild_id: guild.id,
            guild: { id: guild.id, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: { ...memberJson(state, member, true), permissions: permissions.toString() },
          }
        : { user: userJson(user) }),
      app_permissions: appPermissions.toString(),
      locale: input.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: guild ? { '0': guild.id } : { '0': '0' },
      context: guild ? 0 : 1,
      attachment_size_limit: 10_485_760,
    },
  };
}

/** A registered chat-input command by name: the guild's first, then the global one. */
function findCommand(state: DiscordState, name: string, guildId: string | undefined): JsonObject | undefined {
  const inScope = (key: string) => [...(state.commands.get(key)?.values() ?? [])].find((c) => c.name === name && c.type === 1);
  return (guildId ? inScope(guildId) : undefined) ?? inScope('global');
}

/** The option definitions that apply after descending into the group and sub-command. */
function optionDefinitions(command: JsonObject | undefined, group: string | undefined, sub: string | undefined): JsonObject[] {
  let options = objects(command?.options);
  for (const name of [group, sub]) {
    if (name === undefined) continue;
    options = objects(options.find((o) => o.name === name)?.options);
  }
  return options;
}

function typedOption(
  state: DiscordState,
  guildId: string | undefined,
  name: string,
  value: OptionValue,
  definitions: readonly JsonObject[],
  focused: boolean,
  resolved: Record<string, Record<string, Json>>,
): Json {
  const declared = definitions.find((d) => d.name === name)?.type;
  const type = typeof declared === 'number' ? declared : inferType(value);
  // What the user is still typing arrives as text, whatever the option's type.
  if (focused) return { name, type, value: String(value), focused: true };
  const id = String(value);
  const add = (kind: string, key: string, entry: Json) => {
    resolved[kind] ??= {};
    resolved[kind][key] = entry;
  };
  const guild = guildId ? state.guilds.get(guildId) : undefined;
  if (type === OPTION.User || (type === OPTION.Mentionable && !guild?.roles.has(id))) {
    add('users', id, userJson(state.ensureUser(id)));
    const member = guild?.members.get(id);
    if (member) add('members', id, { ...memberJson(state, member, false), permissions: '0' });
  } else if (type === OPTION.Role || type === OPTION.Mentionable) {
    const role = guild?.roles.get(id);
    if (role) add('roles', id, roleJson(role));
  } else if (type === OPTION.Channel) {
    const channel = state.channels.get(id);
    if (channel) {
      add('channels', id, {
        id,
        name: channel.name,
        type: channel.type,
        permissions: state.permissionsIn(id, state.botUserId).toString(),
        ...(channel.parentId ? { parent_id: channel.parentId } : {}),
      });
    }
  }
  const wireValue: Json = [OPTION.User, OPTION.Channel, OPTION.Role, OPTION.Mentionable].includes(type as 6) ? id : value;
  return { name, type, value: wireValue };
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return OPTION.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OPTION.Integer : OPTION.Number;
  return OPTION.String;
}

function rawOption(option: RawInteractionOption): Json {
  return {
    name: option.name,
    type: option.type,
    ...(option.value !== undefined ? { value: option.value } : {}),
    ...(option.focused ? { focused: true } : {}),
    ...(option.options ? { options: option.options.map(rawOption) } : {}),
  };
}

function objects(value: Json | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter((v): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v)) : [];
}
