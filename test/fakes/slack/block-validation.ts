/**
 * Slack's message limits, checked the way the real API checks them, so a renderer that
 * overflows a limit fails in tests instead of in a customer's workspace. Limits are from
 * Slack's Block Kit reference (blocks, text objects) and `chat.postMessage` docs.
 */

export type MessageCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** `invalid_blocks`, `invalid_blocks_format`, `msg_too_long` or `no_text`. */
      readonly error: string;
      /** Slack-style details: `[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]`. */
      readonly messages: readonly string[];
    };

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  topLevelText: 40_000,
  sectionText: 3_000,
  sectionFields: 10,
  sectionFieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  blockId: 255,
  imageAltText: 2_000,
  markdownText: 12_000,
} as const;

const KNOWN_BLOCK_TYPES = new Set(['section', 'divider', 'header', 'context', 'actions', 'image', 'rich_text', 'input', 'file', 'video', 'markdown']);

type Problems = string[];

function report(problems: Problems, message: string, pointer: string): void {
  problems.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a text object (`{ type: 'mrkdwn' | 'plain_text', text }`) against a length limit. */
function checkTextObject(value: unknown, pointer: string, maxLength: number, problems: Problems, onlyPlain = false): void {
  if (!isRecord(value)) {
    report(problems, 'must be a text object', pointer);
    return;
  }
  const allowed = onlyPlain ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof value.type !== 'string' || !allowed.includes(value.type)) {
    report(problems, `must be one of ${allowed.join(', ')}`, `${pointer}/type`);
  }
  if (typeof value.text !== 'string' || value.text.length === 0) {
    report(problems, 'must be more than 0 characters', `${pointer}/text`);
    return;
  }
  if (value.text.length > maxLength) {
    report(problems, `must be less than ${maxLength + 1} characters`, `${pointer}/text`);
  }
}

function checkList(value: unknown, pointer: string, max: number, problems: Problems): readonly unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    report(problems, 'must provide at least 1 item', pointer);
    return [];
  }
  if (value.length > max) report(problems, `must provide no more than ${max} items`, pointer);
  return value;
}

function checkBlock(block: unknown, pointer: string, seenIds: Set<string>, problems: Problems): void {
  if (!isRecord(block) || typeof block.type !== 'string') {
    report(problems, 'must be a block object', pointer);
    return;
  }
  if (!KNOWN_BLOCK_TYPES.has(block.type)) {
    report(problems, `unknown block type ${block.type}`, `${pointer}/type`);
    return;
  }
  if (block.block_id !== undefined) {
    const id = String(block.block_id);
    if (id.length > SLACK_LIMITS.blockId) report(problems, 'must be less than 256 characters', `${pointer}/block_id`);
    if (seenIds.has(id)) report(problems, 'must be unique', `${pointer}/block_id`);
    seenIds.add(id);
  }
  switch (block.type) {
    case 'section':
      if (block.text === undefined && block.fields === undefined) {
        report(problems, 'must provide text or fields', pointer);
      }
      if (block.text !== undefined) checkTextObject(block.text, `${pointer}/text`, SLACK_LIMITS.sectionText, problems);
      if (block.fields !== undefined) {
        checkList(block.fields, `${pointer}/fields`, SLACK_LIMITS.sectionFields, problems).forEach((field, i) =>
          checkTextObject(field, `${pointer}/fields/${i}`, SLACK_LIMITS.sectionFieldText, problems),
        );
      }
      return;
    case 'header':
      checkTextObject(block.text, `${pointer}/text`, SLACK_LIMITS.headerText, problems, true);
      return;
    case 'context':
      checkList(block.elements, `${pointer}/elements`, SLACK_LIMITS.contextElements, problems).forEach((element, i) => {
        const at = `${pointer}/elements/${i}`;
        if (isRecord(element) && element.type === 'image') {
          if (typeof element.alt_text !== 'string') report(problems, 'must provide alt_text', at);
          return;
        }
        checkTextObject(element, at, SLACK_LIMITS.sectionText, problems);
      });
      return;
    case 'actions':
      checkList(block.elements, `${pointer}/elements`, SLACK_LIMITS.actionsElements, problems);
      return;
    case 'image':
      if (typeof block.alt_text !== 'string' || block.alt_text.length > SLACK_LIMITS.imageAltText) {
        report(problems, 'must provide alt_text of at most 2000 characters', `${pointer}/alt_text`);
      }
      return;
    case 'markdown':
      if (typeof block.text !== 'string' || block.text.length > SLACK_LIMITS.markdownText) {
        report(problems, 'must be a string of at most 12000 characters', `${pointer}/text`);
      }
      return;
    default:
      return;
  }
}

/**
 * Checks a message payload (`text`, `blocks`, `attachments`) as `chat.postMessage`,
 * `chat.update` and response_url do: `{ text: 'x'.repeat(40_001) }` → `msg_too_long`;
 * 51 blocks, a 3,001-character section, 11 context elements or a 151-character header →
 * `invalid_blocks`; blocks that are not a JSON array → `invalid_blocks_format`; nothing
 * to show → `no_text`.
 */
export function checkMessage(args: Readonly<Record<string, unknown>>): MessageCheck {
  const { text, blocks, attachments } = args;
  if (typeof text === 'string' && text.length > SLACK_LIMITS.topLevelText) {
    return { ok: false, error: 'msg_too_long', messages: [] };
  }
  if (blocks !== undefined && blocks !== '') {
    if (!Array.isArray(blocks)) return { ok: false, error: 'invalid_blocks_format', messages: [] };
    const problems: Problems = [];
    if (blocks.length > SLACK_LIMITS.blocksPerMessage) {
      report(problems, `must provide no more than ${SLACK_LIMITS.blocksPerMessage} items`, '/blocks');
    }
    const seenIds = new Set<string>();
    blocks.forEach((block, i) => checkBlock(block, `/blocks/${i}`, seenIds, problems));
    if (problems.length > 0) return { ok: false, error: 'invalid_blocks', messages: problems };
  }
  const hasText = typeof text === 'string' && text.length > 0;
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (!hasText && !hasBlocks && !hasAttachments) return { ok: false, error: 'no_text', messages: [] };
  return { ok: true };
}
