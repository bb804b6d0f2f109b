/*
 * Abbreviations written with a full stop that never ends a sentence, because a name or a
 * number always follows them: titles ("Mr.", "Sen.", "Gov.", a state delegate's "Del."), Latin and reference
 * abbreviations ("e.g.", "vol."). General English usage, British and American.
 */
export const NAME_ABBREVIATIONS: ReadonlySet<string> = new Set(
  `mr mrs ms messrs dr prof st gen lt col sen sens rep reps gov capt sgt rev hon mt ft cpl adm maj brig supt insp det
  cllr mme mlle rt sr jr del dels atty cmdr pres`
    .split(/\s+/)
    .filter(Boolean),
);

/** Every abbreviation after which a full stop does not end a sentence. */
export const NEVER_FINAL: ReadonlySet<string> = new Set([
  ...NAME_ABBREVIATIONS,
  ...'vs v e.g i.e cf approx nos vol fig figs dept est ca pp para art sec ph.d'.split(' '),
]);

/** Titles that abbreviate an office or rank, with the word they stand for: "Gov." is a governor. */
export const TITLE_EXPANSIONS: ReadonlyMap<string, string> = new Map([
  ['gov', 'governor'],
  ['sen', 'senator'],
  ['sens', 'senators'],
  ['rep', 'representative'],
  ['reps', 'representatives'],
  ['gen', 'general'],
  ['lt', 'lieutenant'],
  ['col', 'colonel'],
  ['capt', 'captain'],
  ['sgt', 'sergeant'],
  ['adm', 'admiral'],
  ['maj', 'major'],
  ['cpl', 'corporal'],
  ['brig', 'brigadier'],
  ['supt', 'superintendent'],
  ['insp', 'inspector'],
  ['det', 'detective'],
  ['cllr', 'councillor'],
  ['prof', 'professor'],
  ['del', 'delegate'],
  ['dels', 'delegates'],
  ['atty', 'attorney'],
  ['cmdr', 'commander'],
  ['pres', 'president'],
]);
