/**
 * Reading a question with the story entities it may name, read by key, not with an index of
 * the story's every entity (some 100,000 of them at 100,000 articles: seconds to read and
 * build, hundreds of megabytes to keep). Reading a question is synchronous over an
 * `EntityIndex`; here it runs over an index of what has been read so far, which notes each name
 * or role it was asked for and did not hold. Those are read from the store in one query and
 * the question is read again, until nothing is missing: each lookup then answers exactly as
 * the index of the whole story would (same entities, same order), so the plan is the same.
 */
import type { RoleHolderRecord, Store } from '../ports/store.ts';
import { BoundedCache } from './bounded-cache.ts';
import {
  askedRole,
  buildEntityIndex,
  buildRoleIndexFor,
  byProminence,
  type KnownEntity,
  type QuestionIndex,
  MAIN_ORGANISATION_SHARE,
  nameKeysFor,
  pickMainOrganisations,
} from './entity-index.ts';
import { parseQuestion, type QueryPlan } from './query.ts';

/** A question's lookups: an index over the entities read so far, and a way to read what it lacked. */
export interface QuestionEntities {
  readonly index: QuestionIndex;
  /** Reads every name and role asked of `index` and not held, in one query; false when there was none. */
  readMissing(): Promise<boolean>;
}

/** Names are looked up as runs of at most this many words, as the whole index caps its longest alias. */
const LONGEST_NAME = 6;
/** Entities kept between questions, under names and under role words each (the least recently used dropped first). */
const CACHED_ENTITIES = 20_000;
/** Each round reads what the last one found missing; a question needs two or three. */
const MAX_ROUNDS = 8;

/** Entities read by key, kept between questions until the story changes. */
export class EntityLookups {
  private readonly names = new BoundedCache<string, readonly KnownEntity[]>(CACHED_ENTITIES, (list) => list.length);
  private readonly roles = new BoundedCache<string, RoleHolders>(CACHED_ENTITIES, (holders) => holders.count);
  /** Role holders read whole, by id: only those a role lookup found. */
  private readonly holders = new BoundedCache<string, KnownEntity>(CACHED_ENTITIES, () => 1);
  private main: Promise<readonly KnownEntity[]> | undefined;

  constructor(private readonly store: Store) {}

  /** Drops everything read: the story changed. */
  clear(): void {
    this.names.clear();
    this.roles.clear();
    this.holders.clear();
    this.main = undefined;
  }

  /**
   * The organisations the story is most about ("the company"), as `EntityIndex.mainOrganisations`:
   * read as those named in enough articles, and the highest prominence among all.
   */
  mainOrganisations(): Promise<readonly KnownEntity[]> {
    this.main ??= (async () => {
      const articles = await this.store.countArticles();
      const { top, entities } = await this.store.prominentEntities('organisation', articles * MAIN_ORGANISATION_SHARE);
      return pickMainOrganisations(byProminence(entities), top, articles);
    })();
    this.main.catch(() => {
      this.main = undefined;
    });
    return this.main;
  }

  /** A question's reading: an index over what is read, and a way to read what it lacked. */
  async session(): Promise<QuestionEntities> {
    return new LookupSession(this.store, this.names, this.roles, this.holders, await this.mainOrganisations());
  }
}

/** One question's lookups: what it read stays in hand for the question, whatever the caches drop. */
class LookupSession implements QuestionEntities {
  private readonly heldNames = new Map<string, readonly KnownEntity[]>();
  private readonly heldRoles = new Map<string, RoleHolders>();
  private readonly heldHolders = new Map<string, KnownEntity>();
  private readonly missingNames = new Set<string>();
  /** Role stems not held, with the words asked under each (their holders are read whole with the stem). */
  private readonly missingRoles = new Map<string, (readonly string[])[]>();
  private readonly missingHolders = new Set<string>();
  /** Holders found by role and gone when read whole (the story changed meanwhile): left out, not asked for again. */
  private readonly goneHolders = new Set<string>();
  readonly index: QuestionIndex;

  constructor(
    private readonly store: Store,
    private readonly names: BoundedCache<string, readonly KnownEntity[]>,
    private readonly roles: BoundedCache<string, RoleHolders>,
    private readonly holders: BoundedCache<string, KnownEntity>,
    mainOrganisations: readonly KnownEntity[],
  ) {
    this.index = {
      byName: (folded) => this.named(folded),
      byRole: (words) => this.holding(words),
      longestAlias: LONGEST_NAME,
      mainOrganisations,
    };
  }

