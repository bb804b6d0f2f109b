/** `npm run eval -- --feedback`: opens the bot's database and prints its votes (feedback-report.ts). */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { formatFeedback, readFeedback } from './feedback-report.ts';

/** Prints the report; 2 for a setting to fix, 0 otherwise (no votes is not a failure). */
export async function printFeedback(): Promise<number> {
  let db: string;
  try {
    db = loadConfig(process.env).db;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`eval: ${error.message}\n`);
    return 2;
  }
  if (db !== ':memory:' && !existsSync(db)) {
    process.stdout.write(`No database at ${db} yet: nothing has been answered there. Set BRIEFBOT_DB to the bot's database.\n`);
    return 0;
  }
  const store = openSqliteStore(db);
  try {
    process.stdout.write(`${formatFeedback(await readFeedback(store), db)}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
