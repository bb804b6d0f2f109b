/**
 * One scripted conversation on the seeds, the same on every chat platform: eight turns of
 * follow-ups in one thread (or reply chain) answered from the right person and article, a
 * question that stands alone answered as in a fresh thread, and the thread carried on by a
 * bot started again on the same database. Each platform's test supplies how a user there
 * says something in the thread, in a new thread, and how the bot is restarted.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

export interface ConversationDriver {
  /** Says `text` in the scenario's thread (the first call starts it); resolves with what the bot posted, as visible text. */
  say(text: string): Promise<string>;
  /** Says `text` somewhere new (a new thread); resolves with the visible text of the answer. */
  fresh(text: string): Promise<string>;
  /** Stops the bot and starts it again on the same database. */
  restart(): Promise<void>;
}

/** A database of the seeds in a temporary folder; `cleanup` removes it. */
export async function seededDatabase(): Promise<{ file: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-conversation-'));
  const file = join(dir, 'seeds.db');
  const store = openSqliteStore(file);
  await ingestPaths([resolve(PROJECT_ROOT, 'seeds')], { store, clock: systemClock, log: silentLogger });
  await store.close();
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of a database, for a second bot that must not share the first one's conversations. */
export function copyOf(file: string, name: string): string {
  const copy = join(file, '..', `${name}.db`);
  cpSync(file, copy);
  return copy;
}

/** Runs the scenario; every check is an expectation. */
export async function scriptedConversation(driver: ConversationDriver): Promise<void> {
  const first = await driver.say('What did Gavin Williamson say about Huawei?');
  expect(first).toContain('Gavin Williamson');

  const why = await driver.say('why?');
  expect(why).toContain('Why? — following on from “What did Gavin Williamson say about Huawei?”');
  expect(why).toContain('because of security concerns');

  const next = await driver.say('what did he say next?');
  expect(next).toContain('Gavin Williamson, next');
  expect(next).toContain('We’ve got to look at what partners such as Australia and the US are doing');
  expect(next).toContain('ITV News');

  const australia = await driver.say('and what did he say about Australia?');
  expect(australia).toContain('Reading “he” as Gavin Williamson.');
  expect(australia).toContain('Australia');

  const source = await driver.say('source 1?');
  expect(source).toContain('Source 1');

  const may = await driver.say('What did Theresa May say about Huawei?');
  expect(may).toContain('Theresa May');

  const she = await driver.say('who is she?');
  expect(she).toContain('Theresa May (person)');
  expect(she).toContain('Reading “she” as Theresa May.');

  // A question that stands alone in the same thread: as it is answered anywhere else.
  const alone = await driver.say('Who founded Huawei?');
  expect(alone).toBe(await driver.fresh('Who founded Huawei?'));

  await driver.restart();
  const after = await driver.say('who is he?');
  expect(after).toContain('Reading “he” as Ren Zhengfei.');
  expect(after).toContain('Ren Zhengfei (person)');
}
