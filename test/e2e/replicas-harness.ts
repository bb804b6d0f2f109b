/**
 * Several real bot processes (`npm start`'s entry, bin/start.js, spawned) sharing one
 * database, their time moved together by the test through a clock file
 * (BRIEFBOT_TEST_CLOCK_FILE), each sweeping digests and feeds every 50 ms of real time.
 * A test knows a process has acted at a time when its log says it swept at that time.
 *
 *   const replicas = await startReplicas({ engine, names: ['A', 'B', 'C'], env: {...}, start: T0 });
 *   await replicas.stepTo('2026-06-01T07:30:00.000Z'); // every live process has swept at 07:30
 *   replicas.kill(pid);                               // kill -9
 *   await replicas.stop();                            // SIGTERM to the rest; their exit codes
 *
 * The database engine comes from the environment (`testEngines()`): a SQLite file always,
 * and a PostgreSQL database of its own when BRIEFBOT_TEST_DATABASE_URL is set.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PROJECT_ROOT } from '../../src/config.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const START = resolve(PROJECT_ROOT, 'bin/start.js');

export type { Store };
/** How long a condition may take before a wait fails: generous, since three processes share two cores. */
const WAIT_MS = 20_000;

/** A database the replicas share: what they are told in their environment, and how the test opens it. */
export interface TestEngine {
  readonly name: string;
  /** Settings naming the database, for each bot process. */
  readonly env: Readonly<Record<string, string>>;
  /** The test's own connection, to seed the database and read the runs. */
  open(): Promise<Store>;
  /** Drops what the engine made. */
  dispose(): Promise<void>;
}

/** An engine a test can run on: its name for the test's title, and how to make a fresh one. */
export interface EngineChoice {
  readonly name: string;
  make(): TestEngine;
}

/**
 * The engines the multi-process tests run on: a SQLite file, and PostgreSQL when
 * BRIEFBOT_TEST_DATABASE_URL is set.
 */
export function testEngines(): readonly EngineChoice[] {
  const engines: EngineChoice[] = [{ name: 'SQLite file', make: sqliteEngine }];
  const url = process.env.BRIEFBOT_TEST_DATABASE_URL;
  if (url) engines.push({ name: 'PostgreSQL database', make: () => postgresEngine(url) });
  return engines;
}

/**
 * A PostgreSQL database of its own for one run, made from the test server's URL, so the bots
 * need nothing but DATABASE_URL; dropped at the end.
 */
