/**
 * Finds the speaker a user means, however they name them: the canonical name, an alias
 * ("Ms Smith"), a given name or surname ("Smith", "joan"), a role ("the
 * chairman", "the defence chief"), or a close spelling ("Smiht"). Also the speaker list
 * that chat platforms offer as completions.
 */
import { closeMatches } from '../close-matches.ts';
import { buildRoleIndex, foldForLookup, type EntityIndex, type KnownEntity } from '../retrieve/entity-index.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { QuotedSpeaker } from './quote-groups.ts';
import { storyQuotesOf } from './story-quotes.ts';
import { roleLabel } from './speaker-role.ts';

/** A quoted speaker with what the story knows of them. */
export interface Speaker extends QuotedSpeaker {
  readonly role: string | null;
  /** The story entity, when the speaker is linked to one. */
  readonly entity: KnownEntity | null;
  /** Its name and aliases folded for lookup, made once per revision. */
  readonly folded: readonly string[];
  /** For a person, the words of the name: a given name or surname finds them. */
  readonly nameWords: ReadonlySet<string>;
  /** What each role is called for short: "chairman" for "chairman of PortCo". */
  readonly roleHeads: readonly string[];
}

export type SpeakerResolution =
  | { readonly kind: 'speaker'; readonly speaker: Speaker; readonly how: 'name' | 'role' | 'spelling' }
  /** Named in the story, but never quoted. */
  | { readonly kind: 'named'; readonly entity: KnownEntity }
  | { readonly kind: 'unknown'; readonly close: readonly string[] };

/** A person's name words, or none: one empty set shared by every speaker who is not a person. */
const NO_NAME_WORDS: ReadonlySet<string> = new Set();

/**
 * A speaker of the book. A class, not an object literal with getters: a story has thousands of
 * speakers, and each literal with its own getter closures had its own hidden class (some 18 MB
 * for the book at 100,000 articles, 7 of it per-speaker shapes and closures).
 */
class BookSpeaker implements Speaker {
  readonly key: string;
  readonly name: string;
  readonly quotes: number;
  readonly mentions: number;
  readonly articles: number;
  readonly folded: readonly string[];
  readonly nameWords: ReadonlySet<string>;
  // A role is worked out when a reply shows it or a request names one: a story has thousands of speakers.
  private roleMade: string | null | undefined;
  private roleHeadsMade: readonly string[] | undefined;

  constructor(
    speaker: QuotedSpeaker,
    readonly entity: KnownEntity | null,
  ) {
    this.key = speaker.key;
    this.name = speaker.name;
    this.quotes = speaker.quotes;
    this.mentions = speaker.mentions;
    this.articles = speaker.articles;
    this.folded = [speaker.name, ...(entity?.aliases ?? [])].map(foldForLookup);
    this.nameWords = entity?.kind === 'person' ? new Set((this.folded[0] ?? '').split(' ')) : NO_NAME_WORDS;
  }

  get role(): string | null {
    if (this.roleMade === undefined) this.roleMade = this.entity ? roleLabel(this.entity) : null;
    return this.roleMade;
  }

  get roleHeads(): readonly string[] {
    this.roleHeadsMade ??= (this.entity?.roles ?? []).map((role) => foldForLookup(role).split(' of ')[0] ?? '');
    return this.roleHeadsMade;
  }
}

/** The story's quoted speakers with their roles, most quoted first (once per revision). */
export function storySpeakers(view: StoryView): Promise<readonly Speaker[]> {
  return view.memo('quote-speakers', async () => {
    const index = await storyQuotesOf(view);
    return index.speakers.map((speaker): Speaker => new BookSpeaker(speaker, index.entities.get(speaker.key) ?? null));
  });
}

/** Every name a speaker goes by, as written. */
function namesOf(speaker: Speaker): string[] {
  return [speaker.name, ...(speaker.entity?.aliases ?? [])];
}

/** The quoted speakers with lookups by name, name word and role, made once per revision. */
export interface SpeakerBook {
  /** Most quoted first. */
  readonly all: readonly Speaker[];
  readonly byKey: ReadonlyMap<string, Speaker>;
  /** A folded name or alias, or (for a person) a word of the name: the most quoted it names. */
  readonly byName: ReadonlyMap<string, Speaker>;
  readonly byNameWord: ReadonlyMap<string, readonly Speaker[]>;
  readonly byRoleHead: ReadonlyMap<string, Speaker>;
  /**
   * The speakers' entities only: reading a role runs over them, not over everyone named. Their
   * roles alone: a lookup of all their names and aliases (7 MB at 100,000 articles) is not made.
   */
  readonly roles: Pick<EntityIndex, 'byRole'>;
}

function first<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

