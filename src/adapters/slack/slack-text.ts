/**
 * What a user typed, recovered from the form Slack sends it in. Slack escapes `&`, `<` and
 * `>` as entities and wraps mentions, channels and links in angle brackets (`<@U123>`,
 * `<#C123|news>`, `<https://example.com|example.com>`); the parsers in the core want the
 * words as the user saw them.
 */

/**
 * Slack's message markup turned back into the text a reader sees.
 *
 * @example plainSlackText('R&amp;D &lt;3') === 'R&D <3'
 * @example plainSlackText('see <https://example.com/a|example.com/a> in <#C1|news>') === 'see example.com/a in #news'
 * @example plainSlackText('<!here> what did <@U0ALICE|alice> ask?') === '@here what did @alice ask?'
 */
export function plainSlackText(text: string): string {
  const unwrapped = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => readable(inner));
  return withoutEmojiCodes(unwrapped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

/**
 * Text without the emoji shortcodes Slack sends in place of emoji (`:wave:`, `:+1::skin-tone-2:`),
 * so a message of emoji alone reads as what it is, no words, rather than a question about
 * "wave". Only whole words go: a time like `10:30:45` stays.
 *
 * @example withoutEmojiCodes(':wave: :+1::skin-tone-2:') === ''
 * @example withoutEmojiCodes('who said it :thinking_face: at 10:30:45?') === 'who said it at 10:30:45?'
 */
export function withoutEmojiCodes(text: string): string {
  return text.replace(/(?<=^|\s)(?::[a-z0-9_+'-]+:)+(?:[ \t]+|(?=\s)|$)/g, '').trim();
}

/** One `<…>` span as a reader sees it. */
function readable(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('@')) return label !== undefined ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label !== undefined ? `#${label.replace(/^#/, '')}` : target;
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!everyone>; <!subteam^S1|@team> and <!date^…|fallback> carry their own label.
    if (label !== undefined) return label;
    const word = target.slice(1).split('^')[0] ?? '';
    return `@${word}`;
  }
  return label ?? target;
}

/**
 * The text of a message that mentioned the bot, without the mention(s) of the bot (and the
 * comma or colon people type after a name).
 *
 * @example stripBotMention('<@U0BOT> who founded it?', 'U0BOT') === 'who founded it?'
 * @example stripBotMention('hey <@U0BOT|briefbot>, sources', 'U0BOT') === 'hey sources'
 */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (botUserId === undefined) return text.trim();
  const escaped = botUserId.replace(/[^A-Za-z0-9]/g, '');
  return text
    .replace(new RegExp(`<@${escaped}(?:\\|[^>]*)?>[,:]?`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
