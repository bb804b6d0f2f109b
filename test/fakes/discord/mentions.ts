/**
 * Who a message notifies, worked out as Discord does: mentions in the content, filtered by
 * `allowed_mentions` (absent means "parse everything"). Mentions inside embeds never notify.
 */
import type { AllowedMentionsRecord, Json, PingRecord } from './types.ts';

const USER_MENTION = /<@!?(\d{15,25})>/g;
const ROLE_MENTION = /<@&(\d{15,25})>/g;
const EVERYONE = /@(everyone|here)\b/;

/**
 * `'hi <@123456789012345678> @everyone'` with `{ parse: [] }` → nobody;
 * with no allowed_mentions → that user and everyone.
 */
export function computePings(content: string, allowed: AllowedMentionsRecord | undefined, isReply: boolean): PingRecord {
  const parse = allowed ? (allowed.parse ?? []) : ['users', 'roles', 'everyone'];
  const users = unique([...content.matchAll(USER_MENTION)].map((m) => m[1]!));
  const roles = unique([...content.matchAll(ROLE_MENTION)].map((m) => m[1]!));
  return {
    everyone: parse.includes('everyone') && EVERYONE.test(content),
    users: parse.includes('users') ? users : users.filter((id) => allowed?.users?.includes(id)),
    roles: parse.includes('roles') ? roles : roles.filter((id) => allowed?.roles?.includes(id)),
    repliedUser: isReply && (allowed ? allowed.replied_user === true : true),
  };
}

/** The ids of users mentioned in content, whether or not they are notified. */
export function mentionedUserIds(content: string): string[] {
  return unique([...content.matchAll(USER_MENTION)].map((m) => m[1]!));
}

/** The ids of roles mentioned in content. */
export function mentionedRoleIds(content: string): string[] {
  return unique([...content.matchAll(ROLE_MENTION)].map((m) => m[1]!));
}

/** A body's allowed_mentions as a record, or undefined when absent or not an object. */
export function readAllowedMentions(value: Json | undefined): AllowedMentionsRecord | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const object = value as Record<string, Json>;
  const strings = (v: Json | undefined): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
  const record: {
    parse?: readonly string[];
    users?: readonly string[];
    roles?: readonly string[];
    replied_user?: boolean;
  } = {};
  const parse = strings(object.parse);
  const users = strings(object.users);
  const roles = strings(object.roles);
  if (parse) record.parse = parse;
  if (users) record.users = users;
  if (roles) record.roles = roles;
  if (typeof object.replied_user === 'boolean') record.replied_user = object.replied_user;
  return record;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
