/**
 * Numbers citations in the order an answer first uses them, citing each sentence once
 * however many parts lean on it.
 */
import type { Citation } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';

export interface Citable {
  readonly article: string;
  readonly sentence: number;
  readonly text: string;
}

/** The `--json` shape of a citation (a contract: fields may be added, never renamed). */
export type CitationJson = Omit<Citation, 'sentence'>;

export class CitationList {
  private readonly list: Citation[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(private readonly view: StoryView) {}

  /** The number of a sentence's citation, adding it when it is new. */
  async add(item: Citable): Promise<number> {
    const key = `${item.article}#${item.sentence}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const n = this.list.length + 1;
    this.byKey.set(key, n);
    this.list.push(await this.view.cite(n, item));
    return n;
  }

  /** Numbers of several sentences' citations, one per article at most, in order. */
  async addAll(items: readonly Citable[]): Promise<number[]> {
    const numbers: number[] = [];
    const articles = new Set<string>();
    for (const item of items) {
      if (articles.has(item.article)) continue;
      articles.add(item.article);
      numbers.push(await this.add(item));
    }
    return numbers;
  }

  all(): readonly Citation[] {
    return [...this.list];
  }

  json(): CitationJson[] {
    return this.list.map(({ n, article, outlet, title, published, url, text }) => ({ n, article, outlet, title, published, url, text }));
  }
}
