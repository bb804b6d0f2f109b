/**
 * The SQLite file's size and what takes it, table by table and index by index (SQLite's dbstat),
 * after opening it with this code: a file from an older briefbot is migrated first, so the
 * time printed is also the migration's (on a copy!).
 * Usage: node bin/run-ts.js scripts/bench/db-size.ts COPY.db
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: db-size.ts COPY.db\n');
  process.exit(2);
}
const started = performance.now();
const cpu = process.cpuUsage();
await openSqliteStore(file).close();
const used = process.cpuUsage(cpu);
const openMs = Math.round(performance.now() - started);

const db = new Database(file, { readonly: true });
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const tables = db.prepare('SELECT name, sum(pgsize) AS size, sum(unused) AS unused FROM dbstat GROUP BY name ORDER BY size DESC').all() as {
  name: string;
  size: number;
  unused: number;
}[];
const pragma = (name: string) => db.pragma(name, { simple: true }) as number;
const pageSize = pragma('page_size');
const report = {
  openMs,
  openCpuMs: Math.round((used.user + used.system) / 1000),
  fileMb: mb(statSync(file).size),
  pageSize,
  freeMb: mb(pragma('freelist_count') * pageSize),
  tablesMb: Object.fromEntries(tables.filter((t) => t.size >= 1e6).map((t) => [t.name, { mb: mb(t.size), unusedMb: mb(t.unused) }])),
};
db.close();
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
