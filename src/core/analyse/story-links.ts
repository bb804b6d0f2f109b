/**
 * Which story entity each article's entity is: a read-only map keyed
 * `${articleId}\u0000${entityKey}`, stored per article underneath. Building one flat map of
 * 200k concatenated keys was the slowest step of linking; this builds arrays and makes the
 * keys only when asked.
 */
export class StoryLinks implements ReadonlyMap<string, string> {
  private readonly byArticle = new Map<string, { keys: string[]; ids: string[]; index?: Map<string, string> }>();
  private count = 0;

  /** Records that `entityKey` of `articleId` is the story entity `id`. */
  add(articleId: string, entityKey: string, id: string): void {
    let links = this.byArticle.get(articleId);
    if (!links) {
      links = { keys: [], ids: [] };
      this.byArticle.set(articleId, links);
    }
    links.keys.push(entityKey);
    links.ids.push(id);
    links.index = undefined;
    this.count++;
  }

  /** The story entity of one article's entity, without building a key. */
  of(articleId: string, entityKey: string): string | undefined {
    const links = this.byArticle.get(articleId);
    if (!links) return undefined;
    links.index ??= new Map(links.keys.map((key, n) => [key, links.ids[n] ?? '']));
    return links.index.get(entityKey);
  }

  /** The articles that have links, in the order they were first added. */
  articles(): IterableIterator<string> {
    return this.byArticle.keys();
  }

  /** One article's links as parallel lists (entity keys, story entity ids), without building an index. */
  linksOf(articleId: string): { readonly keys: readonly string[]; readonly ids: readonly string[] } | undefined {
    return this.byArticle.get(articleId);
  }

  get size(): number {
    return this.count;
  }

  get(key: string): string | undefined {
    const cut = key.indexOf('\u0000');
    return cut < 0 ? undefined : this.of(key.slice(0, cut), key.slice(cut + 1));
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  *entries(): MapIterator<[string, string]> {
    for (const [article, links] of this.byArticle) {
      for (let n = 0; n < links.keys.length; n++) yield [`${article}\u0000${links.keys[n]}`, links.ids[n] ?? ''];
    }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<string> {
    for (const links of this.byArticle.values()) yield* links.ids;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
