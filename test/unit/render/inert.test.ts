import { describe, expect, it } from 'vitest';
import {
  cleanControls,
  guardDiscordChunkStart,
  guardSlackLineStarts,
  inertDiscord,
  inertDiscordLabel,
  inertDiscordPlain,
  inertMarkdown,
  inertSlack,
  inertSlackLabel,
  inertSlackPlain,
  safeUrl,
} from '../../../src/render/inert.ts';
import { HOSTILE } from './fixtures.ts';
import { discordLabelVisible, discordVisible, slackVisible } from './platform-checks.ts';

describe('broadcast words, whatever follows them', () => {
  const cases = ['@everyone1', '@here2', '@everyone_team', '@channels', 'x@here', '@EVERYONE!', '@here@channel'];
  it.each([
    ['inertSlack', inertSlack],
    ['inertSlackPlain', inertSlackPlain],
    ['inertSlackLabel', inertSlackLabel],
    ['inertDiscord', inertDiscord],
    ['inertDiscordLabel', inertDiscordLabel],
    ['inertDiscordPlain', inertDiscordPlain],
  ] as const)('%s breaks every one of them', (_name, inert) => {
    for (const text of cases) expect(inert(text), text).not.toMatch(/@(everyone|here|channel)/i);
  });
});

describe('cleanControls', () => {
  it('normalises line breaks and drops control characters but keeps tabs', () => {
    expect(cleanControls('one\r\ntwo\rthree\u2028four\u0007\u0000\tfive')).toBe('one\ntwo\nthree\nfour\tfive');
  });
});

