/**
 * A `Reply` as Slack Block Kit messages: an optional header, the answer in mrkdwn sections,
 * quotations as quote-styled sections, fields as a fields section, then context blocks of
 * numbered sources with links. Long replies become several messages, each within Slack's
 * limits. The block shapes are declared here as plain JSON so this file imports no SDK;
 * they are structurally what @slack/bolt's `KnownBlock` accepts.
 */
import type { Citation, FieldPart, QuotePart, Reply, ReplyPart } from '../core/reply.ts';
import { guardSlackLineStarts, inertSlack, inertSlackLabel, inertSlackPlain, safeUrl } from './inert.ts';
import { packPieces, splitText, truncateText, type SplitOptions } from './split.ts';
import { LLM_NOTE, citationMarkers, dateLabel, earlierLabel, oneLine, orderedCitations, outletLabel, speakerLine, titleLabel } from './source-facts.ts';

export interface SlackMrkdwn {
  readonly type: 'mrkdwn';
  readonly text: string;
  /** Always true: Slack must not auto-link URLs, channel names or mentions in stored text. */
  readonly verbatim: true;
}

export interface SlackPlainText {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji: false;
}

/** A button an adapter adds under an answer (👍, 👎, "More"); the renderer makes none. */
export interface SlackButton {
  readonly type: 'button';
  readonly text: SlackPlainText;
  /** At most 255 characters, unique within the message. */
  readonly action_id: string;
}

export type SlackBlock =
  | { readonly type: 'header'; readonly text: SlackPlainText }
  | { readonly type: 'section'; readonly text: SlackMrkdwn }
  | { readonly type: 'section'; readonly fields: SlackMrkdwn[] }
  | { readonly type: 'context'; readonly elements: SlackMrkdwn[] }
  | { readonly type: 'actions'; readonly elements: SlackButton[] };

/** One `chat.postMessage` / `respond()` payload. Arrays are fresh and mutable, as Bolt's types want. */
export interface SlackMessage {
  /** Notification and accessibility fallback; always set. */
  readonly text: string;
  readonly blocks: SlackBlock[];
}

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextElements: 10,
  headerText: 150,
  fallbackText: 40_000,
  /**
   * Slack rejects a message whose blocks hold too much text in total (`msg_blocks_too_long`).
   * The limit is undocumented; Slack staff put it at about 12,000 characters with a buffer for
   * containers (slackapi/bolt-js#2509, #2867), and 11,341 has been seen rejected, so we stay
   * well under.
   */
  blockTextPerMessage: 10_000,
} as const;

/** Context elements are short labels; kept well under the 3,000 a text object allows. */
const CONTEXT_ELEMENT_TEXT = 1_000;
/** Notification previews show a line or two; the whole answer is in the blocks. */
const FALLBACK_PREVIEW = 3_000;

/** Our links, the three entities, and our own bold or italic labels stay whole when text is cut. */
export const SLACK_ATOMIC: SplitOptions = {
  atomic: [/<[^<>\n]*>/g, /&(?:amp|lt|gt);/g, /\*[^*\n]{1,200}\*/g, /_[^_\n]{1,300}_/g],
  repair: guardSlackLineStarts,
};

/** A block with the mrkdwn a notification would show for it. */
interface Unit {
  readonly block: SlackBlock;
  readonly size: number;
  readonly preview: string;
}

/**
 * The reply as one or more Slack messages, in order, each within every Slack limit: at most
 * 50 blocks, 3,000 characters per section, 10 fields per section and 2,000 per field, 10
 * context elements, a 150-character header, and a bounded total of block text. All stored
 * text is escaped for mrkdwn. Nothing of the answer or its citations is dropped when split.
 *
 *   renderSlack({ parts: [{ kind: 'text', text: 'The UK barred Acme.', cites: [1] }], citations: [c1] })
 *   → [{ text: 'The UK barred Acme. [1] …', blocks: [section('The UK barred Acme. [1]'),
 *        context(['[1] <https://…|Daily Courier, 27 December 2018> — “…”'])] }]
 */
