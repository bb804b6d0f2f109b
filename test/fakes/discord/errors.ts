/**
 * Discord's error bodies: `{ message, code }`, and for a bad form the nested
 * `errors: { embeds: { 0: { description: { _errors: [{ code, message }] } } } }` that
 * discord.js flattens into `embeds[0].description[BASE_TYPE_MAX_LENGTH]: …`.
 */
import type { Json, JsonObject } from './types.ts';

/** Thrown by a route handler; the server answers with its status and body. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: JsonObject,
  ) {
    super(`${status} ${String(body.message)}`);
  }
}

/** One problem in a request body, at a path such as `['embeds', 0, 'title']`. */
export interface FieldProblem {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

export function apiError(status: number, code: number, message: string): DiscordHttpError {
  return new DiscordHttpError(status, { message, code });
}

export const unknownChannel = (): DiscordHttpError => apiError(404, 10003, 'Unknown Channel');
export const unknownMessage = (): DiscordHttpError => apiError(404, 10008, 'Unknown Message');
export const unknownGuild = (): DiscordHttpError => apiError(404, 10004, 'Unknown Guild');
export const unknownMember = (): DiscordHttpError => apiError(404, 10007, 'Unknown Member');
export const unknownUser = (): DiscordHttpError => apiError(404, 10013, 'Unknown User');
export const unknownWebhook = (): DiscordHttpError => apiError(404, 10015, 'Unknown Webhook');
export const unknownInteraction = (): DiscordHttpError => apiError(404, 10062, 'Unknown interaction');
export const unknownCommand = (): DiscordHttpError => apiError(404, 10063, 'Unknown application command');
export const missingAccess = (): DiscordHttpError => apiError(403, 50001, 'Missing Access');
export const missingPermissions = (): DiscordHttpError => apiError(403, 50013, 'Missing Permissions');
export const emptyMessage = (): DiscordHttpError => apiError(400, 50006, 'Cannot send an empty message');
export const invalidWebhookToken = (): DiscordHttpError => apiError(401, 50027, 'Invalid Webhook Token');
export const alreadyAcknowledged = (): DiscordHttpError => apiError(400, 40060, 'Interaction has already been acknowledged.');

/** 400 Invalid Form Body (50035) with every problem nested under its path. */
export function invalidFormBody(problems: readonly FieldProblem[]): DiscordHttpError {
  const errors: Record<string, Json> = {};
  for (const problem of problems) {
    let node: Record<string, Json> = errors;
    for (const key of problem.path) {
      node[String(key)] ??= {};
      node = node[String(key)] as Record<string, Json>;
    }
    node._errors ??= [];
    (node._errors as Json[]).push({ code: problem.code, message: problem.message });
  }
  return new DiscordHttpError(400, { message: 'Invalid Form Body', code: 50035, errors });
}
