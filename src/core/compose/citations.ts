/**
 * Numbers a reply's sources: each article once, in the order the reply first uses it. Several
 * sentences of one article share its number; the citation keeps each of them (`texts`).
 */
import type { Citation } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';

export interface Citable {
  readonly article: string;
  readonly sentence: number;
  readonly text: string;
}

/** The `--json` shape of a citation (a contract: fields may be added, never renamed). */
export type CitationJson = Omit<Citation, 'sentence' | 'texts'> & { readonly texts: readonly string[] };

/**
 * A citation as `--json` gives it: `texts` holds every cited sentence of the article.
 * @example citationJson({ n: 1, article: 'a', …, text: 'One.', sentence: 3 }) // { n: 1, article: 'a', …, text: 'One.', texts: ['One.'] }
 */
export function citationJson({ n, article, outlet, title, published, url, text, texts }: Citation): CitationJson {
  return { n, article, outlet, title, published, url, text, texts: texts ?? [text] };
}

export class CitationList {
  private readonly list: Citation[] = [];
  private readonly byArticle = new Map<string, number>();

  /** `cited`: citations a reply already has, numbered from 1, that later ones join. */
  constructor(
    private readonly view: Pick<StoryView, 'cite'>,
    cited: readonly Citation[] = [],
  ) {
    for (const citation of cited) {
      this.list.push({ ...citation, n: this.list.length + 1 });
      this.byArticle.set(citation.article, this.list.length);
    }
  }

  /** The number of a sentence's article, adding the article when it is new and the sentence when it is. */
  async add(item: Citable): Promise<number> {
    const known = this.byArticle.get(item.article);
    if (known !== undefined) {
      const citation = this.list[known - 1]!;
      const texts = citation.texts ?? [citation.text];
      if (!texts.includes(item.text)) this.list[known - 1] = { ...citation, texts: [...texts, item.text] };
      return known;
    }
    const n = this.list.length + 1;
    this.byArticle.set(item.article, n);
    const citation = await this.view.cite(n, item);
    this.list.push({ ...citation, texts: [citation.text] });
    return n;
  }

  /** Numbers of several sentences' articles, each once, in order. */
  async addAll(items: readonly Citable[]): Promise<number[]> {
    const numbers: number[] = [];
    for (const item of items) {
      const n = await this.add(item);
      if (!numbers.includes(n)) numbers.push(n);
    }
    return numbers;
  }

  all(): readonly Citation[] {
    return [...this.list];
  }

  json(): CitationJson[] {
    return this.list.map(citationJson);
  }
}
