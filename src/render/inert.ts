/**
 * Untrusted text made inert for each platform. Every string in a `Reply` (article sentences,
 * quotations, outlets, titles, speakers, user input echoed back) is data: it must read as
 * itself and never become a mention, a link, a ping or formatting. Renderers escape each
 * string once, then add their own formatting around it.
 *
 * Slack's mrkdwn has no escape character, so formatting characters become look-alikes (the
 * table jsx-slack uses: its docs record that a zero-width space *enables* Slack formatting
 * and that both `>` and `＞` open a quote at a line start). Discord and CommonMark take a
 * backslash before any ASCII punctuation.
 */

const ZWSP = '\u200B';
const SOFT_HYPHEN = '\u00AD';

/**
 * The `@` of `@everyone`, `@here` and `@channel` wherever they stand, whatever follows:
 * `@everyone1`, `@Here_team` and `x@channel` included (a `\b` after the word would let those
 * through). A zero-width space after it breaks the mention and reads the same.
 */
const BROADCAST = /@(?=(?:everyone|here|channel))/gi;

/**
 * Line breaks normalised to "\n" and control characters removed (tabs kept), so no platform
 * sees a carriage return, a bell or a NUL from a scraped page.
 */
export function cleanControls(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029]/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is removed from untrusted text.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
  );
}

const SLACK_LOOKALIKES: Readonly<Record<string, string>> = {
  '*': '\u2217', // ∗ asterisk operator
  '\uFF0A': '\uFE61', // ＊ → ﹡ small asterisk
  _: '\u02CD', // ˍ modifier letter low macron
  '\uFF3F': '\u2E0F', // ＿ → ⸏ paragraphos
  '`': '\u02CB', // ˋ modifier letter grave accent
  '\uFF40': '\u02CB', // ｀
  '~': '\u223C', // ∼ tilde operator
};

/**
 * Text for a Slack mrkdwn field. `&`, `<`, `>` become entities (so no `<!channel>`,
 * `<@U…>`, `<#C…>`, `<!subteam^…>` or `<url|link>` can form), formatting characters become
 * look-alikes, a quote mark at a line start is preceded by a soft hyphen, and `@here`,
 * `@channel`, `@everyone` get a zero-width space after the `@`, whatever follows them.
 *
 *   inertSlack('<!channel> *Huge* news') → '&lt;!channel&gt; ∗Huge∗ news'
 *   inertSlack('> quoted')               → '\u00AD&gt; quoted'
 */
