/**
 * Properties every renderer keeps for any text, checked on replies built from random Unicode
 * (seeded, so a failure can be replayed): every string it outputs is well-formed UTF-16; no
 * grapheme cluster of the input (an emoji with its skin tone or joiners, a flag, a keycap, a
 * letter and its accent) is cut in two, in one string or across the strings of a split; and
 * for Slack and Discord, no broadcast or mention survives, whatever follows `@everyone`.
 */
import { describe, expect, it } from 'vitest';
import type { Citation, Reply, ReplyPart } from '../../../src/core/reply.ts';
import { renderDiscord } from '../../../src/render/discord-embeds.ts';
import { renderJson } from '../../../src/render/json.ts';
import { renderMarkdown } from '../../../src/render/markdown.ts';
import { renderSlack } from '../../../src/render/slack-blocks.ts';
import { renderTerminal } from '../../../src/render/terminal.ts';
import { discordViolations, hasLoneSurrogate, slackTexts, slackViolations } from './platform-checks.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Grapheme clusters, line by line (no cluster spans a line break; short strings keep the segmenter fast). */
const clusters = (text: string): string[] => text.split('\n').flatMap((line) => Array.from(segmenter.segment(line), (s) => s.segment));
/** Renderers may change case (a heading) or compose accents; neither is a cut. */
const fold = (cluster: string): string => cluster.normalize('NFD').toLowerCase();

/** A small seeded generator (mulberry32): the same seed gives the same replies. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Clusters of several code points, which a careless cut would break. */
const COMPOUND = ['👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇬🇧', '🇫🇷', '1️⃣', 'e\u0301', 'n\u0303\u0301', '👩🏾‍💻', '❤️', '🧑‍🤝‍🧑', 'ก\u0e33'];
/** Text that tries to ping, link or format. */
const HOSTILE = [
  '@everyone',
  '@here',
  '@channel',
  '@Everyone1',
  '@here_team',
  'x@channel',
  '<!channel>',
  '<!here|here>',
  '<@U123>',
  '<@&42>',
  '<#C1>',
  '@\u200Beveryone',
  '**',
  '`',
  '> ',
  '# ',
  '[a](http://x)',
  '&amp;',
  '|',
];
const PLAIN = [
  'the',
  'minister',
  'said',
  'Acme',
  '2019',
  '£1.7bn',
  ',',
  '.',
  '"',
  '“',
  '”',
  '—',
  '…',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '中文',
  'Ελλάδα',
  'русский',
  'العربية',
  '한국어',
  '𝒳',
  '😀',
  '🚢',
];

/** A code point that is a cluster of its own next to anything: no mark, joiner, modifier, flag half or jamo. */
function loneCodePoint(next: () => number): string {
  for (;;) {
    const cp = next() < 0.5 ? 0x20 + Math.floor(next() * 0x2fe0) : 0x10000 + Math.floor(next() * 0x1ffff);
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (!/^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]$/u.test(ch)) continue;
    if (clusters(`a${ch}`).length === 2 && clusters(`${ch}a`).length === 2 && clusters(`${ch}${ch}`).length === 2) return ch;
  }
}

/** Random text; one in five has no space or line break at all, so a cut must fall inside a run of clusters. */
function text(next: () => number, atoms: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const unbroken = next() < 0.2;
  let out = '';
  for (let i = 0; i < atoms; i++) {
    const roll = next();
    if (unbroken) out += roll < 0.6 ? pick(COMPOUND) : loneCodePoint(next);
    else out += roll < 0.2 ? pick(COMPOUND) : roll < 0.35 ? pick(HOSTILE) : roll < 0.45 ? loneCodePoint(next) : pick(PLAIN);
  }
  return out;
}

/** A reply with random text in every field, sometimes long enough to be split. */
function randomReply(seed: number): Reply {
  const next = random(seed);
  const size = () => (next() < 0.15 ? 300 + Math.floor(next() * 800) : 1 + Math.floor(next() * 40));
  const citations: Citation[] = Array.from({ length: Math.floor(next() * 14) }, (_, i) => ({
    n: i + 1,
    article: `a${i}`,
    outlet: next() < 0.2 ? null : text(next, 1 + Math.floor(next() * 8)),
    title: text(next, size()),
    published: next() < 0.3 ? null : '2019-05-14',
    url: next() < 0.5 ? `https://example.com/${i}` : null,
    text: text(next, 10),
  }));
  const cites = () => (citations.length === 0 ? [] : [1 + Math.floor(next() * citations.length)]);
  const parts: ReplyPart[] = Array.from({ length: Math.floor(next() * 8) }, (): ReplyPart => {
    const kind = Math.floor(next() * 5);
    if (kind === 0) return { kind: 'text', text: text(next, size()), cites: cites() };
    if (kind === 1) return { kind: 'heading', text: text(next, 1 + Math.floor(next() * 10)) };
    if (kind === 2)
      return {
        kind: 'quote',
        text: text(next, size()),
        speaker: text(next, 3),
        role: null,
        cites: cites(),
        variants: [{ text: text(next, 20), cites: cites() }],
      };
    if (kind === 3) return { kind: 'field', label: text(next, 3), value: text(next, size()) };
    return { kind: 'lines', lines: Array.from({ length: 1 + Math.floor(next() * 4) }, () => text(next, size())) };
  });
  return { title: text(next, size()), notice: next() < 0.4 ? text(next, 12) : undefined, parts, citations, mode: next() < 0.5 ? 'llm' : 'extractive' } as Reply;
}

