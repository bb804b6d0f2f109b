/**
 * No reply lists an article twice in its sources, on any surface: every command that cites
 * (ask, brief, quote, timeline, who, compare, and the follow-ups "source 2?" and "what did he
 * say next?") on the seeds and on an invented three-outlet story, rendered for the terminal,
 * Markdown, Slack and Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { converse } from '../../../src/core/conversation/converse.ts';
import { contextFor } from '../../../src/core/dispatch.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { renderDiscord } from '../../../src/render/discord-embeds.ts';
import { renderMarkdown } from '../../../src/render/markdown.ts';
import { renderSlack } from '../../../src/render/slack-blocks.ts';
import { renderTerminal } from '../../../src/render/terminal.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { ferryStore } from './ferry-story.ts';
import { seedStore } from './seed-store.ts';

const chat = commands.filter((c) => c.surfaces.includes('chat'));

/** Each article once among the citations, and once in each surface's list of sources. */
function expectSourcesOnce(reply: Reply, said: string): void {
  const articles = reply.citations.map((c) => c.article);
  expect(new Set(articles).size, `${said}: ${articles.join(', ')}`).toBe(articles.length);
  const n = reply.citations.length;
  const terminalSources = renderTerminal(reply).split('\nSources\n')[1] ?? '';
  expect(
    terminalSources.split('\n').filter((line) => /^\[\d+\]/.test(line)),
    said,
  ).toHaveLength(n);
  expect(
    renderMarkdown(reply)
      .split('\n')
      .filter((line) => /^\d+\. |^- \[\d+\]|^\[\d+\]/.test(line.trim())).length,
    said,
  ).toBeLessThanOrEqual(n);
  const slackSources = renderSlack(reply)
    .flatMap((m) => m.blocks)
    .flatMap((block) => (block.type === 'context' ? block.elements.map((e) => e.text) : []))
    .filter((text) => /^\[\d+\]/.test(text));
  expect(new Set(slackSources.map((t) => /^\[(\d+)\]/.exec(t)![1])).size, said).toBe(slackSources.length);
  expect(slackSources.length, said).toBeLessThanOrEqual(n);
  const fields = renderDiscord(reply).flatMap((m) => m.embeds.flatMap((e) => (e.fields ?? []).map((f) => f.name)));
  expect(new Set(fields).size, said).toBe(fields.length);
}

async function conversation(store: Store, lines: readonly string[]): Promise<Reply[]> {
  const context = contextFor(
    { store, clock: { now: () => new Date('2026-03-05T09:00:00Z') }, log: silentLogger },
    { platform: 'console', user: null, channel: null, workspace: null, canManageChannel: true },
  );
  const replies: Reply[] = [];
  for (const line of lines) replies.push((await converse({ kind: 'text', text: line }, `test:${lines[0]}`, chat, context)).reply);
  return replies;
}

describe('sources once per article, on every surface', () => {
  let seeds: Store;
  let ferry: Awaited<ReturnType<typeof ferryStore>>;
  beforeAll(async () => {
    seeds = await seedStore();
    ferry = await ferryStore();
  });
  afterAll(async () => {
    await seeds.close();
    await ferry.cleanup();
  });

  it('holds for every command that cites, on the seeds', async () => {
    const lines = [
      'What did Gavin Williamson say about Huawei?',
      'brief',
      'quote',
      'timeline',
      'who Gavin Williamson',
      'who Huawei',
      'compare',
      'compare Williamson concerns',
      'quote Williamson',
      'brief security',
    ];
    for (const [i, reply] of (await conversation(seeds, lines)).entries()) {
      expect(reply.citations.length, lines[i]).toBeGreaterThan(0);
      expectSourcesOnce(reply, lines[i]!);
    }
  });

  it('holds for the follow-ups that cite, on the seeds', async () => {
    const lines = ['What did Gavin Williamson say about Huawei?', 'why?', 'what did he say next?', 'source 2?', 'more'];
    for (const [i, reply] of (await conversation(seeds, lines)).entries()) expectSourcesOnce(reply, lines[i]!);
  });

  it('holds on a story three outlets tell', async () => {
    const lines = ['compare the ferry closure', 'who Maria Okafor', 'timeline', 'quote', 'What did Maria Okafor say?', 'brief'];
    for (const [i, reply] of (await conversation(ferry.store, lines)).entries()) {
      expect(reply.citations.length, lines[i]).toBeGreaterThan(0);
      expectSourcesOnce(reply, lines[i]!);
    }
  });
});
