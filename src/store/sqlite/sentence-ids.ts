/**
 * Where an article's sentences are. They are written together, in order, in one transaction,
 * so their ids run on from its first sentence's for `articles.sentence_count` ids: the partial
 * index `sentences_first` (migration 16) finds that first one, and an article's sentences are a
 * range of the table's own key. An index of every sentence by article was 38 MB at 100,000
 * articles; this one is a row per article.
 */

/**
 * SQL for "the ids of the article named by the parameter `param`", to follow `id`:
 * `WHERE id ${sentenceIdsOf('@article')}`. Callers also test `article = @article`, which
 * costs nothing on the range and keeps another article's rows out whatever happens.
 */
export function sentenceIdsOf(param: string): string {
  return `BETWEEN (SELECT id FROM sentences WHERE article = ${param} AND idx = 0)
    AND (SELECT f.id + a.sentence_count - 1 FROM sentences f JOIN articles a ON a.id = f.article WHERE f.article = ${param} AND f.idx = 0)`;
}