describe('inertSlack', () => {
  it('escapes the three characters Slack parses, so no mention, broadcast or link can form', () => {
    const out = inertSlack(HOSTILE.slack);
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('&lt;!channel&gt;');
    expect(inertSlack(HOSTILE.slackLink)).toBe('&lt;http://evil.example|Official statement&gt;');
  });

  it('escapes an ampersand so stored entities show as written', () => {
    expect(inertSlack(HOSTILE.entity)).toBe('Fish &amp;amp; chips &amp;lt;b&amp;gt;');
  });

  it('turns formatting characters into look-alikes that read the same', () => {
    const out = inertSlack(`${HOSTILE.bold} ${HOSTILE.code}`);
    expect(out).not.toMatch(/[*_~`]/);
    expect(slackVisible(out)).toBe(`${HOSTILE.bold} ${HOSTILE.code}`);
  });

  it('keeps an underscore inside a word, so an article id can be copied into a command', () => {
    expect(inertSlack('brief --article politics_001 or 000_027e3a')).toBe('brief --article politics_001 or 000_027e3a');
    expect(inertSlack('_shout_ and snake_case_')).toBe('\u02CDshout\u02CD and snake_case\u02CD');
  });

  it('stops a line of article text from opening a block quote', () => {
    const out = inertSlack(`first line\n${HOSTILE.quoteLine}\n＞ full width`);
    expect(out.split('\n').some((line) => /^\s*(&gt;|＞|>)/.test(line))).toBe(false);
    expect(slackVisible(out)).toBe(`first line\n${HOSTILE.quoteLine}\n＞ full width`);
  });

  it('breaks the broadcast words without changing how they read', () => {
    const out = inertSlack('@here @channel @Everyone');
    expect(out).not.toMatch(/@(here|channel|everyone)/i);
    expect(slackVisible(out)).toBe('@here @channel @Everyone');
  });

  it('keeps a link label on one line and free of the label separator', () => {
    expect(inertSlackLabel('Coast |\n Weekly')).toBe('Coast ∣ Weekly');
  });

  it('keeps angle brackets out of plain text', () => {
    expect(inertSlackPlain('Briefing <!here>')).toBe('Briefing ‹!here›');
  });

  it('re-guards a quote mark brought to a line start by a cut', () => {
    expect(guardSlackLineStarts('&gt; tail of a sentence')).toBe('\u00AD&gt; tail of a sentence');
    expect(guardSlackLineStarts('> our own quote')).toBe('> our own quote');
  });
});

describe('inertDiscord', () => {
  it('breaks @everyone and @here with an invisible space', () => {
    const out = inertDiscord(`${HOSTILE.everyone} ${HOSTILE.here}`);
    expect(out).not.toMatch(/@(everyone|here)/);
    expect(discordVisible(out)).toBe(`${HOSTILE.everyone} ${HOSTILE.here}`);
  });

  it('breaks user, role and channel mentions and keeps them readable', () => {
    const out = inertDiscord(HOSTILE.role);
    expect(out).not.toMatch(/<[@#]/);
    expect(discordVisible(out)).toBe(HOSTILE.role);
  });

  it('escapes bold, code, spoilers and masked links', () => {
    for (const text of [HOSTILE.bold, HOSTILE.code, HOSTILE.link, HOSTILE.spoiler]) {
      const out = inertDiscord(text);
      expect(out).not.toMatch(/(?<!\\)[*_~`|[\]]/);
      expect(discordVisible(out)).toBe(text);
    }
  });

  it('escapes a heading, subtext, list or quote at the start of a line', () => {
    const text = [HOSTILE.heading, HOSTILE.subtext, HOSTILE.list, HOSTILE.quoteLine, '- bullet'].join('\n');
    const out = inertDiscord(text);
    for (const line of out.split('\n')) expect(line).not.toMatch(/^(?:#+|-#?|>|\d+\.)\s/);
    expect(discordVisible(out)).toBe(text);
  });

  it('escapes a backslash so article text cannot unescape what follows', () => {
    expect(inertDiscord('a \\*b*')).toBe('a \\\\\\*b\\*');
  });

  it('makes titles and field names inert without backslashes, which some clients show', () => {
    const out = inertDiscordLabel('**Huge** `news` @here <@123> | more');
    expect(out).not.toMatch(/[\\*`|]|@here|<@/);
    expect(discordLabelVisible(out)).toBe('**Huge** `news` @here <@123> | more');
  });

  it('breaks only mentions in text Discord shows raw', () => {
    expect(inertDiscordPlain('@everyone *x*')).toBe('@\u200Beveryone *x*');
  });

  it('escapes a heading or list brought to the start of a chunk by a cut', () => {
    expect(guardDiscordChunkStart('# tail')).toBe('\\# tail');
    expect(guardDiscordChunkStart('12. tail')).toBe('12\\. tail');
    expect(guardDiscordChunkStart('**ours**')).toBe('**ours**');
  });
});

describe('inertMarkdown', () => {
  it('escapes what CommonMark would read as formatting, links or HTML', () => {
    expect(inertMarkdown('# Not a *heading*')).toBe('\\# Not a \\*heading\\*');
    expect(inertMarkdown(HOSTILE.link)).toBe('Readers were urged to \\[click\\](http://evil.example/steal) for details.');
    expect(inertMarkdown('<script>')).toBe('\\<script\\>');
    expect(inertMarkdown('1. first\n- second')).toBe('1\\. first\n\\- second');
  });

  it('drops indentation that would make a code block and keeps entities literal', () => {
    expect(inertMarkdown('    indented')).toBe('indented');
    expect(inertMarkdown('Fish &amp; chips & peas')).toBe('Fish &amp;amp; chips & peas');
  });
});

describe('safeUrl', () => {
  it('accepts http and https links and encodes characters that end a link early', () => {
    expect(safeUrl('https://example.com/a (b)|c')).toBe('https://example.com/a%20%28b%29%7Cc');
    expect(safeUrl(' http://example.com/x?a=1&b=2 ')).toBe('http://example.com/x?a=1&b=2');
  });

  it('refuses scripts, data, other schemes, credentials, junk and empty values', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.com', 'https://user:pw@example.com', 'not a url', '', null]) {
      expect(safeUrl(url)).toBeNull();
    }
  });
});
