import type { EntityTable, SentenceContext } from './entities.ts';
import { PRONOUN_GENDER, type Ref } from './references.ts';
import type { Token } from './tokens.ts';

// How far back a pronoun may look for the one it stands for.
const SENTENCES_BACK = 6;

/**
 * Resolves "he", "she", "they" and "it" to the nearest compatible entity before them:
 * a person of matching gender (or unknown gender), preferring the subject of an earlier
 * sentence; a group or organisation for "they"; an organisation for "it". Words inside
 * quotations are not candidates: a speaker does not refer to himself by name.
 * Example: "Jane Doe arrived. 'Hello,' she said." → she = Jane Doe.
 */
export class PronounResolver {
  private readonly memo = new Map<Ref, string | null>();

  constructor(
    private readonly contexts: readonly SentenceContext[],
    private readonly table: Pick<EntityTable, 'genderOf' | 'kindOf'>,
    private readonly quoted: (token: Token) => boolean,
  ) {}

  resolve(ref: Ref): string | null {
    if (ref.type !== 'pronoun') return ref.entity;
    if (this.memo.has(ref)) return this.memo.get(ref) ?? null;
    this.memo.set(ref, null);
    const found = this.search(ref);
    this.memo.set(ref, found);
    return found;
  }

  private fits(pronoun: Ref, key: string | null): boolean {
    if (!key) return false;
    const kind = this.table.kindOf(key);
    if (pronoun.pronoun === 'it') return kind === 'organisation';
    if (pronoun.pronoun === 'they') return kind === 'group' || kind === 'organisation';
    if (kind !== 'person') return false;
    const gender = this.table.genderOf(key);
    const wanted = PRONOUN_GENDER.get(pronoun.pronoun ?? '') ?? 'unknown';
    return gender === 'unknown' || gender === wanted;
  }

  private candidate(pronoun: Ref, ref: Ref, context: SentenceContext): string | null {
    const first = context.tokens[ref.tokStart];
    if (first && this.quoted(first)) return null;
    if (ref.type === 'pronoun') return ref.pronoun === pronoun.pronoun ? this.resolve(ref) : null;
    return this.fits(pronoun, ref.entity) ? ref.entity : null;
  }

  private search(pronoun: Ref): string | null {
    const here = this.contexts[pronoun.sentence];
    if (here) {
      // "Commenting on Mr Doe's case, he said": a name after a preposition is not who "he" is.
      const before = here.refs.filter((r) => r.tokEnd <= pronoun.tokStart && !r.afterPreposition);
      for (let n = before.length - 1; n >= 0; n--) {
        const found = this.candidate(pronoun, before[n] as Ref, here);
        if (found) return found;
      }
    }
    for (let s = pronoun.sentence - 1; s >= 0 && s >= pronoun.sentence - SENTENCES_BACK; s--) {
      const context = this.contexts[s];
      if (!context || context.sentence.kind === 'heading') continue;
      // The subject first (a reference not governed by a preposition), then any other.
      const ordered = [...context.refs.filter((r) => !r.afterPreposition), ...context.refs.filter((r) => r.afterPreposition).reverse()];
      for (const ref of ordered) {
        const found = this.candidate(pronoun, ref, context);
        if (found) return found;
      }
    }
    return null;
  }
}