/** Every text a reply holds, whose clusters the output may carry. */
function inputTexts(reply: Reply): string[] {
  const parts = reply.parts.flatMap((part) => {
    switch (part.kind) {
      case 'text':
      case 'heading':
        return [part.text];
      case 'quote':
        return [part.text, part.speaker ?? '', ...(part.variants ?? []).map((variant) => variant.text)];
      case 'field':
        return [part.label, part.value];
      case 'lines':
        return [...part.lines];
    }
    return [];
  });
  const sources = reply.citations.flatMap((c) => [c.title, c.outlet ?? '', c.text]);
  return [reply.title ?? '', reply.notice ?? '', ...parts, ...sources];
}

/** Problems with output strings: ill-formed UTF-16, or a cluster of several code points the input never had (a cut one). */
function unicodeProblems(outputs: readonly string[], reply: Reply): string[] {
  const known = new Set(inputTexts(reply).flatMap(clusters).map(fold));
  const problems: string[] = [];
  for (const output of outputs) {
    if (hasLoneSurrogate(output)) problems.push(`ill-formed UTF-16 in ${JSON.stringify(output.slice(0, 80))}`);
    for (const cluster of clusters(output)) {
      // A cluster of one code point cannot be a cut one; any other the input never had is.
      if ([...cluster].length > 1 && !known.has(fold(cluster))) problems.push(`cut cluster ${JSON.stringify(cluster)}`);
    }
  }
  return problems;
}

const BROADCAST = /@(?:everyone|here|channel)/i;

const slackStrings = (reply: Reply) => renderSlack(reply).flatMap((message) => [message.text, ...message.blocks.flatMap(slackTexts)]);
const discordStrings = (reply: Reply) =>
  renderDiscord(reply).flatMap((message) => [
    message.content ?? '',
    ...message.embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
      embed.footer?.text ?? '',
    ]),
  ]);

/** Sixty replies, made once and given to every renderer. */
const REPLIES = Array.from({ length: 60 }, (_, i) => [1_000 + i, randomReply(1_000 + i)] as const);

describe('every renderer, on random Unicode', () => {
  it('Slack: well-formed, no cluster cut, no broadcast, mention or link syntax from the text, within every limit', () => {
    for (const [seed, reply] of REPLIES) {
      const strings = slackStrings(reply);
      expect(unicodeProblems(strings, reply), `seed ${seed}`).toEqual([]);
      for (const s of strings) {
        expect(s, `seed ${seed}`).not.toMatch(BROADCAST);
        expect(s, `seed ${seed}`).not.toMatch(/<[!@#]/);
      }
      expect(slackViolations(renderSlack(reply)), `seed ${seed}`).toEqual([]);
    }
  });

  it('Discord: well-formed, no cluster cut, no broadcast or mention from the text, within every limit', () => {
    for (const [seed, reply] of REPLIES) {
      const strings = discordStrings(reply);
      expect(unicodeProblems(strings, reply), `seed ${seed}`).toEqual([]);
      for (const s of strings) {
        expect(s, `seed ${seed}`).not.toMatch(BROADCAST);
        expect(s, `seed ${seed}`).not.toMatch(/<[@#]|<\/|<t:/);
      }
      expect(discordViolations(renderDiscord(reply)), `seed ${seed}`).toEqual([]);
    }
  });

  it('the terminal: well-formed and no cluster cut, wrapped at any width', () => {
    for (const [seed, reply] of REPLIES) {
      const width = 12 + (seed % 70);
      const out = renderTerminal(reply, { width });
      expect(unicodeProblems(out.split('\n'), reply), `seed ${seed}, width ${width}`).toEqual([]);
    }
  });

  it('Markdown and JSON: well-formed and no cluster cut', () => {
    for (const [seed, reply] of REPLIES) {
      expect(unicodeProblems([renderMarkdown(reply), renderJson(reply)], reply), `seed ${seed}`).toEqual([]);
    }
  });
});
