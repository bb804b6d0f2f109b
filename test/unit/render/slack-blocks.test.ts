import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.ts';
import { renderSlack, type SlackMessage } from '../../../src/render/slack-blocks.ts';
import { HOSTILE, answerTexts, hostileReply, longReply, nothingFound, smallReply } from './fixtures.ts';
import { missingInOrder, slackMessagesVisible, slackTexts, slackViolations } from './platform-checks.ts';

const allTexts = (messages: readonly SlackMessage[]): string[] => messages.flatMap((message) => message.blocks.flatMap(slackTexts));

const contextTexts = (messages: readonly SlackMessage[]): string[] =>
  messages.flatMap((message) => message.blocks.flatMap((block) => (block.type === 'context' ? slackTexts(block) : [])));

describe('renderSlack', () => {
  it('renders a header, the answer, quote-styled quotations and a context line of linked sources', () => {
    const messages = renderSlack(smallReply);
    expect(slackViolations(messages)).toEqual([]);
    expect(messages).toHaveLength(1);
    const blocks = messages[0]!.blocks;
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'What did the harbour board decide?', emoji: false },
    });
    expect(blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text:
          'The harbour board approved the dredging scheme on Tuesday by six votes to two. [1][2]\n' +
          'Work is expected to begin in the autumn once the licence is granted. [3]',
      },
    });
    expect(slackTexts(blocks[2]!)).toEqual([
      '> “We cannot wait another winter.” [2]\n> — *Ines Kowalczyk, harbour master*\n> Also reported as: “We can not wait for another winter.” [1]',
    ]);
    expect(slackTexts(blocks[3]!)).toEqual(['> “The figures do not add up.” [3]\n> — *speaker unknown*']);
    expect(blocks[4]).toEqual({
      type: 'context',
      elements: [
        '[1] <https://courier.example/news/2021/03/harbour-dredging?ref=rss&amp;page=2|Calderbay Courier, 9 March 2021> — “Harbour board backs £14m dredging scheme”',
        '[2] <https://ledger.example/business/dredging-plan-wins-narrow-vote|Northern Ledger, March 2021> — “Dredging plan wins narrow vote”',
        '[3] outlet unknown, date unknown — “Dredging: what happens next”',
      ].map((text) => ({ type: 'mrkdwn', text, verbatim: true })),
    });
    expect(messages[0]!.text).toContain('The harbour board approved the dredging scheme');
  });

  it('says plainly when nothing was found, with the notice as the notification text', () => {
    const messages = renderSlack(nothingFound);
    expect(messages).toEqual([
      {
        text: '_Nothing on that in the indexed coverage._',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', verbatim: true, text: '_Nothing on that in the indexed coverage._' } }],
      },
    ]);
  });

  it('puts a title too long for a header in a bold section instead of cutting it', () => {
    const title = `Everything the harbour board, the council and the licensing authority said ${'about dredging '.repeat(8)}`;
    const messages = renderSlack({ ...smallReply, title });
    expect(messages[0]!.blocks.some((block) => block.type === 'header')).toBe(false);
    expect(slackMessagesVisible(messages)).toContain(title.trim());
  });

  it('sets fields two abreast, at most ten to a section, and a field too long for a slot as prose', () => {
    const fields: Reply['parts'] = [
      ...Array.from({ length: 12 }, (_, i) => ({ kind: 'field' as const, label: `Vote ${i + 1}`, value: 'carried' })),
      { kind: 'field', label: 'Minutes', value: 'The board resolved to proceed. '.repeat(80) },
    ];
    const messages = renderSlack({ parts: fields, citations: [] });
    expect(slackViolations(messages)).toEqual([]);
    const blocks = messages.flatMap((message) => message.blocks);
    expect(blocks.map((block) => ('fields' in block ? block.fields.length : 'text'))).toEqual([10, 2, 'text']);
    expect(slackTexts(blocks[0]!)[0]).toBe('*Vote 1*\ncarried');
  });

  describe('on a reply far over the limits', () => {
    const reply = longReply();
    const messages = renderSlack(reply);

    it('splits into several messages, each within every Slack limit', () => {
      expect(messages.length).toBeGreaterThan(1);
      expect(slackViolations(messages)).toEqual([]);
    });

    it('loses no answer text and keeps it in order', () => {
      expect(missingInOrder(slackMessagesVisible(messages), answerTexts(reply))).toEqual([]);
    });

    it('keeps each sentence with its citation markers', () => {
      const cited = reply.parts.flatMap((part) => (part.kind === 'text' ? [`${part.text} ${part.cites.map((n) => `[${n}]`).join('')}`] : []));
      expect(missingInOrder(slackMessagesVisible(messages), cited)).toEqual([]);
    });

    it('lists every source once, in number order, ten to a context block', () => {
      const numbers = contextTexts(messages).flatMap((text) => (/^\[(\d+)\]/.exec(text) ?? []).slice(1).map(Number));
      expect(numbers).toEqual(reply.citations.map((citation) => citation.n));
    });

    it('never cuts inside a marker, a link or an entity', () => {
      for (const text of allTexts(messages)) {
        const rest = text
          .replace(/^> /gm, '')
          .replace(/\[\d+\]/g, '')
          .replace(/<https?:\/\/[^<>|\s]+\|[^<>]+>/g, '');
        expect(rest).not.toMatch(/[[\]<>]/);
        expect(rest).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }
    });

    it('gives every message a notification text', () => {
      for (const message of messages) expect(message.text.length).toBeGreaterThan(20);
    });
  });

  describe('on hostile article text', () => {
    const messages = renderSlack(hostileReply);
    const texts = allTexts(messages);
    const joined = texts.join('\n');

    it('lets no mention, broadcast or link form', () => {
      expect(joined).not.toMatch(/<[!@#]/);
      expect(joined).not.toMatch(/@(everyone|here|channel)/i);
      for (const text of texts) {
        const links = text.match(/<[^<>]*>/g) ?? [];
        expect(links.every((link) => link.startsWith('<https://evil.example/story?x=1&amp;y=%3Cscript%3E%7Cpipe|'))).toBe(true);
      }
      expect(messages[0]!.text).not.toMatch(/<[!@#]|@(everyone|here|channel)/i);
    });

    it('lets no bold, code, strike or quote of the article through', () => {
      expect(joined).not.toMatch(/[`~]/);
      expect(joined).not.toContain('**bold**');
      for (const text of texts.filter((t) => !t.startsWith('> '))) {
        expect(text.split('\n').some((line) => /^\s*(>|&gt;|＞)/.test(line))).toBe(false);
      }
    });

    it('asks Slack not to auto-link anything in the stored text', () => {
      for (const message of messages) {
        for (const block of message.blocks) {
          const objects = block.type === 'context' ? block.elements : block.type === 'section' ? ('text' in block ? [block.text] : block.fields) : [];
          for (const object of objects) expect(object.verbatim).toBe(true);
        }
      }
    });

    it('still reads as the article wrote it', () => {
      const visible = slackMessagesVisible(messages);
      for (const text of Object.values(HOSTILE)) expect(visible).toContain(text);
      expect(visible).toContain('Briefing @everyone <!here> **now**');
      expect(visible).toContain('Evil **Outlet** @everyone <!channel>, 1 July 2022');
    });
  });
});