export function renderSlack(reply: Reply): SlackMessage[] {
  const units = [...headUnits(reply), ...partUnits(reply.parts), ...sourceUnits(reply)];
  if (units.length === 0) units.push(...sectionUnits(['Nothing to show.']));
  return packMessages(units);
}

function headUnits(reply: Reply): Unit[] {
  const units: Unit[] = [];
  const title = oneLine(reply.title ?? '');
  if (title !== '') {
    const plain = inertSlackPlain(title);
    if (plain.length <= SLACK_LIMITS.headerText) {
      units.push({
        block: { type: 'header', text: { type: 'plain_text', text: plain, emoji: false } },
        size: plain.length,
        preview: `*${inertSlack(title)}*`,
      });
    } else {
      units.push(...sectionUnits([`*${inertSlack(title)}*`]));
    }
  }
  const notice = oneLine(reply.notice ?? '');
  if (notice !== '') units.push(...sectionUnits([`_${inertSlack(notice)}_`]));
  return units;
}

/** Runs of prose share sections; quotations and fields get blocks of their own. */
function partUnits(parts: readonly ReplyPart[]): Unit[] {
  const units: Unit[] = [];
  let prose: string[] = [];
  let textRun: string[] = [];
  let fields: FieldPart[] = [];
  const flushText = (): void => {
    if (textRun.length > 0) prose.push(textRun.join('\n'));
    textRun = [];
  };
  const flushProse = (): void => {
    flushText();
    units.push(...sectionUnits(prose));
    prose = [];
  };
  const flushFields = (): void => {
    if (fields.length > 0) units.push(...fieldUnits(fields));
    fields = [];
  };
  for (const part of parts) {
    if (part.kind !== 'field') flushFields();
    if (part.kind !== 'text') flushText();
    switch (part.kind) {
      case 'text': {
        const line = withMarkers(inertSlack(part.text.trim()), part.cites);
        if (line !== '') textRun.push(line);
        if (part.earlier) textRun.push(withMarkers(`↳ ${inertSlack(`${earlierLabel(part.earlier)} “${oneLine(part.earlier.text)}”`)}`, part.earlier.cites));
        break;
      }
      case 'heading':
        if (oneLine(part.text) !== '') prose.push(`*${inertSlack(oneLine(part.text))}*`);
        break;
      case 'lines':
        if (part.lines.length > 0) prose.push(part.lines.map((line) => inertSlack(line)).join('\n') || ' ');
        break;
      case 'field':
        flushProse();
        fields.push(part);
        break;
      case 'quote':
        flushProse();
        units.push(...quoteUnits(part));
        break;
    }
  }
  flushFields();
  flushProse();
  return units;
}

function withMarkers(text: string, cites: readonly number[]): string {
  const markers = citationMarkers(cites);
  return markers === '' ? text : text === '' ? markers : `${text} ${markers}`;
}

/** Pieces packed into sections of at most 3,000 characters. */
function sectionUnits(pieces: readonly string[], limit: number = SLACK_LIMITS.sectionText): Unit[] {
  const nonEmpty = pieces.filter((piece) => piece.trim() !== '');
  return packPieces(nonEmpty, limit, '\n\n', SLACK_ATOMIC).map(section);
}

function section(text: string): Unit {
  return { block: { type: 'section', text: mrkdwn(text) }, size: text.length, preview: text };
}

