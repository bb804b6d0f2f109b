/*
 * Verbs that introduce what someone said, in every form news text uses them. General
 * knowledge: a quote governed by one of these has a speaker; a quote with none is a term.
 */
const STEMS: ReadonlyArray<readonly string[]> = [
  ['say', 'says', 'said', 'saying'],
  ['tell', 'tells', 'told', 'telling'],
  ['add', 'adds', 'added', 'adding'],
  ['warn', 'warns', 'warned', 'warning'],
  ['claim', 'claims', 'claimed', 'claiming'],
  ['insist', 'insists', 'insisted', 'insisting'],
  ['express', 'expresses', 'expressed', 'expressing'],
  ['explain', 'explains', 'explained', 'explaining'],
  ['state', 'states', 'stated', 'stating'],
  ['stress', 'stresses', 'stressed', 'stressing'],
  ['argue', 'argues', 'argued', 'arguing'],
  ['note', 'notes', 'noted', 'noting'],
  ['declare', 'declares', 'declared', 'declaring'],
  ['announce', 'announces', 'announced', 'announcing'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  ['ask', 'asks', 'asked', 'asking'],
  ['reply', 'replies', 'replied', 'replying'],
  ['respond', 'responds', 'responded', 'responding'],
  ['write', 'writes', 'wrote', 'writing'],
  ['comment', 'commented', 'commenting'],
  ['remark', 'remarks', 'remarked', 'remarking'],
  ['suggest', 'suggests', 'suggested', 'suggesting'],
  ['urge', 'urges', 'urged', 'urging'],
  ['predict', 'predicts', 'predicted', 'predicting'],
  ['describe', 'describes', 'described', 'describing'],
  ['concede', 'concedes', 'conceded', 'conceding'],
  ['confirm', 'confirms', 'confirmed', 'confirming'],
  ['reveal', 'reveals', 'revealed', 'revealing'],
  ['maintain', 'maintains', 'maintained', 'maintaining'],
  ['vow', 'vows', 'vowed', 'vowing'],
  ['pledge', 'pledges', 'pledged', 'pledging'],
  ['promise', 'promises', 'promised', 'promising'],
  ['continue', 'continues', 'continued', 'continuing'],
  ['conclude', 'concludes', 'concluded', 'concluding'],
  ['observe', 'observes', 'observed', 'observing'],
  ['complain', 'complains', 'complained', 'complaining'],
  ['boast', 'boasts', 'boasted', 'boasting'],
  ['joke', 'jokes', 'joked', 'joking'],
  ['reckon', 'reckons', 'reckoned', 'reckoning'],
  ['dismiss', 'dismisses', 'dismissed', 'dismissing'],
  ['brand', 'brands', 'branded', 'branding'],
  ['label', 'labels', 'labelled', 'labeling', 'labeled', 'labelling'],
  ['hail', 'hails', 'hailed', 'hailing'],
  ['call', 'calls', 'called', 'calling'],
  ['tweet', 'tweets', 'tweeted', 'tweeting'],
  ['post', 'posts', 'posted'],
  ['report', 'reports', 'reported', 'reporting'],
  ['cite', 'cites', 'cited', 'citing'],
  ['recall', 'recalls', 'recalled', 'recalling'],
  ['accept', 'accepts', 'accepted', 'accepting'],
  ['deny', 'denies', 'denied', 'denying'],
  ['agree', 'agrees', 'agreed', 'agreeing'],
  ['point', 'points', 'pointed', 'pointing'],
  ['believe', 'believes', 'believed'],
  ['think', 'thinks', 'thought'],
  ['feel', 'feels', 'felt'],
  ['accuse', 'accuses', 'accused', 'accusing'],
  ['criticise', 'criticises', 'criticised', 'criticising', 'criticize', 'criticizes', 'criticized'],
  ['describe', 'describes', 'described', 'describing'],
  ['whisper', 'whispers', 'whispered', 'whispering'],
  ['shout', 'shouts', 'shouted', 'shouting'],
  ['cry', 'cries', 'cried'],
  ['quip', 'quips', 'quipped'],
  ['assert', 'asserts', 'asserted', 'asserting'],
  ['contend', 'contends', 'contended', 'contending'],
  ['emphasise', 'emphasises', 'emphasised', 'emphasising', 'emphasize', 'emphasized'],
  ['reiterate', 'reiterates', 'reiterated', 'reiterating'],
  ['reject', 'rejects', 'rejected', 'rejecting'],
  ['welcome', 'welcomes', 'welcomed', 'welcoming'],
  ['blame', 'blames', 'blamed', 'blaming'],
  ['testify', 'testifies', 'testified', 'testifying'],
  ['caution', 'cautions', 'cautioned', 'cautioning'],
  ['counter', 'counters', 'countered', 'countering'],
  ['question', 'questioned', 'questioning'],
  ['demand', 'demands', 'demanded', 'demanding'],
  ['plead', 'pleads', 'pleaded', 'pleading'],
  ['concur', 'concurs', 'concurred'],
  ['elaborate', 'elaborates', 'elaborated'],
  ['mention', 'mentions', 'mentioned'],
  ['chant', 'chants', 'chanted', 'chanting'],
  ['exclaim', 'exclaims', 'exclaimed'],
  // `"…," the letter reads`: how news quotes a document.
  ['read', 'reads'],
  // Verbs whose bare or -s form is mostly a noun in news ("a recount", "a retort", "the alleged
  // gunman") are listed only in their verb forms.
  ['allege', 'alleges', 'alleging'],
  ['proclaim', 'proclaims', 'proclaimed', 'proclaiming'],
  ['assure', 'assures', 'assured', 'assuring'],
  ['retorted'],
  ['scoff', 'scoffs', 'scoffed'],
  ['lamented', 'lamenting'],
  ['mutter', 'mutters', 'muttered'],
  ['yelled', 'yelling'],
  ['screamed', 'screaming'],
  ['barked'],
  ['snapped'],
  ['sing', 'sings', 'sang', 'singing'],
  ['opine', 'opines', 'opined'],
  ['recounted', 'recounting'],
  ['gushed'],
  ['answered'],
  ['interjected', 'interjecting'],
  ['implore', 'implores', 'implored', 'imploring'],
  ['muse', 'muses', 'mused', 'musing'],
  ['sighed'],
  ['grumble', 'grumbles', 'grumbled', 'grumbling'],
  ['chide', 'chides', 'chided', 'chiding'],
  ['scold', 'scolds', 'scolded', 'scolding'],
  ['tease', 'teases', 'teased', 'teasing'],
  ['affirm', 'affirms', 'affirmed', 'affirming'],
  ['protested', 'protesting'],
  ['rated'],
  ['referenced'],
];

/** Every form of a reporting verb, lower-cased, mapped to its stem. */
export const REPORTING_VERBS: ReadonlyMap<string, string> = new Map(STEMS.flatMap((forms) => forms.map((form) => [form, forms[0] ?? form] as const)));

/**
 * Forms that introduce a quote after their speaker ("…," said Jane Doe; "…?" asked the
 * minister). Only the commonest: inversion with rarer verbs is mostly not a cue.
 */
export const INVERTING_VERBS: ReadonlySet<string> = new Set(
  `said says added adds asked asks warned warns explained explains insisted insists claimed claims continued continues
  replied replies wrote writes told tells recalled recalls noted notes argued argues concluded concludes joked jokes
  stressed stresses admitted admits declared declares conceded concedes quipped quips cautioned cautions countered
  counters observed observes remarked remarks commented added agreed agrees predicted predicts suggested suggests
  reckoned reckons admitted confirmed confirms revealed reveals announced announces urged urges boasted boasts
  reported tweeted responded demanded shouted exclaimed acknowledged read reads stated states emphasized emphasised`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Verbs that only count as reporting when a quote or "that" follows them closely
 * ("described it as", "called it", "reported that"): on their own they often are not speech.
 */
export const WEAK_REPORTING_STEMS: ReadonlySet<string> = new Set([
  'call',
  'post',
  'report',
  'cite',
  'accept',
  'deny',
  'agree',
  'point',
  'believe',
  'think',
  'feel',
  'accuse',
  'reject',
  'welcome',
  'blame',
  'question',
  'demand',
  'mention',
  'brand',
  'label',
  'hail',
  'criticise',
  'criticize',
  'describe',
  'dismiss',
  'protested',
  'rated',
  'referenced',
  'reiterate',
  'recall',
  'continue',
  'promise',
  'express',
]);

/**
 * Verbs of denying, rejecting and attacking (general English, their base forms): a quotation in
 * a sentence that uses one is one side of an argument ("The firm rejected the claims").
 */
export const OPPOSING_VERBS: ReadonlySet<string> = new Set([
  'deny',
  'reject',
  'refute',
  'rebut',
  'dismiss',
  'dispute',
  'contradict',
  'criticise',
  'criticize',
  'condemn',
  'attack',
  'slam',
  'blast',
  'denounce',
  'accuse',
  'blame',
  'oppose',
  'challenge',
]);

/** Nouns of speech: "in a statement", "the following statement:", "in an interview". */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set([
  'statement',
  'interview',
  'speech',
  'letter',
  'message',
  'remarks',
  'comments',
  'briefing',
  'post',
  'tweet',
  'blog',
  'email',
  'e-mail',
  'address',
  'testimony',
  'report',
]);

/**
 * Verbs that only people do (an organisation "said" or "announced", but does not "joke" or
 * "confess"), and "who" after a name: a single name with these is a person's surname.
 */
export const PERSONAL_VERBS: ReadonlySet<string> = new Set(
  `admit admits admitted explain explains explained confess confesses confessed joke jokes joked quip quips quipped
  laugh laughed smile smiled reckon reckons reckoned feel feels felt think thinks thought recall recalls recalled
  speaking`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Nouns of documents that report what they hold as a speaker does: "a GAO report found", "the
 * complaint alleged", "the study concluded", "her brief said". General English: the kinds of
 * paper news cites (reports, studies, polls, filings, rulings, memos).
 */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(
  `report reports study studies survey surveys poll polls analysis audit review investigation inquiry probe memo memorandum
  complaint lawsuit suit filing brief indictment ruling opinion decision document documents paper research assessment
  findings results data letter statement release transcript affidavit motion petition order verdict budget estimate projection
  textbook guidance`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Verbs that report what a document holds though no one speaks them ("the audit found that …",
 * "a poll shows", "the complaint alleged"): they count as reporting only after a document noun.
 * Forms already in REPORTING_VERBS ("concluded", "states") need no place here.
 */
export const FINDING_VERBS: ReadonlySet<string> = new Set(
  `find finds found show shows showed alleged determine determines determined estimate estimates estimated indicate
  indicates indicated charge charges charged`
    .split(/\s+/)
    .filter(Boolean),
);
