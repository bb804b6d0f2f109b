/*
 * Words that make a capitalised name an organisation, and common nouns that stand for the
 * organisation an article is about ("the firm said"). General knowledge.
 */

/** A name containing one of these (as a capitalised word) names an organisation. */
export const ORG_WORDS: ReadonlySet<string> = new Set(
  `ministry office council service services party inc ltd plc llc llp co corp corporation company companies group
  bank banks university college school academy agency department committee commission association institute
  institution foundation trust union federation authority board police constabulary army navy force forces
  court courts parliament assembly senate congress government cabinet executive administration bureau
  organisation organization league club fc united rovers athletic society fund partners holdings industries
  industry technologies technology telecom telecoms communications networks network systems airways airlines
  airline motors energy petroleum oil media news times post mirror telegraph guardian herald journal gazette
  express mail observer tribune chronicle standard economist broadcasting television radio studios records
  pictures entertainment games labs laboratories hospital clinic exchange reserve treasury institute alliance
  coalition movement front brigade regiment squad team church charity centre center network security intelligence
  consultancy consulting economics research capital investments securities insurance pharmaceuticals
  electronics software solutions ventures enterprises brands stores retail supermarkets labour tories conservatives
  democrats republicans liberals greens nationalists socialists`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words for a political party's members or leaning that name no one alone: "the Democratic
 * nominee", "a Republican". Party names themselves ("the Democrats", "the GOP") are organisations.
 * US usage; British party names ("Labour", "Conservative") double as the party and stay out.
 */
export const PARTY_ADJECTIVES: ReadonlySet<string> = new Set(['democratic', 'democrat', 'republican', 'libertarian']);

/** Organisation words that end a name (and never begin one): "Acme Ltd", "Northern Rock plc". */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set(['inc', 'ltd', 'plc', 'llc', 'llp', 'co', 'corp', 'ag', 'sa', 'gmbh', 'nv', 'bv']);

/**
 * Common nouns that describe an organisation: before a name they classify it ("technology
 * firm Acme"), after "the" they refer back to the article's main organisation ("the firm said").
 */
export const ORG_NOUNS: ReadonlySet<string> = new Set(
  `firm company group giant maker manufacturer provider supplier retailer operator carrier bank lender insurer
  broadcaster conglomerate corporation vendor chain brand startup start-up club side team
  publisher newspaper agency charity organisation organization party union regulator watchdog airline
  carmaker automaker developer studio label outfit multinational consortium`
    .split(/\s+/)
    .filter(Boolean),
);

/** Nouns for the people or body that speak for someone named before them: "Jane Doe's office said", "her campaign". */
export const ENTOURAGE_NOUNS: ReadonlySet<string> = new Set(['office', 'campaign', 'staff', 'team', 'counsel', 'camp', 'family', 'allies', 'circle']);

/** Nouns for a spokesperson: "a spokesman said" speaks for an organisation. */
export const SPOKES_NOUNS: ReadonlySet<string> = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'spokesmen']);

/** Capitalised abbreviations that are not organisations. */
export const NON_ORG_ACRONYMS: ReadonlySet<string> = new Set(
  'GDP GNP CEO CFO COO CTO TV PC IT AI VAT PR IPO AGM DNA HIV AIDS SMS PIN ID OK PM AM BST GMT CD DVD MP MPS MEP MEPS MSP GCSE GCSES SUV CCTV LCD PDF URL WWW FAQ OBE MBE CBE QC RIP AD BC UFO WMD'.split(
    ' ',
  ),
);

/**
 * Last words of the names of events and competitions: "Kingston Cup", "Paris Open",
 * "Music Awards". Such a name is never a person, whatever verb follows it.
 */
export const EVENT_WORDS: ReadonlySet<string> = new Set(
  `cup open championship championships games olympics olympiad trophy award awards festival prix tournament
  masters classic marathon derby final finals slam series tour rally expo conference summit`
    .split(/\s+/)
    .filter(Boolean),
);
