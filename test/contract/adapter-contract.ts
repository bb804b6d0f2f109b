/**
 * The contract every chat adapter passes, run against the real platform library talking to
 * its fake on 127.0.0.1. A platform's test file supplies a harness (how a user there runs a
 * command, mentions the bot, sends a DM, and what the bot posted in answer); this suite says
 * what must hold on every platform: every chat command answers with the same content and
 * citations as `briefbot … --json`, mentions and DMs are answered, a failing command does
 * not stop the adapter and shows an error id, long replies arrive whole within the limits,
 * and article text can never ping anyone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import type { CommandDefinition } from '../../src/core/command.ts';
import { systemClock } from '../../src/core/clock.ts';
import { contextFor, dispatch, type Services } from '../../src/core/dispatch.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { Reply } from '../../src/core/reply.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/core/ports/store.ts';

/** One message the bot posted (or an ephemeral reply), flattened to what a user reads. */
export interface PostedMessage {
  /** Every visible string of the message (text, blocks, embed titles, descriptions, fields, footers) joined by newlines. */
  readonly text: string;
  /** Only the asker sees it. */
  readonly ephemeral: boolean;
  /** True when the platform would notify @everyone/@here/a role/a user because of this message. */
  readonly pings: boolean;
}

export interface AdapterHarness {
  /** Runs a chat command as a user of the platform would (slash command or interaction), options typed. */
  command(name: string, options: Readonly<Record<string, string | number | boolean>>): Promise<readonly PostedMessage[]>;
  /** Mentions the bot in a channel with this text. */
  mention(text: string): Promise<readonly PostedMessage[]>;
  /** Sends the bot a direct message. */
  directMessage(text: string): Promise<readonly PostedMessage[]>;
  /**
   * Clicks the newest button whose label matches, as the first or the second test user, and
   * returns what the bot posted in answer (private notes included); [] when no button matches.
   */
  click(label: RegExp, as?: 'first' | 'second'): Promise<readonly PostedMessage[]>;
  stop(): Promise<void>;
}

export interface HarnessDeps {
  readonly commands: readonly CommandDefinition[];
  readonly services: Services;
}

/** What a log line of the adapter looks like, for checking causes are logged and tokens are not. */
export interface RecordedLog {
  readonly lines: readonly Readonly<Record<string, unknown>>[];
  readonly logger: Logger;
}

export interface ContractOptions {
  /** Starts the real library against its fake with these commands and services. */
  readonly start: (deps: HarnessDeps) => Promise<AdapterHarness>;
  /** A logger that keeps every line, so the suite can check what the adapter logged. */
  readonly recordingLogger: () => RecordedLog;
  /** Secrets the adapter was given: none may appear in any log line. */
  readonly secrets: readonly string[];
}

const HOSTILE = `Hostile article for the contract suite

@everyone the harbour is closed, says @here and <@&123456789012345678> and <!channel> and <!here> and <@U0ALICE>.

**Bold** claims, \`code\`, a [link](http://evil.example) and ~~strike~~ are just text in this article about the harbour.
`;

const BOOM: CommandDefinition = {
  name: 'boom',
  description: 'Always fails, for the contract suite',
  options: [],
  examples: ['boom'],
  surfaces: ['chat'],
  run: () => Promise.reject(new Error('the composer exploded')),
};

const LONG: CommandDefinition = {
  name: 'long',
  description: 'A reply longer than any platform allows in one message',
  options: [],
  examples: ['long'],
  surfaces: ['chat'],
  run: async (): Promise<Reply> => ({
    parts: Array.from({ length: 60 }, (_, i) => ({
      kind: 'text' as const,
      text: `Point ${i + 1}: ${'the harbour sale '.repeat(36)}end of point ${i + 1}.`,
      cites: [1],
    })),
    citations: [
      { n: 1, article: 'hostile', outlet: 'Contract Times', title: 'Hostile article', published: '2024-01-01', url: 'https://example.com/a', text: 'x' },
    ],
  }),
};

