import type { Entity, EntityKind, Mention } from '../article.ts';
import type { Gender } from './lexicon/honorifics.ts';

/** An entity while an article's names are still being gathered. */
export interface Draft {
  readonly key: string;
  name: string;
  kind: EntityKind;
  gender: Gender;
  named: boolean;
  readonly aliases: Set<string>;
  readonly roles: Set<string>;
  count: number;
  firstSeen: number;
}

/** The entities of one article, filed by kind and name so that later mentions find them. */
export class DraftTable {
  private readonly drafts: Draft[] = [];
  private readonly byId = new Map<string, Draft>();
  private readonly keyed = new Map<string, Draft>();
  readonly mentions: Mention[] = [];

  /** The draft filed under `id` ("person:joan smith"), made on first use. */
  upsert(id: string, init: { name: string; kind: EntityKind; gender?: Gender; named?: boolean }, position: number): Draft {
    let draft = this.byId.get(id);
    if (!draft) {
      draft = {
        key: `e${this.drafts.length}`,
        name: init.name,
        kind: init.kind,
        gender: init.gender ?? 'unknown',
        named: init.named ?? true,
        aliases: new Set(),
        roles: new Set(),
        count: 0,
        firstSeen: position,
      };
      this.drafts.push(draft);
      this.byId.set(id, draft);
      this.keyed.set(draft.key, draft);
    } else if (draft.gender === 'unknown' && init.gender && init.gender !== 'unknown') {
      draft.gender = init.gender;
    }
    return draft;
  }

  find(id: string): Draft | undefined {
    return this.byId.get(id);
  }

  byKey(key: string): Draft | undefined {
    return this.keyed.get(key);
  }

  all(): readonly Draft[] {
    return this.drafts;
  }

  /** Records that `draft` is mentioned by `text` at this span. */
  mention(draft: Draft, sentence: number, start: number, end: number, text: string): void {
    draft.count++;
    if (text !== draft.name) draft.aliases.add(text);
    this.mentions.push({ entity: draft.key, sentence, start, end, text });
  }

  /** The finished entities, in order of first appearance. */
  entities(): Entity[] {
    return this.drafts
      .filter((draft) => draft.count > 0)
      .map((draft) => ({
        key: draft.key,
        name: draft.name,
        kind: draft.kind,
        aliases: [...draft.aliases].filter((alias) => alias.toLowerCase() !== draft.name.toLowerCase()),
        roles: [...draft.roles],
        named: draft.named,
      }));
  }
}
