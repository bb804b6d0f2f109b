/**
 * The key under which a name is looked up: case, accents, dots, curly apostrophes, runs of
 * white space and a leading "the" do not matter, so a user finds a speaker however they type
 * it ("US officials" finds "U.S. officials").
 *
 * @example nameKey('  The Defence  Secretary') === 'defence secretary'
 * @example nameKey('Zoë O’Brien') === "zoe o'brien"
 * @example nameKey('U.S. officials') === 'us officials'
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}
