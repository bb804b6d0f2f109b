/**
 * The Store port: what briefbot keeps and how it reads it back. Two engines implement it
 * (SQLite, embedded default; PostgreSQL for scale-out, later), and one contract suite
 * checks both.
 */
export interface Store {
  close(): Promise<void>;
}
