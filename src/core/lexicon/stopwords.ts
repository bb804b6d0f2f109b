/**
 * Words that carry no topic in a question or a sentence: function words, and the words a
 * question is made of ("what", "tell me about", "please"). Lower-case.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been
  before being below between both but by can can't cannot could couldn't did didn't do does
  doesn't doing don't down during each either else ever every few for from further get gets
  got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
  him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself
  just let's many me more most much must mustn't my myself neither no nor not now of off on once only
  or other ought our ours ourselves out over own per quite rather really same shall shan't she
  she'd she'll she's should shouldn't so some such than that that's the their theirs them
  themselves then there there's these they they'd they'll they're they've this those though
  through thus to too under until up upon us very was wasn't we we'd we'll we're we've were
  weren't what what's whatever when when's where where's whether which while who who's whom
  whose why why's will with won't would wouldn't yet you you'd you'll you're you've your yours
  yourself yourselves
  tell give show explain describe summarise summarize please know anything something thing
  things happen happened happening going say says said told latest news story stories`
    .split(/\s+/)
    .filter(Boolean),
);

/** Stopwords that still matter as the verb of a "what did X say" question. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'say',
  'says',
  'said',
  'tell',
  'told',
  'think',
  'thinks',
  'thought',
  'claim',
  'claimed',
  'warn',
  'warned',
  'argue',
  'argued',
  'mean',
  'meant',
  'comment',
  'commented',
  'reply',
  'replied',
  'respond',
  'responded',
  'insist',
  'insisted',
  'add',
  'added',
  'state',
  'stated',
  'announce',
  'announced',
  'admit',
  'admitted',
  'suggest',
  'suggested',
  'describe',
  'described',
  'call',
  'called',
]);