  private named(folded: string): readonly KnownEntity[] {
    const found = this.heldNames.get(folded) ?? this.names.get(folded);
    if (found === undefined) {
      this.missingNames.add(folded);
      return [];
    }
    this.heldNames.set(folded, found);
    return found;
  }

  private holding(words: readonly string[]): readonly KnownEntity[] {
    const key = askedRole(words)?.stems[0];
    if (key === undefined) return [];
    const holders = this.heldRoles.get(key) ?? this.roles.get(key);
    if (holders === undefined) {
      const asked = this.missingRoles.get(key);
      if (asked) asked.push(words);
      else this.missingRoles.set(key, [words]);
      return [];
    }
    this.heldRoles.set(key, holders);
    const found: KnownEntity[] = [];
    let missing = false;
    for (const { id } of holders.index.byRole(words)) {
      if (this.goneHolders.has(id)) continue;
      const entity = this.holder(id);
      if (entity) found.push(entity);
      else {
        this.missingHolders.add(id);
        missing = true;
      }
    }
    return missing ? [] : found;
  }

  /** A role holder read whole, if it has been. */
  private holder(id: string): KnownEntity | undefined {
    const entity = this.heldHolders.get(id) ?? this.holders.get(id);
    if (entity) this.heldHolders.set(id, entity);
    return entity;
  }

  async readMissing(): Promise<boolean> {
    if (this.missingNames.size === 0 && this.missingRoles.size === 0 && this.missingHolders.size === 0) return false;
    const folded = [...this.missingNames];
    const asked = [...this.missingRoles];
    this.missingNames.clear();
    this.missingRoles.clear();
    const [named, holding] = await Promise.all([
      folded.length > 0 ? this.store.storyEntitiesByKey({ names: [...new Set(folded.flatMap(nameKeysFor))] }) : [],
      asked.length > 0 ? this.store.roleHolders(asked.map(([stem]) => stem)) : [],
    ]);
    // The name keys find a few more than the fold asks for ("Smith's" under "smith's"): the index sorts them out.
    const batch = buildEntityIndex(named);
    for (const name of folded) {
      const found = batch.byName(name);
      this.heldNames.set(name, found);
      this.names.set(name, found);
    }
    const byStem = new Map<string, RoleHolderRecord[]>();
    for (const holder of holding) {
      const list = byStem.get(holder.stem);
      if (list) list.push(holder);
      else byStem.set(holder.stem, [holder]);
    }
    for (const [stem, questions] of asked) {
      const holders = byStem.get(stem) ?? [];
      const entry = { index: buildRoleIndexFor(stem, holders), count: holders.length };
      this.heldRoles.set(stem, entry);
      this.roles.set(stem, entry);
      // Only the holders the words asked find are read whole: not the stem's every holder.
      for (const words of questions) for (const { id } of entry.index.byRole(words)) if (!this.holder(id)) this.missingHolders.add(id);
    }
    if (this.missingHolders.size > 0) {
      const ids = [...this.missingHolders];
      this.missingHolders.clear();
      const read = new Map((await this.store.storyEntitiesByKey({ ids })).map((entity) => [entity.id, entity]));
      for (const id of ids) {
        const entity = read.get(id);
        if (!entity) {
          this.goneHolders.add(id);
          continue;
        }
        this.heldHolders.set(id, entity);
        this.holders.set(id, entity);
      }
    }
    return true;
  }
}

/** The people holding a role with one word's stem, as a role index over their roles, and how many (the cache's weight). */
interface RoleHolders {
  readonly index: { byRole(words: readonly string[]): readonly RoleHolderRecord[] };
  readonly count: number;
}

/**
 * Runs a synchronous reading over the story's entities (`compute` must have no side effects: it
 * may run two or three times) with only the entities it names read: each round reads what the
 * last one asked for and lacked, until nothing is missing. The value is the one `compute` gives
 * over the index of the whole story.
 */
export async function withQuestionEntities<T>(view: { questionEntities(): Promise<QuestionEntities> }, compute: (index: QuestionIndex) => T): Promise<T> {
  const session = await view.questionEntities();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const value = compute(session.index);
    if (!(await session.readMissing())) return value;
  }
  return compute(session.index);
}

/**
 * Reads a question as `parseQuestion` does over the index of the whole story, reading only the
 * entities its words may name.
 * @example await readQuestion('What did the defence secretary say?', view) → the plan, its speaker the holder of that role
 */
export function readQuestion(question: string, view: { questionEntities(): Promise<QuestionEntities> }): Promise<QueryPlan> {
  return withQuestionEntities(view, (index) => parseQuestion(question, index));
}
