import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleChat } from '../../../src/adapters/console/console-chat.ts';
import { systemClock } from '../../../src/core/clock.ts';
import type { CommandDefinition } from '../../../src/core/command.ts';
import { contextFor, dispatchText } from '../../../src/core/dispatch.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { renderTerminal } from '../../../src/render/terminal.ts';
import { chatCommands, failingFake, fakeRegistry } from '../dispatch/fake-commands.ts';
import { fakeStore } from './fake-store.ts';

type Stream = PassThrough & { isTTY?: boolean; columns?: number };

function streams(tty: boolean): { input: Stream; output: Stream; text: () => string } {
  const input: Stream = new PassThrough();
  const output: Stream = new PassThrough();
  if (tty) {
    input.isTTY = true;
    output.isTTY = true;
    output.columns = 120;
  }
  let written = '';
  output.on('data', (chunk) => (written += String(chunk)));
  return { input, output, text: () => written };
}

const services = () => ({ store: fakeStore(), clock: systemClock, log: silentLogger });
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips escape sequences (ESC [ … letter) to read what the chat printed.
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

async function expected(line: string, commands: readonly CommandDefinition[]): Promise<string> {
  const context = contextFor(services(), { platform: 'console', user: null, channel: null, workspace: null, canManageChannel: true });
  return renderTerminal((await dispatchText(line, commands, context)).reply);
}

describe('the terminal chat with piped input', () => {
  it('prints only the replies, a blank line between them, and ends at the end of the input', async () => {
    const { input, output, text } = streams(false);
    const commands = fakeRegistry([failingFake]);
    const chat = createConsoleChat({ input, output, commands, services: services(), noColor: false, historyFile: null });
    await chat.start();
    input.end('sources\n\n   \nWho approved it?\nexplode\n');
    await chat.finished;
    const chatOnly = commands.filter((c) => c.surfaces.includes('chat'));
    const replies = [await expected('sources', chatOnly), await expected('Who approved it?', chatOnly)];
    expect(text().startsWith(`${replies[0]}\n${replies[1]}\n`)).toBe(true);
    expect(text()).toMatch(/Sorry, something went wrong while running "explode" \(error [0-9a-f]{8}\)/);
    expect(text()).not.toContain('briefbot›');
    expect(text()).not.toContain('Indexed:');
  });

  it('offers only chat commands', async () => {
    const { input, output, text } = streams(false);
    const chat = createConsoleChat({ input, output, commands: fakeRegistry(), services: services(), noColor: false, historyFile: null });
    await chat.start();
    input.end('/vacuum\n');
    await chat.finished;
    expect(text()).toMatch(/^Unknown command "vacuum"/);
  });

  it('stops reading at /quit', async () => {
    const { input, output, text } = streams(false);
    const chat = createConsoleChat({ input, output, commands: fakeRegistry(), services: services(), noColor: false, historyFile: null });
    await chat.start();
    input.write('/quit\nsources\n');
    await chat.finished;
    expect(text()).toBe('');
  });
});

describe('the terminal chat on a terminal', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'briefbot-console-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const start = async (noColor = true) => {
    const io = streams(true);
    const historyFile = join(dir, '.briefbot_history');
    const chat = createConsoleChat({ ...io, commands: fakeRegistry(), services: services(), noColor, historyFile });
    await chat.start();
    return { ...io, chat, historyFile };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('welcomes with what is indexed, prompts, answers, and says goodbye at Ctrl-D', async () => {
    const { input, text, chat } = await start();
    input.write('sources\r');
    await settle();
    input.write('\u0004');
    await chat.finished;
    const shown = plain(text());
    expect(shown).toContain('Indexed: 4 articles from 2 outlets, dated May 2019 to 30 November 2022 (1 undated).');
    expect(shown).toContain('Try:\n  Who approved the dredging?');
    expect(shown).toContain('briefbot› ');
    expect(shown).toContain(await expected('sources', chatCommands()));
    expect(shown.trimEnd().endsWith('Bye.')).toBe(true);
  });

  it('colours only when NO_COLOR is unset', async () => {
    const coloured = await start(false);
    coloured.input.write('\u0004');
    await coloured.chat.finished;
    expect(coloured.text()).toContain('\u001b[36m');
    const uncoloured = await start(true);
    uncoloured.input.write('\u0004');
    await uncoloured.chat.finished;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no colour code (ESC [ n m) may be printed when colour is off.
    expect(uncoloured.text()).not.toMatch(/\u001b\[\d+m/);
  });

  it('clears a half-typed line at Ctrl-C and leaves at a second Ctrl-C on an empty line', async () => {
    const { input, text, chat } = await start();
    input.write('half-typed words');
    input.write('\u0003');
    input.write('sources\r');
    await settle();
    expect(plain(text())).toContain(await expected('sources', chatCommands()));
    expect(plain(text())).not.toContain('Unknown command');
    input.write('\u0003');
    await settle();
    expect(plain(text())).toContain('To leave, press Ctrl-C again');
    input.write('\u0003');
    await chat.finished;
  });

  it('keeps the lines typed in a history file for the next session', async () => {
    const first = await start();
    first.input.write('sources\r');
    await settle();
    first.input.write('brief silt\r');
    await settle();
    first.input.write('/quit\r');
    await first.chat.finished;
    expect(readFileSync(first.historyFile, 'utf8')).toBe('sources\nbrief silt\n/quit\n');
    const second = await start();
    second.input.write('\u001b[A\u001b[A\r');
    await settle();
    second.input.write('\u0004');
    await second.chat.finished;
    expect(plain(second.text())).toContain(await expected('brief silt', chatCommands()));
  });
});
