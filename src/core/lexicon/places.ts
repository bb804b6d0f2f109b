/**
 * Countries and blocs as news copy names them: the short form, abbreviations, the
 * demonym, and the capital used as metonym for the government ("Washington warned…",
 * "Beijing denies…"). General knowledge, the same for every story.
 *
 * The first name of each entry is canonical. Matching is case-sensitive for the
 * abbreviations (so "US" is the country and "us" is a pronoun) and case-insensitive for
 * the rest.
 */
export interface PlaceNames {
  readonly canonical: string;
  /** Every way of naming the country itself: "United States", "US", "U.S.", "America". */
  readonly names: readonly string[];
  /** "American", "British". */
  readonly demonyms: readonly string[];
  /** Capitals and seats of government used for the state: "Washington", "Whitehall". */
  readonly seats: readonly string[];
}

const table: readonly (readonly [string, string, string, string])[] = [
  // canonical | other names | demonyms | seats of government
  ['United States', 'US|U.S.|USA|U.S.A.|America|United States of America', 'American|Americans', 'Washington|White House'],
  ['United Kingdom', 'UK|U.K.|Britain|Great Britain', 'British|Briton|Britons', 'London|Westminster|Whitehall|Downing Street|No 10|No. 10'],
  ['China', "People's Republic of China|PRC|mainland China", 'Chinese', 'Beijing'],
  ['Russia', 'Russian Federation', 'Russian|Russians', 'Moscow|Kremlin'],
  ['European Union', 'EU|E.U.', 'European', 'Brussels'],
  ['France', '', 'French', 'Paris|Elysee|Élysée'],
  ['Germany', '', 'German|Germans', 'Berlin'],
  ['Italy', '', 'Italian|Italians', 'Rome'],
  ['Spain', '', 'Spanish', 'Madrid'],
  ['Portugal', '', 'Portuguese', 'Lisbon'],
  ['Netherlands', 'Holland', 'Dutch', 'The Hague|Amsterdam'],
  ['Belgium', '', 'Belgian', ''],
  ['Ireland', 'Republic of Ireland|Eire', 'Irish', 'Dublin'],
  ['Scotland', '', 'Scottish|Scots', 'Holyrood|Edinburgh'],
  ['Wales', '', 'Welsh', 'Cardiff'],
  ['England', '', 'English', ''],
  ['Northern Ireland', '', '', 'Stormont|Belfast'],
  ['Sweden', '', 'Swedish', 'Stockholm'],
  ['Norway', '', 'Norwegian', 'Oslo'],
  ['Denmark', '', 'Danish', 'Copenhagen'],
  ['Finland', '', 'Finnish', 'Helsinki'],
  ['Poland', '', 'Polish', 'Warsaw'],
  ['Ukraine', '', 'Ukrainian|Ukrainians', 'Kyiv|Kiev'],
  ['Greece', '', 'Greek', 'Athens'],
  ['Turkey', 'Türkiye', 'Turkish', 'Ankara'],
  ['Switzerland', '', 'Swiss', 'Bern'],
  ['Austria', '', 'Austrian', 'Vienna'],
  ['Canada', '', 'Canadian|Canadians', 'Ottawa'],
  ['Mexico', '', 'Mexican|Mexicans', 'Mexico City'],
  ['Brazil', '', 'Brazilian', 'Brasilia|Brasília'],
  ['Argentina', '', 'Argentine|Argentinian', 'Buenos Aires'],
  ['Australia', '', 'Australian|Australians', 'Canberra'],
  ['New Zealand', 'NZ', 'New Zealander|New Zealanders', 'Wellington'],
  ['Japan', '', 'Japanese', 'Tokyo'],
  ['South Korea', 'Republic of Korea', 'South Korean|South Koreans', 'Seoul'],
  ['North Korea', 'DPRK', 'North Korean|North Koreans', 'Pyongyang'],
  ['Taiwan', '', 'Taiwanese', 'Taipei'],
  ['Hong Kong', '', '', ''],
  ['India', '', 'Indian|Indians', 'New Delhi|Delhi'],
  ['Pakistan', '', 'Pakistani|Pakistanis', 'Islamabad'],
  ['Iran', '', 'Iranian|Iranians', 'Tehran'],
  ['Iraq', '', 'Iraqi|Iraqis', 'Baghdad'],
  ['Israel', '', 'Israeli|Israelis', 'Jerusalem|Tel Aviv'],
  ['Saudi Arabia', '', 'Saudi|Saudis', 'Riyadh'],
  ['Egypt', '', 'Egyptian|Egyptians', 'Cairo'],
  ['South Africa', '', 'South African|South Africans', 'Pretoria'],
  ['Nigeria', '', 'Nigerian|Nigerians', 'Abuja'],
  ['Kenya', '', 'Kenyan|Kenyans', 'Nairobi'],
  ['Singapore', '', 'Singaporean', ''],
  ['Malaysia', '', 'Malaysian', 'Kuala Lumpur'],
  ['Indonesia', '', 'Indonesian', 'Jakarta'],
  ['Vietnam', 'Viet Nam', 'Vietnamese', 'Hanoi'],
  ['Thailand', '', 'Thai', 'Bangkok'],
  ['Philippines', '', 'Filipino|Philippine', 'Manila'],
];

function split(field: string): string[] {
  return field ? field.split('|') : [];
}

export const PLACES: readonly PlaceNames[] = table.map(([canonical, names, demonyms, seats]) => ({
  canonical,
  names: [canonical, ...split(names)],
  demonyms: split(demonyms),
  seats: split(seats),
}));

/** Forms that are ordinary words in lower case and only name a place when written in capitals. */
export const CASE_SENSITIVE_FORMS: ReadonlySet<string> = new Set(['US', 'U.S.', 'USA', 'UK', 'EU', 'NZ', 'PRC', 'DPRK']);

const byForm = new Map<string, PlaceNames>();
for (const place of PLACES) {
  for (const form of [...place.names, ...place.demonyms, ...place.seats]) {
    byForm.set(CASE_SENSITIVE_FORMS.has(form) ? form : form.toLowerCase(), place);
  }
}

/**
 * The country a word or phrase names, if any.
 * `placeFor('Washington')` → United States; `placeFor('British')` → United Kingdom;
 * `placeFor('us')` → undefined (a pronoun), `placeFor('US')` → United States.
 */
export function placeFor(form: string): PlaceNames | undefined {
  return byForm.get(form) ?? (CASE_SENSITIVE_FORMS.has(form) ? undefined : byForm.get(form.toLowerCase()));
}

/** Every form of a place, for query expansion: names, demonyms and seats of government. */
export function formsOf(place: PlaceNames): readonly string[] {
  return [...place.names, ...place.demonyms, ...place.seats];
}
