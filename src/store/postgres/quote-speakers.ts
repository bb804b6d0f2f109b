/**
 * The quoted speakers' counts `quote` keeps between processes, in PostgreSQL (migration 9): as
 * the SQLite engine's (sqlite/quote-speakers.ts), read at one snapshot and written back in one
 * transaction that clears only the marks it counted.
 */
import type pg from 'pg';
import type { QuoteSpeakerChange, QuoteSpeakerRecord, QuoteSpeakerState, QuoteSpeakerUpdate } from '../../core/ports/store.ts';
import { inTransaction } from './transaction.ts';

export async function readQuoteSpeakers(pool: pg.Pool): Promise<QuoteSpeakerState> {
  return inTransaction(pool, async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const version = await client.query<{ version: string | null }>('SELECT version FROM quote_speaker_state WHERE id = 1');
    const speakers = await client.query<QuoteSpeakerRecord>('SELECT speaker, name, quotes, mentions, articles, first FROM quote_speakers');
    const changed = await client.query<QuoteSpeakerChange>('SELECT speaker, mark::float8 AS mark FROM quote_speaker_changes');
    return { version: version.rows[0]?.version ?? null, speakers: speakers.rows, changed: changed.rows };
  });
}

export async function saveQuoteSpeakers(pool: pg.Pool, update: QuoteSpeakerUpdate): Promise<void> {
  await inTransaction(pool, async (client) => {
    if (update.complete) await client.query('DELETE FROM quote_speakers');
    if (update.speakers.length > 0) {
      await client.query(
        `INSERT INTO quote_speakers (speaker, name, quotes, mentions, articles, first)
         SELECT speaker, name, quotes, mentions, articles, first
         FROM jsonb_to_recordset($1::jsonb) AS r (speaker text, name text, quotes int, mentions int, articles int, first text)
         ON CONFLICT (speaker) DO UPDATE SET name = excluded.name, quotes = excluded.quotes, mentions = excluded.mentions,
           articles = excluded.articles, first = excluded.first`,
        [JSON.stringify(update.speakers)],
      );
    }
    if (update.removed.length > 0) await client.query('DELETE FROM quote_speakers WHERE speaker = ANY($1::text[])', [update.removed]);
    if (update.counted.length > 0) {
      await client.query(
        `DELETE FROM quote_speaker_changes c USING jsonb_to_recordset($1::jsonb) AS d (speaker text, mark bigint)
         WHERE c.speaker = d.speaker AND c.mark = d.mark`,
        [JSON.stringify(update.counted)],
      );
    }
    await client.query('UPDATE quote_speaker_state SET version = $1 WHERE id = 1', [update.version]);
  });
}
