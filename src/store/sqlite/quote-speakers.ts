/**
 * The quoted speakers' counts `quote` keeps between processes (migration 17): read whole with
 * the speakers marked as changed since, and written back in one transaction that clears only
 * the marks it counted (a write that marked a speaker again meanwhile keeps its mark).
 */
import type Database from 'better-sqlite3';
import type { QuoteSpeakerRecord, QuoteSpeakerState, QuoteSpeakerUpdate } from '../../core/ports/store.ts';

export interface QuoteSpeakers {
  read(): QuoteSpeakerState;
  save(update: QuoteSpeakerUpdate): void;
}

export function prepareQuoteSpeakers(db: Database.Database): QuoteSpeakers {
  const version = db.prepare('SELECT version FROM quote_speaker_state WHERE id = 1').pluck();
  const speakers = db.prepare('SELECT speaker, name, quotes, mentions, articles, first FROM quote_speakers');
  const changes = db.prepare('SELECT speaker, mark FROM quote_speaker_changes');
  const setVersion = db.prepare('UPDATE quote_speaker_state SET version = ? WHERE id = 1');
  const clearAll = db.prepare('DELETE FROM quote_speakers');
  const put = db.prepare(`INSERT OR REPLACE INTO quote_speakers (speaker, name, quotes, mentions, articles, first)
    VALUES (@speaker, @name, @quotes, @mentions, @articles, @first)`);
  const drop = db.prepare('DELETE FROM quote_speakers WHERE speaker = ?');
  const counted = db.prepare('DELETE FROM quote_speaker_changes WHERE speaker = ? AND mark = ?');
  const save = db.transaction((update: QuoteSpeakerUpdate) => {
    if (update.complete) clearAll.run();
    for (const record of update.speakers) put.run(record);
    for (const speaker of update.removed) drop.run(speaker);
    for (const change of update.counted) counted.run(change.speaker, change.mark);
    setVersion.run(update.version);
  });
  return {
    // One read transaction: the counts and the marks as of one moment.
    read: db.transaction(() => ({
      version: (version.get() as string | null | undefined) ?? null,
      speakers: speakers.all() as QuoteSpeakerRecord[],
      changed: changes.all() as { speaker: string; mark: number }[],
    })),
    save: (update) => save.immediate(update),
  };
}
