/**
 * Words that are capitalised only because they open a sentence or a heading: never the
 * start of a name. General English, no story in mind.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those there here it its it's he she they we i you me him her them us our their his my your
  and or but nor so yet if then than because although though while whilst when whenever where wherever whether unless until since as
  of in on at by for from to with without within into onto over under about above below after before between among against
  during through throughout across around behind beyond despite except following including inside outside near per via
  upon toward towards amid amidst alongside along off out up down
  is are was were be been being am has have had do does did will would shall should can could may might must
  not no yes all any some each every both either neither many much more most few fewer less least other another such
  what which who whom whose why how however meanwhile moreover furthermore nevertheless nonetheless therefore thus
  also even just only still already again ever never always often sometimes perhaps maybe indeed instead otherwise
  according earlier later last next first second third finally now today yesterday tomorrow tonight recently
  one two three four five six seven eight nine ten dozens hundreds thousands millions`
    .split(/\s+/)
    .filter(Boolean),
);

/** Prepositions: a name right after one is an object, rarely the subject of a verb. */
export const PREPOSITIONS: ReadonlySet<string> = new Set(
  `of in on at by for from to with without within into onto over under about above below after before between among
  against during through across around behind beyond despite near via upon toward towards amid like than`
    .split(/\s+/)
    .filter(Boolean),
);

/** Conjunctions that open a subordinate clause: "when", "after she …", "because they …". */
export const SUBORDINATORS: ReadonlySet<string> = new Set('when while as after before since if although though because once until unless whereas'.split(' '));

/** Words that may stand between a subject and its verb: "has also said", "recently warned". */
export const VERB_FILLERS: ReadonlySet<string> = new Set(
  `has have had is was were are be been also then later recently previously earlier repeatedly strongly once
  already again too further however subsequently yesterday today now last night separately publicly privately
  reportedly allegedly even just still not never did does do would will could might may often always sometimes`
    .split(/\s+/)
    .filter((word) => /^[a-z]+$/.test(word)),
);

/** Calendar words: capitalised, but not entities. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec christmas easter`
    .split(/\s+/)
    .filter(Boolean),
);