export function inertSlack(text: string): string {
  return (
    cleanControls(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[*\uFF0A\uFF3F`\uFF40~]/g, (char) => SLACK_LOOKALIKES[char] ?? char)
      // An underscore inside a word (an article id, snake_case) cannot open or close italics,
      // and must stay one so the id can be copied into a command; any other becomes a look-alike.
      .replace(/_/g, (char, at: number, whole: string) => (WORD.test(whole[at - 1] ?? '') && WORD.test(whole[at + 1] ?? '') ? char : SLACK_LOOKALIKES[char]!))
      .replace(BROADCAST, `@${ZWSP}`)
      .replace(/^([ \t]*)(&gt;|\uFF1E)/gm, `$1${SOFT_HYPHEN}$2`)
  );
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * A chunk of Slack mrkdwn cut from longer text, with any escaped `>` that the cut brought to
 * a line start neutralised again (our own quote marks are a raw `>`, never `&gt;`).
 */
export function guardSlackLineStarts(chunk: string): string {
  return chunk.replace(/^([ \t]*)(&gt;|\uFF1E)/gm, `$1${SOFT_HYPHEN}$2`);
}

/** Text for the label of a Slack link (`<url|label>`): as `inertSlack`, with no `|` and on one line. */
export function inertSlackLabel(text: string): string {
  return inertSlack(text.replace(/\s+/g, ' ').trim()).replace(/\|/g, '\u2223');
}

/**
 * Text for a Slack `plain_text` object (the header). Slack parses no formatting there, but
 * angle brackets become look-alikes and the broadcast words are broken anyway, belt and braces.
 *
 *   inertSlackPlain('Briefing <!here>') → 'Briefing ‹!here›'
 */
export function inertSlackPlain(text: string): string {
  return cleanControls(text).replace(/</g, '\u2039').replace(/>/g, '\u203A').replace(BROADCAST, `@${ZWSP}`);
}

/**
 * Text for Discord Markdown (description, title, field name or value). A backslash goes
 * before each formatting character (and every `>`, so a quote mark is always ours) and
 * before `#`, `-`, `+` or `1.` at a line start;
 * `<` is followed by a zero-width space so `<@123>`, `<@!123>`, `<@&123>`, `<#123>`,
 * `<t:…>` and `</cmd:…>` cannot form; `@everyone`, `@here` and `@channel` get a zero-width
 * space after the `@`, whatever follows them.
 *
 *   inertDiscord('@everyone **now** [click](http://evil)')
 *     → '@\u200Beveryone \*\*now\*\* \[click\](http://evil)'
 */
export function inertDiscord(text: string): string {
  return cleanControls(text)
    .replace(/[\\*_~`|[\]>]/g, '\\$&')
    .replace(/</g, `<${ZWSP}`)
    .replace(BROADCAST, `@${ZWSP}`)
    .replace(/^([ \t]*)([#+-])/gm, '$1\\$2')
    .replace(/^([ \t]*)(\d+)\.(?=\s|$)/gm, '$1$2\\.');
}

/**
 * A chunk of Discord Markdown cut from longer text: a cut in the middle of a line can bring
 * `#`, `-`, `+` or `1.` of article text to the start of the chunk, where Discord would read a
 * heading or a list. Our own formatting never starts a line with those, so they are escaped.
 */
export function guardDiscordChunkStart(chunk: string): string {
  return chunk.replace(/^([#+-])/, '\\$1').replace(/^(\d+)\.(?=\s|$)/, '$1\\.');
}

/**
 * Text for a Discord embed title or field name. Whether Discord renders Markdown there has
 * varied by client (a backslash escape has been seen shown literally in titles), so nothing
 * is escaped with a backslash: formatting characters become look-alikes, as for Slack, a
 * masked link is broken between `]` and `(`, and mentions are broken. Reads the same either way.
 *
 *   inertDiscordLabel('**Huge** @here') → '∗∗Huge∗∗ @\u200Bhere'
 */
export function inertDiscordLabel(text: string): string {
  return inertDiscordPlain(text.replace(/\s+/g, ' ').trim())
    .replace(/[*_~`|]/g, (char) => (char === '|' ? '\u2223' : (SLACK_LOOKALIKES[char] ?? char)))
    .replace(/\]\(/g, `]${ZWSP}(`);
}

/**
 * Text for a Discord field that renders no Markdown (the footer, the author): only the
 * mentions are broken, since a backslash there would show.
 */
export function inertDiscordPlain(text: string): string {
  return cleanControls(text).replace(/</g, `<${ZWSP}`).replace(BROADCAST, `@${ZWSP}`);
}

/**
 * Text for CommonMark: punctuation that could open formatting, links, HTML or code is
 * backslash-escaped; a line's leading indentation is dropped (four spaces would make a code
 * block); an `&` that would spell an entity becomes `&amp;`.
 *
 *   inertMarkdown('# Not a *heading*') → '\# Not a \*heading\*'
 */
export function inertMarkdown(text: string): string {
  return cleanControls(text)
    .replace(/^[ \t]+/gm, '')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/^([#+=-])/gm, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}

/**
 * A link target that is safe to put in any platform's link syntax, or null when the text is
 * not a plain http(s) URL (javascript:, data:, credentials in the URL, over 2,000 characters).
 * Characters that would end a link early in Slack, Discord or Markdown are percent-encoded.
 *
 *   safeUrl('https://example.com/a (b)|c') → 'https://example.com/a%20%28b%29%7Cc'
 *   safeUrl('javascript:alert(1)')         → null
 */
export function safeUrl(url: string | null | undefined): string | null {
  const text = url?.trim() ?? '';
  if (text === '' || text.length > 2000) return null;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href.replace(/[\s<>|()[\]"'`\\{}^]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
