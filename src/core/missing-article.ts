/**
 * The message for an article id the store does not serve: it may be a duplicate of another
 * id, removed, or a typo with close matches. Shared by every command that takes an id.
 */
import { UserError } from './errors.ts';
import { closeMatches } from './close-matches.ts';
import type { Store } from './ports/store.ts';

/**
 * A `UserError` saying why `id` is not served and what to ask for instead.
 *
 * @example await missingArticle(store, 'politics/01')
 *   → UserError('unknown-article', 'No article "politics/01". Close matches: politics/010, politics/001.')
 */
export async function missingArticle(store: Store, id: string): Promise<UserError> {
  const known = (await store.fingerprintsOf({ ids: [id] })).get(id);
  if (known?.status === 'duplicate' && known.duplicateOf) {
    return new UserError('duplicate-article', `Article "${id}" is an exact duplicate of "${known.duplicateOf}", which is indexed instead.`);
  }
  if (known?.status === 'removed') {
    return new UserError('removed-article', `Article "${id}" was removed: its file is gone or no longer readable.`);
  }
  const ids = (await store.listArticles()).map((a) => a.id);
  const near = closeMatches(id, ids);
  const hint = near.length > 0 ? ` Close matches: ${near.join(', ')}.` : ' The sources command lists every article.';
  return new UserError('unknown-article', `No article "${id}".${hint}`);
}
