import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.ts';
import { renderDiscord } from '../../../src/render/discord-embeds.ts';
import { renderMarkdown } from '../../../src/render/markdown.ts';
import { renderSlack } from '../../../src/render/slack-blocks.ts';
import { renderTerminal } from '../../../src/render/terminal.ts';

const citation = (n: number, outlet: string) => ({
  n,
  article: `a${n}`,
  outlet,
  title: `Title ${n}`,
  published: '2026-02-10',
  url: null,
  text: `Sentence ${n}.`,
});

const reply: Reply = {
  parts: [
    {
      kind: 'quote',
      text: 'We cannot keep spending money we do not have on a boat that carries forty people a day.',
      speaker: 'Maria Okafor',
      role: 'Council Leader',
      cites: [1],
      variants: [
        { text: 'We cannot keep spending money we do not have …', cites: [2], differs: 'Cuts “on a boat that carries forty people a day” (marked …)' },
        {
          text: 'We can no longer spend money we do not have @everyone',
          cites: [3],
          differs: '“We can no longer spend” for “We cannot keep spending”; adds “@everyone <!channel>”',
        },
      ],
    },
  ],
  citations: [citation(1, 'Daily Courier'), citation(2, 'Coastal Post'), citation(3, 'Westmoor Gazette')],
};

const slackText = () => JSON.stringify(renderSlack(reply).map((m) => m.blocks));
const discordText = () => JSON.stringify(renderDiscord(reply).map((m) => m.embeds));

describe('how an outlet’s wording of a quotation differs', () => {
  it('is said on Slack, on Discord and in Markdown as in the terminal', () => {
    expect(renderTerminal(reply)).toContain('Cuts “on a boat that carries forty people a day” (marked …)');
    expect(slackText()).toContain('How it differs: Cuts “on a boat that carries forty people a day” (marked …)');
    expect(discordText()).toContain('How it differs: Cuts “on a boat that carries forty people a day” (marked …)');
    expect(renderMarkdown(reply)).toContain('How it differs: Cuts “on a boat that carries forty people a day” (marked …)');
  });

  it('never pings anyone, whatever the quoted words hold', () => {
    expect(slackText()).not.toMatch(/<!channel>|<!everyone>/);
    expect(slackText()).toContain('How it differs:');
    for (const message of renderDiscord(reply)) expect(message.allowedMentions).toEqual({ parse: [] });
    expect(discordText()).not.toMatch(/(?<![\u200b\\])@everyone/);
  });
});
