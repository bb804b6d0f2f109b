/**
 * What Discord offers while someone types into an option declared with `autocomplete`: the
 * story's speakers (entities with at least one quotation, most quoted first) or the article
 * ids, matched on what was typed. Lists are read from the store once per store revision.
 */
import type { OptionSpec } from '../../core/command.ts';
import type { Store } from '../../core/ports/store.ts';
import { clipText } from '../../core/graphemes.ts';

/** Discord's limits: at most 25 choices, names and values of 1–100 characters. */
export const CHOICE_LIMITS = { count: 25, text: 100 } as const;

export type CompletionKind = NonNullable<OptionSpec['autocomplete']>;

/** A value that could be offered: what is filled in, what is shown, and other words that match it. */
export interface Candidate {
  readonly value: string;
  readonly label: string;
  /** Aliases, the title of an article: typing the start of any of their words finds the value. */
  readonly also: readonly string[];
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/**
 * At most 25 choices for `typed`: values whose text starts with it first, then those with a
 * word (or an alias's or title's word) starting with it, each group in the candidates' order.
 * Nothing typed offers the first 25. Values too long for Discord are left out.
 *
 * @example rankChoices([{ value: 'Joan Smith', label: 'Joan Smith', also: ['Ms Smith'] }], 'smi')
 *   → [{ name: 'Joan Smith', value: 'Joan Smith' }]
 */
export function rankChoices(candidates: readonly Candidate[], typed: string): Choice[] {
  const wanted = typed.trim().toLowerCase();
  const usable = candidates.filter((c) => c.value !== '' && [...c.value].length <= CHOICE_LIMITS.text);
  const starts = (text: string) => text.toLowerCase().startsWith(wanted);
  const wordStarts = (text: string) =>
    text
      .toLowerCase()
      .split(/[\s/_.,:;()'"-]+/)
      .some((word) => word.startsWith(wanted));
  const first = usable.filter((c) => starts(c.value) || starts(c.label));
  const firstValues = new Set(first.map((c) => c.value));
  const second = usable.filter((c) => !firstValues.has(c.value) && [c.value, c.label, ...c.also].some(wordStarts));
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const candidate of [...first, ...second]) {
    if (seen.has(candidate.value)) continue;
    seen.add(candidate.value);
    choices.push({ name: choiceName(candidate.label || candidate.value), value: candidate.value });
    if (choices.length === CHOICE_LIMITS.count) break;
  }
  return choices;
}

/** The candidates of a kind, read from the store. */
export type CandidateSource = (kind: CompletionKind) => Promise<readonly Candidate[]>;

/** Speakers and articles from `store`, re-read only when its revision changes. */
export function storeCandidates(store: Store): CandidateSource {
  let revision: string | undefined;
  let cache = new Map<CompletionKind, Promise<readonly Candidate[]>>();
  return async (kind) => {
    const now = await store.revision();
    if (now !== revision) {
      revision = now;
      cache = new Map();
    }
    let candidates = cache.get(kind);
    if (!candidates) {
      candidates = kind === 'speaker' ? speakers(store) : articles(store);
      cache.set(kind, candidates);
      // A failed read is not kept: the next keystroke tries again.
      candidates.catch(() => cache.delete(kind));
    }
    return candidates;
  };
}

async function speakers(store: Store): Promise<readonly Candidate[]> {
  const entities = await store.storyEntities();
  return entities
    .filter((entity) => entity.quoteCount > 0)
    .map((entity) => ({
      value: entity.name,
      label: entity.roles[0] ? `${entity.name} (${entity.roles[0]})` : entity.name,
      also: [...entity.aliases, ...entity.roles],
    }));
}

async function articles(store: Store): Promise<readonly Candidate[]> {
  const list = await store.listArticles();
  return list.map((article) => ({
    value: article.id,
    label: article.meta.title ? `${article.id} · ${article.meta.title}` : article.id,
    also: [article.meta.title ?? '', article.meta.outlet ?? ''],
  }));
}

/** One line of at most 100 characters. */
function choiceName(text: string): string {
  return clipText(text.replace(/\s+/g, ' ').trim(), CHOICE_LIMITS.text);
}
