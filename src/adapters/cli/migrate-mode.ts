/**
 * `briefbot migrate --from sqlite:FILE --to postgres:URL`: copies an embedded index into
 * PostgreSQL (src/store/migrate/sqlite-to-postgres.ts), so a team can move to several replicas
 * without re-ingesting. Safe to run again, or after an interruption. Messages name the
 * database's host, never its password.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './parse-args.ts';

export const MIGRATE_MODE = 'migrate';
export const MIGRATE_DESCRIPTION = 'Copy a SQLite index into PostgreSQL (safe to run again)';
export const MIGRATE_HELP = [
  'Usage: briefbot migrate --from sqlite:FILE --to postgres:URL',
  '',
  `${MIGRATE_DESCRIPTION}.`,
  'Every article (duplicates and removed ones too), quotation, story entity, digest subscription with',
  'its runs and watermark, feed, conversation and answer is copied; PostgreSQL becomes a copy of the',
  'file. An interrupted run is finished by running the same command again.',
  '',
  'Options:',
  '  --from sqlite:FILE    the SQLite database to read (not changed, beyond migrating its schema)',
  '  --to postgres:URL     the PostgreSQL database, e.g. postgres://briefbot@db.internal:5432/briefbot',
  '  -h, --help            show help',
].join('\n');

export interface MigrateInvocation {
  readonly kind: 'migrate';
  readonly from: string;
  readonly to: string;
  readonly help: boolean;
}

/**
 * The migrate invocation, when the command word is `migrate`; null for any other command line.
 * @example migrateInvocation(['migrate', '--from', 'sqlite:data/briefbot.db', '--to', 'postgres://db/b'], '/app')
 *   → { kind: 'migrate', from: '/app/data/briefbot.db', to: 'postgres://db/b', help: false }
 * @throws UsageError for a missing or malformed --from or --to
 */
export function migrateInvocation(argv: readonly string[], cwd: string): MigrateInvocation | null {
  if (argv[0] !== MIGRATE_MODE) return null;
  let values: { from?: string; to?: string; help?: boolean };
  try {
    values = parseArgs({
      args: argv.slice(1),
      options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} for "migrate" (see briefbot migrate --help)`, MIGRATE_MODE);
  }
  if (values.help) return { kind: 'migrate', from: '', to: '', help: true };
  const from = values.from?.match(/^sqlite:(.+)$/)?.[1];
  if (!from) throw new UsageError('--from takes sqlite:FILE, the SQLite database to copy', MIGRATE_MODE);
  const to = values.to?.replace(/^postgres:(?=postgres(ql)?:\/\/)/, '');
  if (!to || !/^postgres(ql)?:\/\/./.test(to))
    throw new UsageError('--to takes postgres:URL, e.g. postgres:postgres://briefbot@db.internal:5432/briefbot', MIGRATE_MODE);
  return { kind: 'migrate', from: resolve(cwd, from), to, help: false };
}