function postgresEngine(serverUrl: string): TestEngine {
  const name = `briefbot_replicas_${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const made = admin(`CREATE DATABASE ${name}`);
  return {
    name: 'postgres',
    env: { DATABASE_URL: url.href },
    open: async () => {
      await made;
      return openStore({ db: '', databaseUrl: url.href });
    },
    dispose: async () => {
      await made;
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function sqliteEngine(): TestEngine {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-replicas-db-'));
  const db = join(dir, 'briefbot.db');
  return {
    name: 'sqlite',
    env: { BRIEFBOT_DB: db },
    open: async () => openSqliteStore(db),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One JSON line of a bot's log. */
export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly at?: string;
  readonly [field: string]: unknown;
}

export interface Replica {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  readonly lines: LogLine[];
  /** Everything it wrote to stderr that was not a JSON log line. */
  readonly other: string[];
  /** Its exit code (or the signal that ended it). */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  alive: boolean;
}

export interface Replicas {
  readonly all: readonly Replica[];
  readonly live: () => readonly Replica[];
  /** Moves the shared clock; resolves once every live process has swept digests (and feeds) at that time. */
  stepTo(iso: string): Promise<void>;
  /** Writes the clock file, nothing more. */
  setClock(iso: string): void;
  /** kill -9 the process with this pid; resolves once it is gone. */
  kill(pid: number): Promise<Replica>;
  /** Resolves with the first line (of any process, or of `replica`) satisfying `predicate`. */
  waitForLine(predicate: (line: LogLine) => boolean, replica?: Replica): Promise<LogLine>;
  /** SIGTERM to every live process; resolves with their exit codes, by name. */
  stop(): Promise<Record<string, number | NodeJS.Signals | null>>;
  /** Kills whatever is left and removes the clock file. */
  dispose(): void;
}

export interface ReplicaOptions {
  readonly names: readonly string[];
  /** The database and platform settings; the harness adds the clock, sweep period and log level. */
  readonly env: Readonly<Record<string, string>>;
  /** The shared clock's first time. */
  readonly start: string;
  /** Wait for each to say its feed poller swept too (when a feed is followed). */
  readonly feeds?: boolean;
}

/** Spawns the processes and resolves once each has started its digest scheduler. */
export async function startReplicas(options: ReplicaOptions): Promise<Replicas> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-replicas-'));
  const clockFile = join(dir, 'clock');
  const setClock = (iso: string): void => {
    // Written whole, then renamed over: a process never reads half a time.
    writeFileSync(`${clockFile}.next`, `${iso}\n`);
    renameSync(`${clockFile}.next`, clockFile);
  };
  setClock(options.start);
  const all = options.names.map((name) => spawnReplica(name, { ...options.env, BRIEFBOT_TEST_CLOCK_FILE: clockFile }, dir));
  const live = () => all.filter((replica) => replica.alive);

  const waitForLine = (predicate: (line: LogLine) => boolean, replica?: Replica): Promise<LogLine> =>
    waitUntil(
      () => (replica ? replica.lines : all.flatMap((r) => r.lines)).find(predicate),
      () => `no such log line from ${replica?.name ?? 'any process'}; ${summary(all)}`,
    );

  const replicas: Replicas = {
    all,
    live,
    setClock,
    async stepTo(iso) {
      setClock(iso);
      const swept = (kind: string) => (line: LogLine) => line.msg === kind && line.at === iso;
      for (const replica of live()) {
        await waitForLine(swept('digest sweep done'), replica);
        if (options.feeds) await waitForLine(swept('feed sweep done'), replica);
      }
    },
    async kill(pid) {
      const replica = all.find((r) => r.pid === pid);
      if (!replica) throw new Error(`no replica has pid ${pid}`);
      replica.child.kill('SIGKILL');
      await replica.exited;
      return replica;
    },
    waitForLine,
    async stop() {
      const codes: Record<string, number | NodeJS.Signals | null> = {};
      for (const replica of live()) replica.child.kill('SIGTERM');
      for (const replica of all) codes[replica.name] = await replica.exited;
      return codes;
    },
    dispose() {
      for (const replica of live()) replica.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    for (const replica of all) await waitForLine((line) => line.msg === 'digest scheduler started', replica);
  } catch (error) {
    replicas.dispose();
    throw error;
  }
  return replicas;
}

function spawnReplica(name: string, settings: Readonly<Record<string, string>>, cwd: string): Replica {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BRIEFBOT_TIMEZONE: 'UTC',
    BRIEFBOT_TEST_SWEEP_MS: '50',
    LOG_LEVEL: 'debug',
    ...settings,
  };
  const child = spawn(process.execPath, [START], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: LogLine[] = [];
  const other: string[] = [];
  let rest = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8');
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      if (part === '') continue;
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        other.push(part);
      }
    }
  });
  const replica: Replica = {
    name,
    pid: child.pid ?? -1,
    child,
    lines,
    other,
    alive: true,
    exited: new Promise((done) =>
      child.on('exit', (code, signal) => {
        replica.alive = false;
        done(code ?? signal);
      }),
    ),
  };
  return replica;
}

/** Polls `find` until it returns something, or fails after WAIT_MS with `explain()`. */
export async function waitUntil<T>(find: () => T | undefined, explain: () => string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out: ${explain()}`);
    await new Promise((wake) => setTimeout(wake, 20));
  }
}

function summary(all: readonly Replica[]): string {
  return all
    .map((r) => {
      const last = r.lines.slice(-3).map((l) => `${l.msg}${l.at ? `@${l.at}` : ''}`);
      return `${r.name}(${r.alive ? 'alive' : 'dead'}): ${[...last, ...r.other.slice(-2)].join(' | ')}`;
    })
    .join('; ');
}
