/**
 * Turns plain user terms into an FTS5 MATCH expression without ever passing user text as
 * query syntax: every term becomes an FTS5 string (double quotes doubled inside), so `AND`,
 * `NEAR(`, `col:`, `*` and stray quotes are only ever words to look for.
 */

/**
 * The MATCH expression for `terms`, or null when no term has a letter or digit to look for.
 *
 * @example ftsMatchExpression(['Acme', '4G "core"'], 'any') === '"Acme" OR "4G ""core"""'
 * @example ftsMatchExpression(['   ', '--'], 'all') === null
 */
export function ftsMatchExpression(terms: readonly string[], match: 'any' | 'all'): string | null {
  const quoted = ftsPhraseTexts(terms).map((term) => `"${term.replace(/"/g, '""')}"`);
  if (quoted.length === 0) return null;
  return quoted.join(match === 'all' ? ' AND ' : ' OR ');
}

/**
 * The terms `ftsMatchExpression` searches for, in its order, spaces collapsed: one per phrase
 * of the expression.
 *
 * @example ftsPhraseTexts([' Acme  Ltd ', '--']) → ['Acme Ltd']
 */
export function ftsPhraseTexts(terms: readonly string[]): string[] {
  return terms.map((term) => term.replace(/\s+/g, ' ').trim()).filter((term) => /[\p{L}\p{N}]/u.test(term));
}
