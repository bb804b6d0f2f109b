/**
 * Reading a question with the story entities it may name, read by key, not with an index of
 * the story's every entity (some 100,000 of them at 100,000 articles: seconds to read and
 * build, hundreds of megabytes to keep). Reading a question is synchronous over an
 * `EntityIndex`; here it runs over an index of what has been read so far, which notes each name
 * or role it was asked for and did not hold. Those are read from the store in one query and
 * the question is read again, until nothing is missing: each lookup then answers exactly as
 * the index of the whole story would (same entities, same order), so the plan is the same.
 */
import type { Store } from '../ports/store.ts';
import { BoundedCache } from './bounded-cache.ts';
import {
  askedRole,
  buildEntityIndex,
  buildRoleIndex,
  byProminence,
  type EntityIndex,
  type KnownEntity,
  type QuestionIndex,
  MAIN_ORGANISATION_SHARE,
  nameKeysFor,
  pickMainOrganisations,
  roleStems,
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
  private main: Promise<readonly KnownEntity[]> | undefined;

  constructor(private readonly store: Store) {}

  /** Drops everything read: the story changed. */
  clear(): void {
    this.names.clear();
    this.roles.clear();
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
    return new LookupSession(this.store, this.names, this.roles, await this.mainOrganisations());
  }
}

/** One question's lookups: what it read stays in hand for the question, whatever the caches drop. */
class LookupSession implements QuestionEntities {
  private readonly heldNames = new Map<string, readonly KnownEntity[]>();
  private readonly heldRoles = new Map<string, RoleHolders>();
  private readonly missingNames = new Set<string>();
  private readonly missingRoles = new Set<string>();
  readonly index: QuestionIndex;

  constructor(
    private readonly store: Store,
    private readonly names: BoundedCache<string, readonly KnownEntity[]>,
    private readonly roles: BoundedCache<string, RoleHolders>,
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
      this.missingRoles.add(key);
      return [];
    }
    this.heldRoles.set(key, holders);
    return holders.index.byRole(words);
  }

  async readMissing(): Promise<boolean> {
    if (this.missingNames.size === 0 && this.missingRoles.size === 0) return false;
    const folded = [...this.missingNames];
    const stems = [...this.missingRoles];
    this.missingNames.clear();
    this.missingRoles.clear();
    const [named, holding] = await Promise.all([
      folded.length > 0 ? this.store.storyEntitiesByKey({ names: [...new Set(folded.flatMap(nameKeysFor))] }) : [],
      stems.length > 0 ? this.store.storyEntitiesByKey({ roleStems: stems }) : [],
    ]);
    // The name keys find a few more than the fold asks for ("Smith's" under "smith's"): the index sorts them out.
    const batch = buildEntityIndex(named);
    for (const name of folded) {
      const found = batch.byName(name);
      this.heldNames.set(name, found);
      this.names.set(name, found);
    }
    const people = holding.filter((entity) => entity.kind === 'person').map((entity) => ({ entity, stems: new Set(entity.roles.flatMap(roleStems)) }));
    for (const stem of stems) {
      const holders = people.filter((person) => person.stems.has(stem)).map((person) => person.entity);
      const entry = { index: buildRoleIndex(holders), count: holders.length };
      this.heldRoles.set(stem, entry);
      this.roles.set(stem, entry);
    }
    return true;
  }
}

/** The people holding a role with one word's stem, as a role index, and how many (the cache's weight). */
interface RoleHolders {
  readonly index: Pick<EntityIndex, 'byRole'>;
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
