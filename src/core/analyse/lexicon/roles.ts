/*
 * Roles people hold, as they appear in news text: before a name ("Defence Secretary Jane
 * Doe"), in apposition ("Jane Doe, the chief executive of Acme,") or alone ("the chairman
 * said"). General knowledge; the heads are matched lower-cased.
 */

/** Role head nouns (single words). */
export const ROLE_HEADS: ReadonlySet<string> = new Set(
  `secretary minister chairman chairwoman chairperson chair president vice-president premier chancellor governor
  mayor ambassador envoy commissioner director head leader chief boss founder co-founder owner spokesman
  spokeswoman spokesperson executive ceo cfo coo cto manager coach captain editor correspondent professor
  analyst economist official officer adviser advisor aide deputy lawyer attorney solicitor barrister judge
  prosecutor senator representative delegate detective congressman congresswoman assemblyman assemblywoman
  assemblymember councilman councilwoman councilmember alderman alderwoman mp mep msp mayor councillor inspector superintendent constable
  commander admiral marshal colonel lieutenant sergeant king queen prince princess pope bishop archbishop
  cardinal rabbi imam priest chief-executive treasurer auditor registrar dean vice-chancellor provost rector
  investor entrepreneur striker midfielder defender goalkeeper winger batsman bowler manager-elect presenter
  actor actress singer director-general secretary-general spokesperson researcher scientist expert consultant
  campaigner activist candidate nominee negotiator regulator ombudsman controller administrator president-elect
  whip prop hooker flanker fly-half scrum-half full-back skipper keeper centre-back playmaker all-rounder jockey
  trainer rider cyclist sprinter athlete swimmer boxer golfer champion youngster teenager veteran novelist author
  writer director producer composer designer photographer team-mate teammate colleague doctor surgeon physio
  physiotherapist frontman frontwoman guitarist drummer bassist vocalist rapper comedian musician star player
  forward international speaker`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that qualify a role without being part of who holds it: "former", "then". */
export const ROLE_QUALIFIERS: ReadonlySet<string> = new Set(['former', 'then', 'outgoing', 'incoming', 'new', 'current', 'acting', 'interim', 'late', 'ex']);

/** Words that may precede a head inside a role ("shadow", "deputy", "chief", "general"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(
  `shadow deputy vice chief senior junior assistant associate executive managing general foreign home defence
  defense health education justice culture trade industry finance treasury interior environment transport
  energy business security intelligence communications technology digital sports sport economic financial
  political legal technical creative commercial operating marketing press prime first lord attorney
  solicitor secretary state principal lead team club party group company national international regional
  local city county labour conservative tory liberal democrat democratic republican opposition and of for the`
    .split(/\s+/)
    .filter(Boolean),
);

/** Role heads that follow another role word as a second head: "secretary general", "director general". */
export const ROLE_SECOND_HEADS: ReadonlySet<string> = new Set(['general', 'executive', 'officer', 'minister', 'secretary', 'director']);

/**
 * Role heads that describe a person rather than name an office: news uses "the striker",
 * "the singer", "the Italy captain" for someone it has just named, so these refer back
 * to a named person. Offices ("the prime minister", "the chairman") may well be someone
 * the article never names, and stay roles.
 */
export const DESCRIPTOR_HEADS: ReadonlySet<string> = new Set(
  `striker midfielder defender goalkeeper winger batsman bowler prop hooker flanker fly-half scrum-half full-back
  skipper keeper centre-back playmaker all-rounder jockey rider cyclist sprinter athlete swimmer boxer golfer
  champion youngster teenager veteran novelist author writer actor actress singer presenter captain star player
  frontman frontwoman guitarist drummer bassist vocalist rapper comedian musician forward international
  entrepreneur campaigner mp mep msp`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Nouns for a person of a nation ("the Spaniard", "the Briton"). Used after "the", they
 * refer to someone the article named; adjectives that double as nouns ("the Australian")
 * count only when no noun follows them ("the Australian Open", "the Australian team").
 */
export const DEMONYMS: ReadonlySet<string> = new Set(
  `spaniard frenchman frenchwoman scot scotsman scotswoman welshman welshwoman briton englishman englishwoman
  irishman irishwoman dutchman dutchwoman swede dane finn pole turk croat serb slovak slovene kiwi aussie`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Role heads that are roles only in lower case: capitalised they start titles and names
 * ("Star Trek", "Doctor Faustus", "International Monetary Fund").
 */
export const LOWER_CASE_HEADS: ReadonlySet<string> = new Set(['star', 'player', 'international', 'forward', 'doctor', 'keeper', 'champion', 'veteran']);

/** An age used as a noun: "the 27-year-old". */
export const AGE_WORD = /^\d+-year-old$/;

/**
 * One office under the other names news gives it: "Rep. Jane Doe" is "the congresswoman", "the
 * chair" of a committee is its chairman or chairwoman. A gendered name leads to the neutral ones
 * only, never to the other gender's. General English usage, keyed by the role head.
 */
export const OFFICE_NAMES: ReadonlyMap<string, readonly string[]> = new Map([
  ['congressman', ['representative', 'congressmember']],
  ['congresswoman', ['representative', 'congressmember']],
  ['congressmember', ['representative', 'congressman', 'congresswoman']],
  ['representative', ['congressman', 'congresswoman', 'congressmember']],
  ['chairman', ['chair', 'chairperson']],
  ['chairwoman', ['chair', 'chairperson']],
  ['chair', ['chairman', 'chairwoman', 'chairperson']],
  ['chairperson', ['chair', 'chairman', 'chairwoman']],
  ['councilman', ['councilmember', 'councillor']],
  ['councilwoman', ['councilmember', 'councillor']],
  ['councilmember', ['councilman', 'councilwoman', 'councillor']],
  ['assemblyman', ['assemblymember']],
  ['assemblywoman', ['assemblymember']],
  ['assemblymember', ['assemblyman', 'assemblywoman']],
]);
