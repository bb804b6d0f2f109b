/**
 * The words of a message addressed to the bot, without the mention that addressed it.
 */

/**
 * `content` with every mention of the bot (`<@id>`, `<@!id>`) removed, the punctuation a
 * greeting leaves behind dropped, and spaces collapsed.
 *
 * @example stripBotMention('<@123> who founded the company?', '123') → 'who founded the company?'
 * @example stripBotMention('hey <@!123>, sources', '123') → 'hey sources'
 * @example stripBotMention('<@123>', '123') → ''
 */
export function stripBotMention(content: string, botId: string): string {
  const mention = new RegExp(`<@!?${botId}>\\s*[,:;]?`, 'g');
  return content
    .replace(mention, ' ')
    .replace(/^[\s,:;.-]+/, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}
