/**
 * Word lists of general English, never of any story: function words, honorifics and the
 * reporting verbs that tie a quotation to its speaker. The checker leaves function words out
 * of content overlap and does not treat them as names when a sentence starts with one.
 */

const FUNCTION_WORDS = `
a about above across after afterwards again against ago all almost along already also although always
am among amid amongst an and another any anyone anything are around as at away back be became because
become becomes been before beforehand being below beside besides between beyond both but by can cannot
could did do does doing done down due during each earlier either else elsewhere enough even ever every
everyone everything except far few first for former formerly from further furthermore had has have
having he hence her here hers herself him himself his how however i if in indeed instead into is it its
itself just last later latter least less lest let like likely made make makes many may maybe me meanwhile
might mine more moreover most mostly much must my myself namely neither never nevertheless next no nobody
none nor not nothing now of off often on once one only onto or other others otherwise our ours ourselves
out over overall own per perhaps quite rather really recently same several shall she should since so some
somehow someone something sometimes soon still such than that the their theirs them themselves then there
thereafter therefore these they this those though through throughout thus to today together too toward
towards under unless until up upon us very via was we well were what whatever when whenever where whereas
whether which while who whoever whole whom whose why will with within without would yet you your yours
yourself yourselves yesterday tomorrow separately additionally ultimately currently previously reportedly
apparently also notably finally instead specifically including following speaking similarly
likewise nonetheless consequently accordingly alongside unlike
`;

/** Verbs that report speech; they carry no content of their own for overlap. */
const REPORTING_VERBS = `
said say says saying told tell tells telling added adds adding stated states stating according claimed
claims claiming warned warns warning insisted insists argued argues wrote writes described describes
called calls declared declares noted notes explained explains acknowledged acknowledges admitted admits
asked asks replied replies remarked suggested suggests urged urges vowed promised pledged announced
announces confirmed confirms alleged labelled labeled labelling expressed expresses voiced voices
commented comments reported reports reiterated reiterates
`;

const HONORIFICS = `mr mrs ms miss dr sir dame lord lady prof professor rev mx`;

/** Roles that name a position, not a person: "the Defence Secretary said" names no one. */
const ROLE_WORDS = `
secretary minister ministers chairman chairwoman chair president vice chief head spokesman spokeswoman
spokesperson director officer executive founder ceo cfo prime defence defense foreign home interior
general ambassador official officials government state deputy senior former acting leader governor
mayor senator congressman congresswoman commissioner chancellor king queen prince princess pope judge
attorney inspector commander sergeant captain colonel lieutenant the a an of for and
`;

function set(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

export const functionWords: ReadonlySet<string> = set(FUNCTION_WORDS);
export const reportingVerbs: ReadonlySet<string> = set(REPORTING_VERBS);
export const honorifics: ReadonlySet<string> = set(HONORIFICS);
export const roleWords: ReadonlySet<string> = set(ROLE_WORDS);

/** Function words and reporting verbs: left out when measuring content overlap. */
export const overlapStopWords: ReadonlySet<string> = new Set([...functionWords, ...reportingVerbs]);
