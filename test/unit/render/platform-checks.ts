/**
 * What a reader of Slack or Discord would see, and every limit those platforms enforce,
 * written independently of the renderers so the tests can check them against the docs.
 */
import type { DiscordMessage } from '../../../src/render/discord-embeds.ts';
import type { SlackBlock, SlackMessage } from '../../../src/render/slack-blocks.ts';

const INVISIBLE = /[\u200B\u00AD]/g;
const LOOKALIKES: Readonly<Record<string, string>> = {
  '\u2217': '*',
  '\uFE61': '＊',
  '\u02CD': '_',
  '\u2E0F': '＿',
  '\u02CB': '`',
  '\u223C': '~',
  '\u2223': '|',
  '\u2039': '<',
  '\u203A': '>',
};

function undoLookalikes(text: string): string {
  return text.replace(/[\u2217\uFE61\u02CD\u2E0F\u02CB\u223C\u2223\u2039\u203A]/g, (char) => LOOKALIKES[char] ?? char);
}

/** Every text string of a Slack block, in display order. */
export function slackTexts(block: SlackBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text];
    case 'context':
      return block.elements.map((element) => element.text);
    case 'section':
      return 'text' in block ? [block.text.text] : block.fields.map((field) => field.text);
    case 'actions':
      return block.elements.map((button) => button.text.text);
  }
}

/** Slack mrkdwn as displayed: our quote marks, bold and links dropped, entities and look-alikes read back. */
export function slackVisible(mrkdwn: string): string {
  return undoLookalikes(
    mrkdwn
      .replace(/^> /gm, '')
      .replace(/<[^<>|]*\|([^<>]*)>/g, '$1')
      .replace(/[*_]/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  ).replace(INVISIBLE, '');
}

export function slackMessagesVisible(messages: readonly SlackMessage[]): string {
  return messages
    .flatMap((message) =>
      message.blocks.flatMap((block) =>
        slackTexts(block).map((text) => (block.type === 'header' ? undoLookalikes(text).replace(INVISIBLE, '') : slackVisible(text))),
      ),
    )
    .join('\n');
}

/** Every way a message breaks a Slack limit, as sentences; empty when it keeps them all. */
export function slackViolations(messages: readonly SlackMessage[]): string[] {
  const problems: string[] = [];
  messages.forEach((message, m) => {
    if (message.text.trim() === '') problems.push(`message ${m}: empty fallback text`);
    if (message.text.length > 40_000) problems.push(`message ${m}: fallback text ${message.text.length} > 40000`);
    if (message.blocks.length === 0 || message.blocks.length > 50) problems.push(`message ${m}: ${message.blocks.length} blocks`);
    let total = 0;
    message.blocks.forEach((block, b) => {
      const where = `message ${m} block ${b} (${block.type})`;
      for (const text of slackTexts(block)) {
        total += text.length;
        if (text.trim() === '') problems.push(`${where}: empty text`);
        if (hasLoneSurrogate(text)) problems.push(`${where}: lone surrogate`);
      }
      if (block.type === 'header' && block.text.text.length > 150) problems.push(`${where}: header ${block.text.text.length} > 150`);
      if (block.type === 'context' && (block.elements.length === 0 || block.elements.length > 10)) problems.push(`${where}: ${block.elements.length} elements`);
      if (block.type === 'context' && block.elements.some((element) => element.text.length > 3000)) problems.push(`${where}: element over 3000`);
      if (block.type === 'section' && 'text' in block && block.text.text.length > 3000) problems.push(`${where}: text ${block.text.text.length} > 3000`);
      if (block.type === 'section' && 'fields' in block) {
        if (block.fields.length === 0 || block.fields.length > 10) problems.push(`${where}: ${block.fields.length} fields`);
        if (block.fields.some((field) => field.text.length > 2000)) problems.push(`${where}: field over 2000`);
      }
    });
    // Slack's undocumented cumulative limit (bolt-js#2509): about 12,000 characters of block text.
    if (total > 12_000) problems.push(`message ${m}: ${total} characters of block text > 12000`);
  });
  return problems;
}

/** Discord Markdown as displayed: our quote marks, bold, italics and masked links dropped, escapes read. */
export function discordVisible(markdown: string): string {
  const text = markdown.replace(/^> /gm, '');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\\' && i + 1 < text.length) {
      out += text.charAt(i + 1);
      i++;
    } else if (char === '[') {
      const link = /^\[((?:[^\]\\]|\\.)*)\]\(([^()\s]*)\)/.exec(text.slice(i));
      if (link === null) out += char;
      else {
        out += discordVisible(link[1] ?? '');
        i += link[0].length - 1;
      }
    } else if (char !== '*') out += char; // bold and italic marks are not shown
  }
  return out.replace(INVISIBLE, '');
}

