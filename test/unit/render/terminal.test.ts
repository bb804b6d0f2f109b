import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.ts';
import { EXTRACTIVE_NOTE, renderTerminal } from '../../../src/render/terminal.ts';
import { displayWidth, terminalSafe, wrapText } from '../../../src/render/terminal-text.ts';
import { LLM_NOTE } from '../../../src/render/source-facts.ts';
import { courier, ledger, longReply, nothingFound, smallReply, unknownSource } from './fixtures.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters that must not reach the terminal.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('renderTerminal', () => {
  it('numbers citations in the answer and lists them in a Sources footer with human dates and links', () => {
    const text = renderTerminal(smallReply);
    expect(text).toContain('The harbour board approved the dredging scheme on Tuesday by six votes to two. [1][2]\n');
    expect(text).toContain(
      '\nSources\n' +
        '[1] Calderbay Courier, 9 March 2021 — "Harbour board backs £14m dredging scheme" <https://courier.example/news/2021/03/harbour-dredging?ref=rss&page=2>\n' +
        '[2] Northern Ledger, March 2021 — "Dredging plan wins narrow vote" <https://ledger.example/business/dredging-plan-wins-narrow-vote>\n' +
        '[3] outlet unknown, date unknown — "Dredging: what happens next" (link unknown)\n',
    );
    expect(text.startsWith('What did the harbour board decide?\n\n')).toBe(true);
  });

  it('shows a quotation with its speaker and role, other outlets’ wording, and an unknown speaker as unknown', () => {
    const text = renderTerminal(smallReply);
    expect(text).toContain(
      '  “We cannot wait another winter.” [2]\n    — Ines Kowalczyk, harbour master\n    also reported as “We can not wait for another winter.” [1]\n',
    );
    expect(text).toContain('  “The figures do not add up.” [3]\n    — speaker unknown\n');
  });

  it('says under another outlet’s wording how it differs, when the reply says', () => {
    const quote = smallReply.parts.find((p) => p.kind === 'quote')!;
    if (quote.kind !== 'quote') throw new Error('fixture has a quote');
    const differs = '“can not” for “cannot”; adds “for”';
    const reply: Reply = { ...smallReply, parts: [{ ...quote, variants: [{ ...quote.variants![0]!, differs }] }] };
    expect(renderTerminal(reply)).toContain(`also reported as “We can not wait for another winter.” [1]\n      ${differs}\n`);
  });

  it('says which writer produced an answer, once, after the answer', () => {
    expect(renderTerminal(smallReply).split(EXTRACTIVE_NOTE)).toHaveLength(2);
    expect(renderTerminal({ ...smallReply, mode: 'llm' })).toContain(LLM_NOTE);
    expect(renderTerminal({ ...smallReply, mode: undefined })).not.toContain(EXTRACTIVE_NOTE);
  });

  it('prints a notice alone when nothing was found, with no sources', () => {
    expect(renderTerminal(nothingFound)).toBe('Nothing on that in the indexed coverage.\n');
  });

  it('lines up the values of consecutive fields', () => {
    const reply: Reply = {
      parts: [
        { kind: 'field', label: 'Outlet', value: 'unknown' },
        { kind: 'field', label: 'Published', value: 'May 2019' },
      ],
      citations: [],
    };
    expect(renderTerminal(reply)).toBe('Outlet:    unknown\nPublished: May 2019\n');
  });

  it('lists each source once, in number order', () => {
    const text = renderTerminal({ parts: [{ kind: 'text', text: 'Approved.', cites: [2, 1] }], citations: [ledger, courier, ledger] });
    expect(text.match(/^\[\d\]/gm)).toEqual(['[1]', '[2]']);
  });

  it('strips escape sequences and control characters from article text, keeping its words', () => {
    const hostile = 'Huawei \u001b[2J\u001b]0;pwned\u0007was \u001b[31mbanned\u001b[0m\u0008\u0007 \u009b31mtoday\r\nin \u202eLondon';
    const reply: Reply = {
      title: `Title ${hostile}`,
      notice: hostile,
      parts: [
        { kind: 'text', text: hostile, cites: [1] },
        { kind: 'quote', text: hostile, speaker: `Ann\u001b[5m Lee`, role: 'lawyer\u0007', cites: [1] },
        { kind: 'field', label: 'Outlet\u001b[1m', value: hostile },
        { kind: 'lines', lines: [hostile] },
      ],
      citations: [{ ...courier, outlet: `Courier\u001b]8;;http://evil\u0007`, title: hostile }],
    };
    for (const options of [{}, { width: 40 }]) {
      const text = renderTerminal(reply, options);
      expect(text).not.toMatch(CONTROL);
      expect(text).not.toMatch(/\[2J|\[31m|\[0m|pwned|\]8;;/);
      expect(text).toContain('Ann Lee, lawyer');
      expect(words(text)).toEqual(expect.arrayContaining(['Huawei', 'was', 'banned', 'today', 'London']));
    }
  });

  it('uses colour and bold only when asked', () => {
    expect(renderTerminal(smallReply)).not.toContain('\u001b');
    const coloured = renderTerminal(smallReply, { color: true });
    expect(coloured).toContain('\u001b[1mWhat did the harbour board decide?\u001b[22m');
    expect(coloured).toContain('\u001b[36m[1][2]\u001b[39m');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips our colour codes (ESC [ … m) to compare with the plain rendering.
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderTerminal(smallReply));
  });

  it('wraps every line to the width without losing or reordering a word, and keeps markers with their sentence', () => {
    const reply = longReply();
    const plain = renderTerminal(reply);
    for (const width of [40, 72, 100]) {
      const text = renderTerminal(reply, { width });
      const over = text.split('\n').filter((line) => displayWidth(line) > width && !/https?:\/\//.test(line));
      expect(over).toEqual([]);
      expect(text.split('\n').some((line) => /^\s*(\[\d+\])+$/.test(line))).toBe(false);
    }
    expect(plain.split('\n').some((line) => displayWidth(line) > 100)).toBe(true);
    for (const width of [24, 40, 60]) expect(words(renderTerminal(smallReply, { width }))).toEqual(words(renderTerminal(smallReply)));
  });

  it('continues a wrapped source under its facts, and leaves a long link whole', () => {
    const text = renderTerminal({ parts: [], citations: [courier, unknownSource] }, { width: 50 });
    expect(text).toContain(
      '[1] Calderbay Courier, 9 March 2021 — "Harbour\n    board backs £14m dredging scheme"\n    <https://courier.example/news/2021/03/harbour-dredging?ref=rss&page=2>\n',
    );
  });

  it('shows only http links, so a javascript: link is said to be unknown', () => {
    const text = renderTerminal({ parts: [], citations: [{ ...courier, url: 'javascript:alert(1)' }] });
    expect(text).toContain('(link unknown)');
    expect(text).not.toContain('javascript');
  });
});

describe('terminal text', () => {
  it('counts wide characters as two columns and combining marks as none', () => {
    expect(displayWidth('华为')).toBe(4);
    expect(displayWidth('cafe\u0301')).toBe(4);
    expect(displayWidth('\u001b[1mbold\u001b[22m')).toBe(4);
  });

  it('wraps with a first-line indent and a hanging indent', () => {
    expect(wrapText('one two three four', 11, { indent: '- ', hanging: '  ' })).toEqual(['- one two', '  three', '  four']);
  });

  it('cuts a word longer than the line, but not a link', () => {
    expect(wrapText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(wrapText(`see https://example.com/${'a'.repeat(30)}`, 20)).toEqual(['see', `https://example.com/${'a'.repeat(30)}`]);
  });

  it('turns carriage returns into line breaks and drops other controls', () => {
    expect(terminalSafe('a\r\nb\rc\u0000d\te')).toBe('a\nb\ncd  e');
  });
});
