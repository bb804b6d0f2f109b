/** Grammatical gender a text gives a person; `unknown` matches any pronoun. */
export type Gender = 'male' | 'female' | 'unknown';

/**
 * Honorifics and titles that stand before a person's name, lower-cased, without a dot,
 * with the gender they imply.
 */
export const HONORIFICS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['mr', 'male'], ['mister', 'male'], ['sir', 'male'], ['lord', 'male'], ['monsieur', 'male'], ['herr', 'male'],
  ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['dame', 'female'], ['lady', 'female'],
  ['madame', 'female'], ['baroness', 'female'], ['mme', 'female'],
  ['dr', 'unknown'], ['prof', 'unknown'], ['professor', 'unknown'], ['rev', 'unknown'], ['reverend', 'unknown'],
  ['gen', 'unknown'], ['general', 'unknown'], ['lt', 'unknown'], ['col', 'unknown'], ['colonel', 'unknown'],
  ['capt', 'unknown'], ['captain', 'unknown'], ['sgt', 'unknown'], ['sergeant', 'unknown'], ['maj', 'unknown'],
  ['cpl', 'unknown'], ['adm', 'unknown'], ['admiral', 'unknown'], ['sen', 'unknown'], ['senator', 'unknown'],
  ['rep', 'unknown'], ['gov', 'unknown'], ['governor', 'unknown'], ['insp', 'unknown'], ['det', 'unknown'],
  ['supt', 'unknown'], ['cllr', 'unknown'], ['judge', 'unknown'], ['justice', 'unknown'], ['president', 'unknown'],
  ['pope', 'male'], ['king', 'male'], ['queen', 'female'], ['prince', 'male'], ['princess', 'female'],
  ['father', 'male'], ['sister', 'female'], ['brother', 'male'], ['rabbi', 'unknown'], ['imam', 'unknown'],
  ['chancellor', 'unknown'],
]);

/** Honorifics that are only ever titles of address (a bare "General" or "Judge" may be a word). */
export const STRICT_HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'mme', 'rev', 'sgt', 'cpl', 'lt', 'col', 'capt', 'cllr',
]);