/** A title or field name as displayed: look-alikes read back. */
export function discordLabelVisible(label: string): string {
  return undoLookalikes(label).replace(INVISIBLE, '');
}

export function discordMessagesVisible(messages: readonly DiscordMessage[]): string {
  return messages
    .flatMap((message) =>
      message.embeds.flatMap((embed) => [
        discordLabelVisible(embed.title ?? ''),
        discordVisible(embed.description ?? ''),
        ...(embed.fields ?? []).flatMap((field) => [discordLabelVisible(field.name), discordVisible(field.value)]),
        (embed.footer?.text ?? '').replace(INVISIBLE, ''),
      ]),
    )
    .join('\n');
}

/** Every way a message breaks a Discord limit, as sentences; empty when it keeps them all. */
export function discordViolations(messages: readonly DiscordMessage[]): string[] {
  const problems: string[] = [];
  messages.forEach((message, m) => {
    if (JSON.stringify(message.allowedMentions) !== '{"parse":[]}') problems.push(`message ${m}: allowedMentions not { parse: [] }`);
    if ((message.content?.length ?? 0) > 2000) problems.push(`message ${m}: content over 2000`);
    if (message.embeds.length === 0 || message.embeds.length > 10) problems.push(`message ${m}: ${message.embeds.length} embeds`);
    let total = 0;
    message.embeds.forEach((embed, e) => {
      const where = `message ${m} embed ${e}`;
      const fields = embed.fields ?? [];
      const strings = [embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '', ...fields.flatMap((f) => [f.name, f.value])];
      total += strings.reduce((sum, s) => sum + s.length, 0);
      if (strings.every((s) => s === '')) problems.push(`${where}: empty embed`);
      if (strings.some(hasLoneSurrogate)) problems.push(`${where}: lone surrogate`);
      if ((embed.title?.length ?? 0) > 256) problems.push(`${where}: title over 256`);
      if ((embed.description?.length ?? 0) > 4096) problems.push(`${where}: description ${embed.description?.length} > 4096`);
      if ((embed.footer?.text.length ?? 0) > 2048) problems.push(`${where}: footer over 2048`);
      if (fields.length > 25) problems.push(`${where}: ${fields.length} fields`);
      for (const field of fields) {
        if (field.name.length === 0 || field.name.length > 256) problems.push(`${where}: field name of ${field.name.length}`);
        if (field.value.length === 0 || field.value.length > 1024) problems.push(`${where}: field value of ${field.value.length}`);
      }
    });
    if (total > 6000) problems.push(`message ${m}: ${total} characters across embeds > 6000`);
  });
  return problems;
}

export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * The needles that cannot be found in the haystack in order, whitespace ignored (a split may
 * turn a space into a block boundary). Empty when all are there, in order.
 */
export function missingInOrder(haystack: string, needles: readonly string[]): string[] {
  const flat = haystack.replace(/\s+/g, '');
  const missing: string[] = [];
  let from = 0;
  for (const needle of needles) {
    const at = flat.indexOf(needle.replace(/\s+/g, ''), from);
    if (at < 0) missing.push(needle.length > 80 ? `${needle.slice(0, 80)}…` : needle);
    else from = at + needle.replace(/\s+/g, '').length;
  }
  return missing;
}
