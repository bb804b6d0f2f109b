/**
 * A token ledger kept in a small JSON file, so the daily budget holds across runs of the
 * one-shot CLI and across restarts of the bot. One file per database: processes sharing a
 * database share the budget (a write is a rename, so a reader never sees half a file; two
 * processes adding at the same instant may lose one addition, which a budget can bear).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Logger } from '../core/logger.ts';
import type { TokenLedger } from './token-budget.ts';

interface LedgerFile {
  readonly day: string;
  readonly spent: number;
}

function read(path: string): LedgerFile | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LedgerFile>;
    return typeof parsed.day === 'string' && typeof parsed.spent === 'number' && Number.isFinite(parsed.spent)
      ? { day: parsed.day, spent: parsed.spent }
      : null;
  } catch {
    return null;
  }
}

/**
 * The ledger in `path` (created on the first addition). An unreadable file counts as nothing
 * spent; a failed write is logged and the count kept in memory for this process.
 * @example createFileLedger('data/briefbot.db.llm-tokens.json').add('2019-05-14', 960)
 */
export function createFileLedger(path: string, log: Logger): TokenLedger {
  let memory: LedgerFile | null = null;
  const current = (): LedgerFile | null => read(path) ?? memory;
  return {
    spent(day) {
      const file = current();
      return file?.day === day ? file.spent : 0;
    },
    add(day, tokens) {
      const file = current();
      const next: LedgerFile = { day, spent: (file?.day === day ? file.spent : 0) + tokens };
      memory = next;
      try {
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, `${JSON.stringify(next)}\n`);
        renameSync(temporary, path);
      } catch (error) {
        log.warn({ err: error, path }, 'could not record the tokens spent; counting them in memory for this process');
      }
    },
  };
}

/**
 * Where the ledger of a database lives: beside it, or nowhere for an in-memory database.
 * @example ledgerPathFor('/srv/briefbot/data/briefbot.db') // '/srv/briefbot/data/briefbot.db.llm-tokens.json'
 */
export function ledgerPathFor(db: string): string | null {
  return db === ':memory:' ? null : `${db}.llm-tokens.json`;
}
