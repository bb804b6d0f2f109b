/**
 * Helpers for ingest tests: temporary folders of article files, an in-memory store, and a
 * simple analyser (paragraphs as sentences) so ingest's own rules are tested apart from the
 * real cleaner and analyser.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AnalysedArticle } from '../../../src/core/article.ts';
import type { Clock } from '../../../src/core/clock.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import type { Analyser } from '../../../src/ingest/analyse-raw.ts';
import type { IngestDeps } from '../../../src/ingest/ingest.ts';
import { StoryLinks, type StoryEntities } from '../../../src/core/analyse/entity-linking.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { ArticleEntities, Store } from '../../../src/core/ports/store.ts';
import { analysedArticle, person } from '../store/article-fixture.ts';

export function tempFolder(): { dir: string; write: (path: string, content: string | Uint8Array) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-ingest-'));
  return {
    dir,
    write(path, content) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      return full;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A clock that moves one minute per call, so writes are told apart. */
export function steppingClock(start = Date.parse('2024-05-01T10:00:00Z')): Clock {
  let now = start;
  return {
    now: () => {
      now += 60_000;
      return new Date(now);
    },
  };
}

/** Analyses text as paragraphs of sentences naming one person and quoting nobody; counts its calls. */
export function simpleAnalyser(): Analyser & { calls: string[] } {
  const calls: string[] = [];
  const analyse = ((raw, hash): AnalysedArticle => {
    calls.push(raw.id);
    const paragraphs = raw.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    const article = analysedArticle({ id: raw.id, paragraphs, hash, title: raw.meta.title ?? paragraphs[0], entities: [person('p1', `Writer of ${raw.id}`)] });
    return {
      ...article,
      path: raw.path,
      meta: { ...article.meta, outlet: raw.meta.outlet ?? null, url: raw.meta.url ?? null, published: raw.meta.published ?? null },
    };
  }) as Analyser & { calls: string[] };
  analyse.calls = calls;
  return analyse;
}

/** Records each relink's input; links each article entity to a story entity of its own. */
type Linker = ((articles: readonly ArticleEntities[]) => StoryEntities) & { runs: string[][] };

export function recordingLinker(): Linker {
  const runs: string[][] = [];
  const link = ((articles: readonly ArticleEntities[]) => {
    runs.push(articles.map((a) => a.id));
    // One story entity per article entity: every entity linked, nothing merged.
    const links = new StoryLinks();
    const entities = articles.flatMap((a) =>
      a.entities.map((e) => {
        const id = `${a.id}/${e.key}`;
        links.add(a.id, e.key, id);
        return { id, name: e.name, kind: e.kind, aliases: e.aliases, roles: e.roles, articles: [a.id] };
      }),
    );
    return { entities, links };
  }) as unknown as Linker;
  link.runs = runs;
  return link;
}

export function testDeps(
  store: Store = openSqliteStore(':memory:'),
  overrides: Partial<IngestDeps> = {},
): IngestDeps & { analyse: ReturnType<typeof simpleAnalyser>; linkStory: ReturnType<typeof recordingLinker> } {
  return {
    store,
    clock: steppingClock(),
    log: silentLogger,
    analyse: simpleAnalyser(),
    linkStory: recordingLinker(),
    // These tests watch the whole relink; "linking one article at a time" below and
    // test/unit/store/linking-one-article.test.ts test linking each write.
    incrementalLinking: 0,
    ...overrides,
  } as IngestDeps & { analyse: ReturnType<typeof simpleAnalyser>; linkStory: ReturnType<typeof recordingLinker> };
}
