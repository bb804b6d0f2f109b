import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/render/markdown.ts';
import { HOSTILE, answerTexts, hostileReply, longReply, nothingFound, smallReply } from './fixtures.ts';
import { missingInOrder } from './platform-checks.ts';

/** Markdown as read: backslash escapes undone, the one entity we write decoded. */
const readEscapes = (markdown: string): string => markdown.replace(/\\(.)/g, '$1').replace(/&amp;/g, '&');

describe('renderMarkdown', () => {
  it('renders the answer with markers, quotations with speakers, then the numbered sources', () => {
    expect(renderMarkdown(smallReply)).toBe(
      [
        '# What did the harbour board decide?',
        '',
        'The harbour board approved the dredging scheme on Tuesday by six votes to two. [1][2]',
        '',
        'Work is expected to begin in the autumn once the licence is granted. [3]',
        '',
        '> “We cannot wait another winter.” [2]',
        '>',
        '> — Ines Kowalczyk, harbour master',
        '>',
        '> Also reported as: “We can not wait for another winter.” [1]',
        '',
        '> “The figures do not add up.” [3]',
        '>',
        '> — speaker unknown',
        '',
        '## Sources',
        '',
        '[1] Calderbay Courier, 9 March 2021 — "Harbour board backs £14m dredging scheme" <https://courier.example/news/2021/03/harbour-dredging?ref=rss&page=2>',
        '> The harbour board approved the dredging scheme on Tuesday by six votes to two.',
        '',
        '[2] Northern Ledger, March 2021 — "Dredging plan wins narrow vote" <https://ledger.example/business/dredging-plan-wins-narrow-vote>',
        '> "We cannot wait another winter," said Ines Kowalczyk, the harbour master.',
        '',
        '[3] outlet unknown, date unknown — "Dredging: what happens next" link unknown',
        '> Work is expected to begin in the autumn once the licence is granted.',
        '',
      ].join('\n'),
    );
  });

  it('says plainly when nothing was found and lists no sources', () => {
    expect(renderMarkdown(nothingFound)).toBe('_Nothing on that in the indexed coverage._\n');
  });

  it('renders fields as a list, lines with hard breaks and notes a language-model answer', () => {
    const out = renderMarkdown({
      parts: [
        { kind: 'field', label: 'Outlet', value: 'Northern Ledger' },
        { kind: 'field', label: 'Published', value: 'date unknown' },
        { kind: 'lines', lines: ['ask QUESTION', 'brief [TOPIC]'] },
      ],
      citations: [],
      mode: 'llm',
    });
    expect(out).toContain('- **Outlet:** Northern Ledger\n- **Published:** date unknown');
    expect(out).toContain('ask QUESTION  \nbrief \\[TOPIC\\]');
    expect(out).toMatch(/_Written by a language model[^_]*_/);
  });

  it('keeps hostile article text inert: no live link, HTML, heading or code, and still readable', () => {
    const out = renderMarkdown(hostileReply);
    expect(out).not.toContain('[click](');
    expect(out).not.toContain('<!channel>');
    expect(out).not.toContain('**bold**');
    expect(out).not.toMatch(/(?<!\\)`/);
    expect(out.split('\n').filter((line) => /^#+ /.test(line))).toEqual(['# Briefing @everyone \\<!here\\> \\*\\*now\\*\\*', '## Sources']);
    for (const text of Object.values(HOSTILE)) expect(readEscapes(out)).toContain(text);
  });

  it('drops a link that is not plain http(s) and says the link is unknown', () => {
    const out = renderMarkdown(hostileReply);
    expect(out).toContain('<https://evil.example/story?x=1&y=%3Cscript%3E%7Cpipe>');
    const scripted = renderMarkdown({ ...smallReply, citations: [{ ...smallReply.citations[0]!, url: 'javascript:alert(1)' }] });
    expect(scripted).not.toContain('javascript:');
    expect(scripted).toContain('link unknown');
  });

  it('keeps every sentence and every citation of a long reply, in order', () => {
    const reply = longReply();
    const out = readEscapes(renderMarkdown(reply));
    expect(missingInOrder(out, answerTexts(reply))).toEqual([]);
    const sources = out.slice(out.indexOf('## Sources'));
    expect(
      missingInOrder(
        sources,
        reply.citations.map((c) => `[${c.n}] `),
      ),
    ).toEqual([]);
  });
});
