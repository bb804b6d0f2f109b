import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, EMBED_COLOR, renderDiscord, type DiscordMessage } from '../../../src/render/discord-embeds.ts';
import { HOSTILE, answerTexts, hostileReply, longReply, manyCitations, nothingFound, smallReply } from './fixtures.ts';
import { discordMessagesVisible, discordViolations, missingInOrder } from './platform-checks.ts';

/** Every string Discord renders as Markdown (descriptions and field values). */
const markdownTexts = (messages: readonly DiscordMessage[]): string[] =>
  messages.flatMap((message) => message.embeds.flatMap((embed) => [embed.description ?? '', ...(embed.fields ?? []).map((field) => field.value)]));

const fieldNames = (messages: readonly DiscordMessage[]): string[] =>
  messages.flatMap((message) => message.embeds.flatMap((embed) => (embed.fields ?? []).map((field) => field.name)));

describe('renderDiscord', () => {
  it('puts the answer in the description, sources in linked fields and the dates covered in the footer', () => {
    const messages = renderDiscord(smallReply);
    expect(messages).toEqual([
      {
        allowedMentions: { parse: [] },
        embeds: [
          {
            title: 'What did the harbour board decide?',
            color: EMBED_COLOR,
            description: [
              'The harbour board approved the dredging scheme on Tuesday by six votes to two. [1][2]',
              'Work is expected to begin in the autumn once the licence is granted. [3]',
              '',
              '> “We cannot wait another winter.” [2]',
              '> — **Ines Kowalczyk, harbour master**',
              '> Also reported as: “We can not wait for another winter.” [1]',
              '',
              '> “The figures do not add up.” [3]',
              '> — **speaker unknown**',
            ].join('\n'),
            fields: [
              {
                name: '[1] Harbour board backs £14m dredging scheme',
                value: '[Calderbay Courier](https://courier.example/news/2021/03/harbour-dredging?ref=rss&page=2) · 9 March 2021',
                inline: false,
              },
              {
                name: '[2] Dredging plan wins narrow vote',
                value: '[Northern Ledger](https://ledger.example/business/dredging-plan-wins-narrow-vote) · March 2021',
                inline: false,
              },
              { name: '[3] Dredging: what happens next', value: 'outlet unknown · date unknown', inline: false },
            ],
            footer: { text: 'Sources dated March 2021 to 9 March 2021; 1 undated' },
          },
        ],
      },
    ]);
  });

  it('says plainly when nothing was found, with no fields and no footer', () => {
    expect(renderDiscord(nothingFound)).toEqual([
      {
        allowedMentions: { parse: [] },
        embeds: [{ color: EMBED_COLOR, description: '*Nothing on that in the indexed coverage.*' }],
      },
    ]);
  });

  it('notes a language-model answer in the footer', () => {
    const [message] = renderDiscord({ ...smallReply, mode: 'llm' });
    expect(message?.embeds.at(-1)?.footer?.text).toMatch(/; 1 undated · Written by a language model/);
  });

  it('moves a title too long for Discord into the description instead of cutting it', () => {
    const title = `Everything said about ${'the dredging scheme and the harbour board '.repeat(8)}`.trim();
    const messages = renderDiscord({ ...smallReply, title });
    expect(messages[0]?.embeds[0]?.title).toBeUndefined();
    expect(messages[0]?.embeds[0]?.description?.startsWith(`**${title}**`)).toBe(true);
  });

  it('spreads many long-titled sources over embeds and messages within the field and size limits', () => {
    const citations = manyCitations(60).map((citation) => ({ ...citation, title: `${citation.title} ${'and more '.repeat(40)}` }));
    const messages = renderDiscord({ parts: [{ kind: 'text', text: 'The board met.', cites: [1] }], citations });
    expect(discordViolations(messages)).toEqual([]);
    expect(messages.length).toBeGreaterThan(1);
    expect(fieldNames(messages).map((name) => /^\[(\d+)\]/.exec(name)?.[1])).toEqual(citations.map((c) => String(c.n)));
    expect(fieldNames(messages).every((name) => name.length <= DISCORD_LIMITS.fieldName)).toBe(true);
  });

  describe('on a reply far over the limits', () => {
    const reply = longReply();
    const messages = renderDiscord(reply);

    it('splits into several messages, each within every Discord limit', () => {
      expect(messages.length).toBeGreaterThan(1);
      expect(discordViolations(messages)).toEqual([]);
    });

    it('fills messages rather than sending one description each', () => {
      const answerChars = answerTexts(reply).join('').length;
      expect(messages.length).toBeLessThanOrEqual(Math.ceil(answerChars / 4000) + 2);
    });

    it('loses no answer text and keeps it in order', () => {
      expect(missingInOrder(discordMessagesVisible(messages), answerTexts(reply))).toEqual([]);
    });

    it('keeps each sentence with its citation markers', () => {
      const cited = reply.parts.flatMap((part) => (part.kind === 'text' ? [`${part.text} ${part.cites.map((n) => `[${n}]`).join('')}`] : []));
      expect(missingInOrder(discordMessagesVisible(messages), cited)).toEqual([]);
    });

    it('lists every source once, in number order', () => {
      expect(fieldNames(messages).map((name) => Number(/^\[(\d+)\]/.exec(name)?.[1]))).toEqual(reply.citations.map((c) => c.n));
    });

    it('never cuts inside a marker, a masked link or an escape', () => {
      for (const text of markdownTexts(messages)) {
        const rest = text
          .replace(/\\./g, '')
          .replace(/\[[^\]]*\]\([^()\s]*\)/g, '')
          .replace(/\[\d+\]/g, '');
        expect(rest).not.toMatch(/[[\]\\]/);
      }
    });

    it('keeps the quote marks on every line of a quotation split across embeds', () => {
      const quoteLines = markdownTexts(messages)
        .flatMap((text) => text.split('\n'))
        .filter((line) => line.includes('Quoted sentence'));
      expect(quoteLines.length).toBeGreaterThan(1);
      expect(quoteLines.every((line) => line.startsWith('> '))).toBe(true);
    });

    it('footers the last embed with the span of dates the sources cover', () => {
      const footers = messages.flatMap((message) => message.embeds.flatMap((embed) => (embed.footer ? [embed.footer.text] : [])));
      // manyCitations: earliest 2015-01 (n 1), latest 2022-12-24 (n 24), undated every seventh from n 4.
      expect(footers).toEqual([
        'Sources dated January 2015 to 24 December 2022; 9 undated · Written by a language model from the cited sources; each sentence was checked against them.',
      ]);
      expect(messages.at(-1)?.embeds.at(-1)?.footer).toBeDefined();
    });
  });

  describe('on hostile article text', () => {
    const messages = renderDiscord(hostileReply);
    const markdown = markdownTexts(messages).join('\n');
    const labels = messages.flatMap((message) => message.embeds.flatMap((embed) => [embed.title ?? '', ...(embed.fields ?? []).map((field) => field.name)]));

    it('carries allowedMentions with nothing to parse on every message', () => {
      for (const message of messages) expect(message.allowedMentions).toEqual({ parse: [] });
    });

    it('lets no mention or broadcast form anywhere', () => {
      const everything = [markdown, ...labels, ...messages.flatMap((m) => m.embeds.map((e) => e.footer?.text ?? ''))].join('\n');
      expect(everything).not.toMatch(/@(everyone|here)/);
      expect(everything).not.toMatch(/<[@#]!?&?\d/);
    });

    it('lets no formatting, masked link, heading or quote of the article through', () => {
      expect(markdown).not.toMatch(/(?<!\\)(\*\*bold|`|~~|\|\||\[click\]|\[Breaking\])/);
      expect(markdown).not.toMatch(/(?<!\\)\]\(http:\/\/evil/);
      for (const line of markdown.split('\n')) {
        expect(line).not.toMatch(/^(#|-#|\d+\.\s)/);
        if (line.startsWith('> ')) expect(line).toMatch(/^> (“|— \*\*)/);
      }
      expect(labels.join('\n')).not.toMatch(/[*`|\\]|\]\(/);
    });

    it('still reads as the article wrote it', () => {
      const visible = discordMessagesVisible(messages);
      for (const text of Object.values(HOSTILE)) expect(visible).toContain(text);
      expect(visible).toContain('Briefing @everyone <!here> **now**');
      expect(visible).toContain('[1] [Breaking](http://evil.example) <@&123> `news` | more');
      expect(visible).toContain('Evil **Outlet** @everyone <!channel> · 1 July 2022');
    });
  });
});
