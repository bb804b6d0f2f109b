/**
 * Discord's checks on a message body, with its error codes and messages, so a renderer that
 * overflows a limit fails in tests the way it would fail in production. Lengths count code
 * points, as Discord's API does.
 */
import { emptyMessage, invalidFormBody, type FieldProblem } from './errors.ts';
import type { Json, JsonObject } from './types.ts';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  allowedMentionIds: 100,
} as const;

const MENTION_TYPES = ['users', 'roles', 'everyone'];

/** Code points, not UTF-16 units: `'👍'` counts 1. */
export function length(text: string): number {
  return [...text].length;
}

/**
 * Throws Discord's 400 when `body` would be refused: over-long content or embeds, too many
 * embeds or fields, a missing field name, a bad URL, contradictory allowed_mentions, or
 * nothing to show at all (`hasFiles` counts attachments sent alongside).
 */
export function validateMessageBody(body: JsonObject, hasFiles: boolean): void {
  const problems: FieldProblem[] = [];
  const content = body.content;
  if (typeof content === 'string') maxLength(problems, ['content'], content, LIMITS.content);

  const embeds = Array.isArray(body.embeds) ? (body.embeds as readonly Json[]) : [];
  if (embeds.length > LIMITS.embeds) tooMany(problems, ['embeds'], LIMITS.embeds);
  let total = 0;
  embeds.forEach((embed, index) => {
    if (embed && typeof embed === 'object' && !Array.isArray(embed)) {
      total += checkEmbed(problems, index, embed as JsonObject);
    }
  });
  if (total > LIMITS.embedTotal) {
    problems.push({
      path: ['embeds'],
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
    });
  }
  checkAllowedMentions(problems, body.allowed_mentions);
  checkNonce(problems, body.nonce, body.enforce_nonce);
  if (problems.length > 0) throw invalidFormBody(problems);

  const hasContent = typeof content === 'string' && content.trim().length > 0;
  const hasComponents = Array.isArray(body.components) && body.components.length > 0;
  const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
  const hasAttachments = Array.isArray(body.attachments) && body.attachments.length > 0;
  if (!hasContent && embeds.length === 0 && !hasComponents && !hasStickers && !hasFiles && !hasAttachments && !body.poll) {
    throw emptyMessage();
  }
}

/** Checks one embed and returns the characters it counts toward the 6,000 total. */
function checkEmbed(problems: FieldProblem[], index: number, embed: JsonObject): number {
  const at = (...rest: (string | number)[]): (string | number)[] => ['embeds', index, ...rest];
  let total = 0;
  const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '');

  const title = text(embed.title);
  maxLength(problems, at('title'), title, LIMITS.title);
  total += length(title);
  const description = text(embed.description);
  maxLength(problems, at('description'), description, LIMITS.description);
  total += length(description);

  for (const key of ['url'] as const) {
    const url = embed[key];
    if (url !== undefined && url !== null && !isWellFormedUrl(url)) {
      problems.push({ path: at(key), code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' });
    }
  }
  if (typeof embed.color === 'number' && (embed.color < 0 || embed.color > 0xffffff)) {
    problems.push({
      path: at('color'),
      code: 'NUMBER_TYPE_MAX',
      message: 'int value should be less than or equal to 16777215.',
    });
  }

  const fields = Array.isArray(embed.fields) ? (embed.fields as readonly Json[]) : [];
  if (fields.length > LIMITS.fields) tooMany(problems, at('fields'), LIMITS.fields);
  fields.forEach((field, f) => {
    const object = (field && typeof field === 'object' && !Array.isArray(field) ? field : {}) as JsonObject;
    total += requiredText(problems, at('fields', f, 'name'), object.name, LIMITS.fieldName);
    total += requiredText(problems, at('fields', f, 'value'), object.value, LIMITS.fieldValue);
  });

  const footer = embed.footer as JsonObject | undefined | null;
  if (footer && typeof footer === 'object') {
    total += requiredText(problems, at('footer', 'text'), footer.text, LIMITS.footer);
  }
  const author = embed.author as JsonObject | undefined | null;
  if (author && typeof author === 'object') {
    total += requiredText(problems, at('author', 'name'), author.name, LIMITS.authorName);
    if (author.url !== undefined && author.url !== null && !isWellFormedUrl(author.url)) {
      problems.push({ path: at('author', 'url'), code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' });
    }
  }
  return total;
}

function checkAllowedMentions(problems: FieldProblem[], value: Json | undefined): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: ['allowed_mentions'], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' });
    return;
  }
  const allowed = value as JsonObject;
  const parse = Array.isArray(allowed.parse) ? (allowed.parse as readonly Json[]) : [];
  parse.forEach((entry, i) => {
    if (typeof entry !== 'string' || !MENTION_TYPES.includes(entry)) {
      problems.push({
        path: ['allowed_mentions', 'parse', i],
        code: 'BASE_TYPE_CHOICES',
        message: `Value must be one of {${MENTION_TYPES.map((t) => `'${t}'`).join(', ')}}.`,
      });
    }
  });
  for (const kind of ['users', 'roles'] as const) {
    const list = allowed[kind];
    if (Array.isArray(list) && parse.includes(kind)) {
      problems.push({
        path: ['allowed_mentions'],
        code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      });
    }
    if (Array.isArray(list) && list.length > LIMITS.allowedMentionIds) tooMany(problems, ['allowed_mentions', kind], 100);
  }
}

function requiredText(problems: FieldProblem[], path: (string | number)[], value: Json | undefined, max: number): number {
  if (typeof value !== 'string' || value.trim().length === 0) {
    problems.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return 0;
  }
  maxLength(problems, path, value, max);
  return length(value);
}

function maxLength(problems: FieldProblem[], path: (string | number)[], value: string, max: number): void {
  if (length(value) > max) {
    problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function tooMany(problems: FieldProblem[], path: (string | number)[], max: number): void {
  problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function isWellFormedUrl(value: Json): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'attachment:'].includes(url.protocol);
  } catch {
    return false;
  }
}

/** Discord's nonce: an integer or a string of at most 25 characters; enforce_nonce a boolean. */
export const NONCE_MAX_LENGTH = 25;

function checkNonce(problems: FieldProblem[], nonce: Json | undefined, enforce: Json | undefined): void {
  if (nonce !== undefined && nonce !== null) {
    if (typeof nonce === 'string') maxLength(problems, ['nonce'], nonce, NONCE_MAX_LENGTH);
    else if (typeof nonce !== 'number' || !Number.isInteger(nonce))
      problems.push({ path: ['nonce'], code: 'NONCE_TYPE_INVALID', message: 'Nonce must be an integer or a string.' });
  }
  if (enforce !== undefined && typeof enforce !== 'boolean')
    problems.push({ path: ['enforce_nonce'], code: 'BOOLEAN_TYPE_CONVERT', message: 'Must be either true or false.' });
}
