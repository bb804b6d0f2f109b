/**
 * The command registry of one scope (global, or one guild) over Discord's REST API: list
 * the registered commands, create-or-overwrite one by name, delete one by id.
 */
import { Routes, type REST } from 'discord.js';
import type { CommandJson } from './command-json.ts';
import type { CommandRegistry, RegisteredCommand } from './deploy.ts';

/** Guild-scoped when `guildId` is given (instant, for one server), global otherwise. */
export function restCommandRegistry(rest: REST, applicationId: string, guildId: string | undefined): CommandRegistry {
  const collection = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const one = (id: string) => (guildId ? Routes.applicationGuildCommand(applicationId, guildId, id) : Routes.applicationCommand(applicationId, id));
  return {
    scope: guildId ? `guild ${guildId}` : 'global',
    async list() {
      const answer = await rest.get(collection);
      return Array.isArray(answer) ? answer.filter(isRegistered) : [];
    },
    async save(command: CommandJson) {
      await rest.post(collection, { body: command });
    },
    async remove(id: string) {
      await rest.delete(one(id));
    },
  };
}

function isRegistered(value: unknown): value is RegisteredCommand {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && typeof record.name === 'string';
}