/** Every sentence of a reply's answer, as the CLI's --json gives it. */
function answerTexts(reply: Reply): string[] {
  return reply.parts.flatMap((part) => (part.kind === 'text' || part.kind === 'quote' ? [part.text] : []));
}

/** Every piece of a reply a reader is shown: sentences, quotations, headings, field values, lines. */
function shownTexts(reply: Reply): string[] {
  return reply.parts.flatMap((part) => {
    switch (part.kind) {
      case 'text':
      case 'quote':
      case 'heading':
        return [part.text];
      case 'field':
        return [part.value];
      case 'lines':
        return part.lines.filter((line) => line.trim() !== '');
    }
  });
}

/** Runs the contract for one platform. */
export function adapterContract(platform: string, options: ContractOptions): void {
  describe(`the ${platform} adapter (contract)`, () => {
    let dir: string;
    let store: Store;
    let services: Services;
    let log: RecordedLog;
    let harness: AdapterHarness;
    const chatCommands = [...registry.filter((c) => c.surfaces.includes('chat')), BOOM, LONG];
    const cli = (name: string, opts: Record<string, string>) =>
      dispatch(
        registry.find((c) => c.name === name)!,
        opts,
        contextFor(services, { platform: 'cli', user: null, channel: null, workspace: null, canManageChannel: true }),
      );

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'briefbot-contract-'));
      writeFileSync(join(dir, 'hostile.txt'), HOSTILE);
      store = openSqliteStore(':memory:');
      log = options.recordingLogger();
      services = { store, clock: systemClock, log: log.logger };
      await ingestPaths([resolve(PROJECT_ROOT, 'seeds')], { store, clock: systemClock, log: log.logger });
      await ingestPaths([dir], { store, clock: systemClock, log: log.logger });
      harness = await options.start({ commands: chatCommands, services });
    });

    afterAll(async () => {
      await harness?.stop();
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const joined = (messages: readonly PostedMessage[]) => messages.map((m) => m.text).join('\n');

    it('answers ask with the same sentences and citations as the CLI', async () => {
      const question = 'Who founded the company?';
      const expected = (await cli('ask', { question })).reply;
      const text = joined(await harness.command('ask', { question }));
      expect(answerTexts(expected).length).toBeGreaterThan(0);
      for (const sentence of answerTexts(expected)) expect(text).toContain(sentence.slice(0, 60));
      for (const citation of expected.citations) expect(text).toContain(citation.outlet ?? 'outlet unknown');
    });

    it('answers every chat command of the registry', async () => {
      for (const command of registry.filter((c) => c.surfaces.includes('chat'))) {
        const messages = await harness.command(command.name, {});
        expect(messages.length, command.name).toBeGreaterThan(0);
        expect(joined(messages).trim().length, command.name).toBeGreaterThan(0);
      }
    });

    it('answers brief with the points of the CLI, every citation shown', async () => {
      const expected = (await cli('brief', {})).reply;
      const text = joined(await harness.command('brief', {}));
      for (const sentence of answerTexts(expected)) expect(text).toContain(sentence.slice(0, 60));
    });

    it('answers quote, timeline and sources with the content and sources of the CLI', async () => {
      for (const [name, opts] of [
        ['quote', {}],
        ['quote', { about: 'the chairman' }],
        ['timeline', {}],
        ['sources', {}],
      ] as const) {
        const expected = (await cli(name, opts)).reply;
        const text = joined(await harness.command(name, opts));
        const label = `${name} ${JSON.stringify(opts)}`;
        const shown = shownTexts(expected);
        expect(shown.length, label).toBeGreaterThan(0);
        for (const piece of shown) expect(text, label).toContain(piece.slice(0, 40));
        for (const citation of expected.citations) expect(text, label).toContain(citation.outlet ?? 'outlet unknown');
      }
    });

    it('answers a mention in plain words as a question', async () => {
      const text = joined(await harness.mention('Who founded the company?'));
      const expected = (await cli('ask', { question: 'Who founded the company?' })).reply;
      expect(text).toContain(answerTexts(expected)[0]!.slice(0, 60));
    });

    it('answers a direct message', async () => {
      const text = joined(await harness.directMessage('sources'));
      expect(text).toMatch(/article/i);
    });

    it('answers a mention with no question with a short hint, not an error', async () => {
      const messages = await harness.mention('');
      expect(joined(messages)).toMatch(/help|ask/i);
      expect(joined(messages)).not.toMatch(/error [0-9a-f]{8}/i);
    });

    it('survives a command that throws: the user sees an error id, the log has the cause', async () => {
      const text = joined(await harness.command('boom', {}));
      const id = /\b([0-9a-f]{8})\b/.exec(text)?.[1];
      expect(id, text).toBeDefined();
      expect(JSON.stringify(log.lines)).toContain('the composer exploded');
      expect(log.lines.some((line) => JSON.stringify(line).includes(id!))).toBe(true);
      // Still serving after the failure.
      expect(joined(await harness.command('sources', {}))).toMatch(/article/i);
    });

    it('delivers a long reply a page at a time: at most three messages, then More pages through the rest, each part once', async () => {
      const pages = [await harness.command('long', {})];
      expect(pages[0]!.length).toBeLessThanOrEqual(3);
      for (let i = 0; i < 40; i++) {
        const next = await harness.click(/^More/);
        if (next.length === 0) break;
        expect(next.length).toBeLessThanOrEqual(3);
        pages.push(next);
      }
      expect(pages.length).toBeGreaterThan(1);
      const text = joined(pages.flat());
      for (let n = 1; n <= 60; n++) expect(text.split(`end of point ${n}.`).length - 1, `point ${n}`).toBe(1);
      expect(await harness.click(/^More/)).toEqual([]);
    });

    it('stores one vote per person per answer, thanks them, and offers "wrong source" after a 👎', async () => {
      const answer = await harness.command('ask', { question: 'Who supplied the equipment?' });
      expect(answer.some((m) => !m.ephemeral)).toBe(true);
      expect(joined(await harness.click(/^👍$/, 'first'))).toContain('Thanks for the 👍.');
      expect(joined(await harness.click(/^👎$/, 'first'))).toContain('You have already voted on this answer');
      expect(joined(await harness.click(/^👎$/, 'second'))).toContain('Was a source wrong?');
      expect(joined(await harness.click(/^Wrong source$/, 'second'))).toContain('Noted: a wrong source.');
      expect(joined(await harness.click(/^Wrong source$/, 'second'))).toContain('already said what was wrong');
      const votes = (await services.store.answers.feedback(1000)).filter((v) => v.question?.includes('Who supplied the equipment?'));
      expect(votes.map((v) => [v.vote, v.reason])).toEqual([
        ['down', 'wrong-source'],
        ['up', null],
      ]);
      expect(new Set(votes.map((v) => v.user)).size).toBe(2);
      expect(votes.every((v) => v.citations.length > 0)).toBe(true);
    });

    it('posts article text inert: nobody is pinged, the words are still readable', async () => {
      const messages = await harness.command('brief', { article: 'hostile' });
      expect(messages.some((m) => m.pings)).toBe(false);
      expect(joined(messages)).toMatch(/everyone/);
      expect(joined(messages)).toMatch(/harbour/);
    });

    it('gives a short helpful message for an unknown speaker, never a stack trace', async () => {
      const text = joined(await harness.command('quote', { speaker: 'Nobody Atall' }));
      expect(text).not.toMatch(/\bat \S+ \(|Error:/);
      expect(text.length).toBeGreaterThan(0);
    });

    it('never logs a token', () => {
      const all = JSON.stringify(log.lines);
      for (const secret of options.secrets) expect(all).not.toContain(secret);
    });
  });
}