/** A quotation, who said it, and other outlets' wording and how it differs, every line marked as a quote. */
function quoteUnits(part: QuotePart): Unit[] {
  const lines = [
    withMarkers(`“${inertSlack(part.text.trim())}”`, part.cites),
    `— *${inertSlack(speakerLine(part))}*`,
    ...(part.variants ?? []).flatMap((variant) => [
      `Also reported as: ${withMarkers(`“${inertSlack(variant.text.trim())}”`, variant.cites)}`,
      // How this wording differs, as the terminal says it: a cut, a word for another.
      ...(variant.differs ? [`How it differs: ${inertSlack(oneLine(variant.differs))}`] : []),
    ]),
  ];
  const content = lines.join('\n');
  // Each line gains "> "; budget for that before cutting so the marked chunk still fits.
  const lineCount = content.split('\n').length;
  const budget = Math.max(SLACK_LIMITS.sectionText / 2, SLACK_LIMITS.sectionText - 2 * lineCount);
  return splitText(content, budget, SLACK_ATOMIC).flatMap((chunk) => {
    const quoted = chunk
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    return quoted.length <= SLACK_LIMITS.sectionText ? [section(quoted)] : sectionUnits([quoted]);
  });
}

/** Fields two abreast, ten to a section; a field too long for a fields slot becomes prose. */
function fieldUnits(fields: readonly FieldPart[]): Unit[] {
  const units: Unit[] = [];
  let slots: string[] = [];
  const flushSlots = (): void => {
    if (slots.length === 0) return;
    const texts = slots;
    units.push({
      block: { type: 'section', fields: texts.map(mrkdwn) },
      size: texts.reduce((sum, text) => sum + text.length, 0),
      preview: texts.join('\n'),
    });
    slots = [];
  };
  for (const field of fields) {
    const label = inertSlack(oneLine(field.label));
    const value = inertSlack(field.value.trim()) || ' ';
    const slot = `*${label}*\n${value}`;
    if (slot.length <= SLACK_LIMITS.fieldText) {
      slots.push(slot);
      if (slots.length === SLACK_LIMITS.fieldsPerSection) flushSlots();
    } else {
      flushSlots();
      units.push(...sectionUnits([`*${label}:* ${value}`]));
    }
  }
  flushSlots();
  return units;
}

/** Numbered sources, ten to a context block: `[1] <url|Daily Courier, 27 December 2018> — “Title”`. */
function sourceUnits(reply: Reply): Unit[] {
  const elements = orderedCitations(reply.citations).map(sourceElement);
  if (reply.mode === 'llm') elements.push(`_${inertSlack(LLM_NOTE)}_`);
  const units: Unit[] = [];
  for (let i = 0; i < elements.length; i += SLACK_LIMITS.contextElements) {
    const texts = elements.slice(i, i + SLACK_LIMITS.contextElements);
    units.push({
      block: { type: 'context', elements: texts.map(mrkdwn) },
      size: texts.reduce((sum, text) => sum + text.length, 0),
      preview: texts.join('\n'),
    });
  }
  return units;
}

function sourceElement(citation: Citation): string {
  const label = `${inertSlackLabel(outletLabel(citation))}, ${inertSlackLabel(dateLabel(citation))}`;
  const url = safeUrl(citation.url);
  const source = url === null ? label : `<${url.replace(/&/g, '&amp;')}|${label}>`;
  const head = `[${citation.n}] ${source} — `;
  const title = truncateText(inertSlack(titleLabel(citation)), CONTEXT_ELEMENT_TEXT - head.length - 2, SLACK_ATOMIC);
  return `${head}“${title}”`;
}

function mrkdwn(text: string): SlackMrkdwn {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** Blocks in order into messages under the block count and the total text budget. */
function packMessages(units: readonly Unit[]): SlackMessage[] {
  const groups: Unit[][] = [];
  let current: Unit[] = [];
  let size = 0;
  for (const unit of units) {
    const full = current.length === SLACK_LIMITS.blocksPerMessage || size + unit.size > SLACK_LIMITS.blockTextPerMessage;
    if (current.length > 0 && full) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(unit);
    size += unit.size;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => ({
    text: truncateText(group.map((unit) => unit.preview).join('\n'), FALLBACK_PREVIEW, SLACK_ATOMIC),
    blocks: group.map((unit) => unit.block),
  }));
}