/** The book of the story's speakers (once per revision). */
export function speakerBook(view: StoryView): Promise<SpeakerBook> {
  return view.memo('quote-speaker-book', async () => {
    const all = await storySpeakers(view);
    const byName = new Map<string, Speaker>();
    const byNameWord = new Map<string, Speaker[]>();
    for (const speaker of all) {
      for (const name of speaker.folded) first(byName, name, speaker);
      for (const word of speaker.nameWords) {
        const list = byNameWord.get(word);
        if (list) list.push(speaker);
        else byNameWord.set(word, [speaker]);
      }
    }
    // The lookups by role are made the first time a request is read as a role, not for every request.
    let byRoleHead: Map<string, Speaker> | undefined;
    let roles: Pick<EntityIndex, 'byRole'> | undefined;
    return {
      all,
      byKey: new Map(all.map((s) => [s.key, s])),
      byName,
      byNameWord,
      get byRoleHead() {
        if (!byRoleHead) {
          byRoleHead = new Map();
          for (const speaker of all) for (const head of speaker.roleHeads) first(byRoleHead, head, speaker);
        }
        return byRoleHead;
      },
      get roles() {
        roles ??= buildRoleIndex(all.map((speaker) => speaker.entity).filter((entity): entity is KnownEntity => entity !== null));
        return roles;
      },
    };
  });
}

/**
 * Resolves what the user typed to a quoted speaker. With `spelling`, a close spelling that
 * points to one speaker only counts too, and an unknown name comes back with the close ones.
 *
 * @example resolveSpeaker('the chairman', book, index) → { kind: 'speaker', speaker: Chen Wei, how: 'role' }
 * @example resolveSpeaker('Smiht', book, index, { spelling: true }) → Joan Smith, how 'spelling'
 */
export function resolveSpeaker(
  text: string,
  book: SpeakerBook,
  index: Pick<EntityIndex, 'byName'>,
  options: { readonly spelling?: boolean } = {},
): SpeakerResolution {
  const key = foldForLookup(text);
  if (key === '') return { kind: 'unknown', close: [] };
  const mostQuoted = (candidates: readonly (Speaker | undefined)[]): Speaker | undefined =>
    candidates.filter((s): s is Speaker => s !== undefined).sort((a, b) => book.all.indexOf(a) - book.all.indexOf(b))[0];

  const named = index.byName(key);
  const byName = mostQuoted([book.byName.get(key), ...named.map((entity) => book.byKey.get(entity.id))]);
  if (byName) return { kind: 'speaker', speaker: byName, how: 'name' };

  // A given name or surname of a person: "smith", "joan", "joan smith".
  const words = key.split(' ');
  const byWords = (book.byNameWord.get(words[0] ?? '') ?? []).find((s) => words.every((word) => s.nameWords.has(word)));
  if (byWords) return { kind: 'speaker', speaker: byWords, how: 'name' };

  // "the chairman" is also the "chairman of PortCo": a role's head is what it is called for short.
  const byRole = mostQuoted([book.byRoleHead.get(key), ...book.roles.byRole(words).map((entity) => book.byKey.get(entity.id))]);
  if (byRole) return { kind: 'speaker', speaker: byRole, how: 'role' };

  const entity = named[0];
  if (entity) return { kind: 'named', entity };
  if (!options.spelling) return { kind: 'unknown', close: [] };

  const close = closeSpeakers(text, book.all);
  if (close.length > 0 && new Set(close.map((s) => s.key)).size === 1 && text.trim().length >= 4) {
    return { kind: 'speaker', speaker: close[0] as Speaker, how: 'spelling' };
  }
  return { kind: 'unknown', close: [...new Set(close.map((s) => s.name))] };
}

/** Speakers one of whose names is close to the text, closest first. */
function closeSpeakers(text: string, speakers: readonly Speaker[]): Speaker[] {
  const owner = new Map<string, Speaker>();
  for (const speaker of [...speakers].reverse()) for (const name of namesOf(speaker)) owner.set(name, speaker);
  return closeMatches(text, [...owner.keys()], 8)
    .map((name) => owner.get(name) as Speaker)
    .filter((speaker, i, all) => all.indexOf(speaker) === i);
}

export interface SpeakerChoice {
  readonly name: string;
  /** How many distinct quotations the story has of them. */
  readonly quotes: number;
}

/** Discord shows at most 25 completions. */
export const MAX_CHOICES = 25;

/**
 * Completions for a speaker option: the quoted speakers whose name or alias starts with what
 * the user typed (any word of it, case and accents aside), most quoted first, at most 25.
 *
 * @example await speakerChoices(view, 'smi') → [{ name: 'Joan Smith', quotes: 3 }]
 */
export async function speakerChoices(view: StoryView, typed: string, max = MAX_CHOICES): Promise<SpeakerChoice[]> {
  const prefix = foldForLookup(typed);
  const speakers = await storySpeakers(view);
  const starts = (folded: string) => folded.startsWith(prefix) || folded.includes(` ${prefix}`);
  const wanted = Math.max(0, Math.min(max, MAX_CHOICES));
  const choices: SpeakerChoice[] = [];
  for (const speaker of speakers) {
    if (choices.length >= wanted) break;
    if (prefix === '' || speaker.folded.some(starts)) choices.push({ name: speaker.name, quotes: speaker.quotes });
  }
  return choices;
}
