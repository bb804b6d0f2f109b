/**
 * The ways news text ties a quotation to its speaker, one pattern per test, on sentences
 * written for these tests (no article of any gold set).
 */
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { governingVerb } from '../../../src/core/analyse/cue-patterns.ts';
import { documentHead, isFindingVerb } from '../../../src/core/analyse/document-cues.ts';
import { tokenize } from '../../../src/core/analyse/tokens.ts';
import { credits, makeArticle } from './make-article.ts';

describe('names with American titles and initials', () => {
  it('reads "Mr. Doe said" as the person first named in full', () => {
    expect(credits('Tom Halvorsen runs the mine.', '"We will reopen," Mr. Halvorsen said.')).toMatchObject([{ speaker: 'Tom Halvorsen' }]);
  });

  it('keeps a middle initial inside the name', () => {
    expect(credits('"The rules are sound," said Laurence K. Pembury, a lawyer.')).toMatchObject([{ speaker: 'Laurence K. Pembury' }]);
  });

  it('reads an abbreviated office before a name as a role, not part of the name', () => {
    const analysis = analyseArticle(makeArticle(['"We are ready," Nevada Gov. Alma Restrepo said.']), { published: null });
    const speaker = analysis.entities.find((entity) => entity.key === analysis.quotes[0]?.speaker);
    expect(speaker).toMatchObject({ name: 'Alma Restrepo', roles: expect.arrayContaining(['governor']) });
  });
});

describe('legislative titles (sixth pass)', () => {
  it('keeps a state delegate’s abbreviated title inside one sentence, after and before the quotation', () => {
    expect(credits('"We are ready for the vote," said state Del. Alma Restrepo (D-Richmond).')).toMatchObject([{ speaker: 'Alma Restrepo' }]);
    expect(credits('"We are ready for the vote," state Del. Alma Restrepo said.')).toMatchObject([{ speaker: 'Alma Restrepo' }]);
  });

  it('reads a titled name and its party-and-state parenthesis before a colon as the speaker', () => {
    expect(credits('Rep. Dana Whitfield (R-Ohio):"Who told you that the figures were right?"')).toMatchObject([{ speaker: 'Dana Whitfield' }]);
  });

  it('keeps a name whole across a quoted nickname, so a split sentence does not lose it', () => {
    expect(credits('"We can win this seat," said state Del. Jane "Janey" Okafor (D-Fairfax).')).toMatchObject([{ speaker: 'Jane Okafor' }]);
    expect(credits('State Del. Jane "Janey" Okafor (D-Fairfax) said: "We can win this seat."')).toMatchObject([{ speaker: 'Jane Okafor' }]);
  });

  it('reads "state" before a title as a description, not a verb of speech', () => {
    expect(credits('"The budget is late," state Sen. Nora Whitcombe said on Tuesday.')).toMatchObject([{ speaker: 'Nora Whitcombe' }]);
  });

  it('reads assembly and council titles as roles before a name', () => {
    const analysis = analyseArticle(makeArticle(['"We will fix the roads," Councilwoman Nora Whitcombe said.']), { published: null });
    const speaker = analysis.entities.find((entity) => entity.key === analysis.quotes[0]?.speaker);
    expect(speaker).toMatchObject({ name: 'Nora Whitcombe', roles: expect.arrayContaining(['councilwoman']) });
  });
});

describe('party words (sixth pass)', () => {
  it('takes no party adjective alone for an entity, so "they" is never "Democratic"', () => {
    const paragraphs = ['The Democratic candidate toured Ohio on Monday.', 'Her aides want to contrast her plan with what they call a “reckless scheme.”'];
    const analysis = analyseArticle(makeArticle(paragraphs), { published: null });
    expect(analysis.entities.map((entity) => entity.name)).not.toContain('Democratic');
    expect(credits(...paragraphs).map((quote) => quote.speaker)).not.toContain('Democratic');
  });

  it('keeps the name after a party word as the speaker', () => {
    expect(credits('"We will carry the state," Republican Dana Whitfield said.')).toMatchObject([{ speaker: 'Dana Whitfield' }]);
  });
});

describe('the reporting frame around a quotation', () => {
  it('joins a speaker to the verb past a party-and-state parenthesis', () => {
    expect(credits('"We will not back down," Rep. Dana Whitfield (D-Ore.) said.')).toMatchObject([{ speaker: 'Dana Whitfield' }]);
  });

  it('credits a quoted phrase to the reporting clause that closes the sentence', () => {
    expect(credits('The envoy has used “velvet gloves” in talks with the region, said Mirela Dobre, an analyst in Bucharest.')).toMatchObject([
      { text: 'velvet gloves', speaker: 'Mirela Dobre' },
    ]);
  });

  it('credits "According to <description> X," to X past the describing words', () => {
    expect(credits('According to veteran radio host Sarah Menon, the merger reeks of “fear” and haste.')).toMatchObject([{ speaker: 'Sarah Menon' }]);
  });

  it('reads "He’s claiming" as he is claiming, not as a possessive', () => {
    expect(credits('Ivan Petrov spoke first.', 'He’s claiming that the vote was “rigged from the start” by his rivals.')).toMatchObject([
      { speaker: 'Ivan Petrov', cueKind: 'pronoun' },
    ]);
  });

  it('credits everything after "According to X," to X', () => {
    expect(credits('According to Sarah Menon, the merger reeks of “fear” and haste.')).toMatchObject([{ speaker: 'Sarah Menon' }]);
  });

  it('credits a quoted phrase to the subject of its clause, past a relative clause', () => {
    expect(credits('Tom Ashby, who leads the poll, mocked John Reyes for “having a tough night.”')).toMatchObject([{ speaker: 'Tom Ashby' }]);
  });

  it('credits no one for a quoted phrase after an impersonal "it appears"', () => {
    expect(credits('Acme Ltd sells phones.', 'It appears that envoys will bring “new evidence” to the talks.')).toMatchObject([{ speaker: null }]);
  });
});

describe('descriptions and organisations as speakers', () => {
  it('credits an unnamed source described before the verb', () => {
    expect(credits('“Nobody saw it coming,” a longtime friend said.')).toMatchObject([{ speaker: 'a longtime friend', cueKind: 'descriptor' }]);
  });

  it('credits a document or body that says something', () => {
    expect(credits('The commission says on its website that “the audio was faulty in the hall.”')).toMatchObject([{ speaker: 'The commission' }]);
  });

  it('credits a description after an inverted verb, to the end of its clause', () => {
    expect(credits('“It was never going to work,” said a person close to the negotiations.')).toMatchObject([
      { speaker: 'a person close to the negotiations' },
    ]);
  });

  it('takes no description for a speaker when a clause follows the verb', () => {
    expect(credits('Georgeta Minciu, a cleaner, said the phones were “cheap and fine”.')).toMatchObject([{ speaker: 'Georgeta Minciu' }]);
  });
});

describe('signatures, repeats and shared surnames', () => {
  it('credits a quotation signed with a dash and a name', () => {
    expect(credits('“The debate changed my mind. I will vote.” ― Maria Ortega', '“Nothing he said was new.”— Daniel Weiss')).toMatchObject([
      { speaker: 'Maria Ortega' },
      { speaker: 'Daniel Weiss' },
    ]);
  });

  it('credits every quotation of a vox-pop paragraph to the signature closing it, however its marks cross', () => {
    expect(
      credits(
        '“He never answered a thing.” ― Maria Ortega',
        '“Nobody wants a leader like that. To quote a song, ‘Some people have only money.” And that is all he has, “the root of it all’.” ― Tomas Riedel',
      ),
    ).toMatchObject([{ speaker: 'Maria Ortega' }, { text: 'Nobody wants a leader like tha', speaker: 'Tomas Riedel' }]);
  });

  it('credits a phrase in the that-clause of "protested" and the words a speaker affirmed', () => {
    expect(credits('“We will stay,” Maria Lopez affirmed.')).toMatchObject([{ speaker: 'Maria Lopez' }]);
    expect(credits('Ivan Petrov spoke.', 'Petrov protested that his rivals were being "disingenuous" about the date.')).toMatchObject([
      { speaker: 'Ivan Petrov' },
    ]);
  });

  it('credits a named person just before the colon that opens a quotation, unless someone in the sentence reports', () => {
    expect(credits('The surge does not surprise pollster Dr Maria Lopez: “Outsiders always rise early.”')).toMatchObject([{ speaker: 'Maria Lopez' }]);
    expect(credits('Ivan Petrov spoke.', 'He told Dr Maria Lopez: “We are done.”')).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });

  it('credits a one-word answer to the one who answered', () => {
    expect(credits('Ivan Petrov was asked who would win.', '“Denver,” Petrov answered.')).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });

  it('credits quotations barked or sung, but not one after a noun like "a snappy retort"', () => {
    expect(credits('“Enough of this,” Maria Lopez barked.', '“Keep your hands in sight,” the singer Ana Ruiz sings to the crowd.')).toMatchObject([
      { speaker: 'Maria Lopez' },
      { speaker: 'Ana Ruiz' },
    ]);
    const retort = credits('Ana Ruiz spoke last.', 'It drew a snappy retort: “No one is leaving.”');
    expect(retort.map((credit) => credit.speaker)).not.toContain('a snappy');
  });

  it('credits whoever issued a statement saying the words, not the statement', () => {
    expect(credits('Acme President Jane Roe issued a statement saying his remark "has no place here."')).toMatchObject([{ speaker: 'Jane Roe' }]);
    expect(credits('The statement said the plan was "dead."')).toMatchObject([{ speaker: 'The statement' }]);
  });

  it('credits a description opened by a name’s possessive, when its head can speak', () => {
    const opening = 'Ivan Petrov spoke in Ohio.';
    expect(credits(opening, '“That was outrageous,” Petrov’s former campaign strategist said.')).toMatchObject([
      { speaker: 'Petrov’s former campaign strategist', cueKind: 'descriptor' },
    ]);
    expect(credits(opening, 'Petrov’s office said the claims were “false.”')).toMatchObject([{ speaker: 'Petrov’s office' }]);
    expect(credits(opening, 'Petrov’s mental state is “spiraling out of control.”')).toMatchObject([{ speaker: null }]);
  });

  it('credits a document that "reads" the quotation, and not a reader of a title', () => {
    expect(credits('“Friend, let me be blunt,” the email read.', '“We will appeal,” read the statement.')).toMatchObject([
      { speaker: 'the email', cueKind: 'descriptor' },
      { speaker: 'the statement', cueKind: 'descriptor' },
    ]);
    expect(credits('Maria Lopez reads “The Morning Ledger” every day.')).toMatchObject([]);
  });

  it('credits a signature after a dash even when the given name is one we do not know', () => {
    expect(credits('“The debate changed nothing.” ― Jaylee Brandvold', '“I will vote anyway.” ― Quorra Vantassel.')).toMatchObject([
      { speaker: 'Jaylee Brandvold', cueKind: 'explicit' },
      { speaker: 'Quorra Vantassel', cueKind: 'explicit' },
    ]);
  });

  it('credits a headline quotation with the speaker of the same words in the body', () => {
    expect(credits('Rival ‘Disgusting Fraud,’ Says Senator.', '“He is a disgusting fraud,” said Karen Obi, a senator.')).toMatchObject([
      { text: 'Disgusting Fraud', speaker: 'Karen Obi', cueKind: 'repeated' },
      { speaker: 'Karen Obi' },
    ]);
  });

  it('credits a one-word fragment that echoes a fuller attributed quotation, whole words only', () => {
    const lede = ['Maria Lopez held a rally in Dayton.', 'Whether the judges will be "fair" is the question of the week.'];
    expect(credits(...lede, '"I think the judges will be very fair," Lopez said at the rally.')).toMatchObject([
      { text: 'fair', speaker: 'Maria Lopez', cueKind: 'repeated' },
      { speaker: 'Maria Lopez' },
    ]);
    expect(credits(...lede, '"I think the judges treat me unfairly," Lopez said at the rally.')).toMatchObject([
      { text: 'fair', speaker: null },
      { speaker: 'Maria Lopez' },
    ]);
  });

  it('reads a shared surname as the family member the article names most', () => {
    const text = ['Hannah Morel spoke in Ohio. Hannah Morel thanked voters.', 'Her husband, Peter Morel, stayed home.', '“We will win,” Morel said.'];
    expect(credits(...text)).toMatchObject([{ speaker: 'Hannah Morel' }]);
  });
});

describe('titles and scare quotes', () => {
  it('does not list the title of a programme or a book as a quotation', () => {
    expect(credits('Speaking on “Face the Nation” on Sunday, Maria Lopez said the plan was “dead on arrival”.')).toMatchObject([
      { text: 'dead on arrival', speaker: 'Maria Lopez' },
    ]);
  });

  it('reads a phrase with a comma inside its marks as words, not a scare quote before a noun', () => {
    expect(credits('Ivan Petrov spoke in Ohio.', 'Petrov admires Maria Lopez as a “strong leader,” comparing her favorably to others.')).toMatchObject([
      { text: 'strong leader', speaker: 'Ivan Petrov' },
    ]);
    expect(credits('Acme offered a “back door” route.')).toMatchObject([{ text: 'back door', speaker: null }]);
  });

  it('does not list a nickname inside a name as a quotation, nor take a headline word for one', () => {
    expect(credits('Rep. Robert C. "Bobby" Lane threw open his yard.', 'Fans chanted "Bobby!" at the rally.')).toMatchObject([{ text: 'Bobby!' }]);
    expect(credits('Website Shows Bias When "Fact-Checking" Rivals')).toMatchObject([{ text: 'Fact-Checking' }]);
  });

  it('keeps a name someone gave in title case as their words', () => {
    expect(credits('Tom Baker called his rival “Little Marco” at the rally.')).toMatchObject([{ text: 'Little Marco', speaker: 'Tom Baker' }]);
  });

  it('keeps the quotations of a headline written in title case', () => {
    expect(credits('Senator Says Plan Is ‘Dead On Arrival’ After Vote', '“The plan is dead on arrival,” said Maria Lopez.')).toMatchObject([
      { text: 'Dead On Arrival' },
      { speaker: 'Maria Lopez' },
    ]);
  });
});

describe('words named as words (sixth pass)', () => {
  it('does not list words named after "the words", "the phrase" or "so-called" as a quotation', () => {
    expect(credits('Ivan Petrov defended his refusal to use the words “hard reset” at the summit.')).toEqual([]);
    expect(credits('Maria Lopez said the so-called “grand bargain” was dead.', '“We tried,” she said.')).toMatchObject([
      { text: 'We tried', speaker: 'Maria Lopez' },
    ]);
  });

  it('keeps words someone says as that person’s, even after "the words"', () => {
    expect(credits('Ivan Petrov said the words “sell now” to the traders.')).toMatchObject([{ text: 'sell now', speaker: 'Ivan Petrov' }]);
  });
});

describe('interview turns and subjects of the clause', () => {
  it('credits a quoted transcript turn to the person of that surname', () => {
    expect(
      credits('Chris Wallace interviewed Mike Pence on Sunday.', '"WALLACE: Why would he do that?', '"PENCE: Well, look, it is serious business."'),
    ).toMatchObject([{ speaker: 'Chris Wallace' }, { speaker: 'Mike Pence' }]);
  });

  it('credits a quoted phrase to a subject named in apposition to a description', () => {
    expect(credits('Another critic, Peter H. Pembury, likened the rules to “burning the Constitution”.')).toMatchObject([{ speaker: 'Peter H. Pembury' }]);
  });

  it('credits a quoted phrase to the subject of a verb after an auxiliary', () => {
    expect(credits('Harry Dunmore met voters.', 'In recent weeks, Dunmore has gone after his rival as a “spoiled brat.”')).toMatchObject([
      { speaker: 'Harry Dunmore' },
    ]);
  });
});

describe('one person under several names, and media attribution', () => {
  const story = [
    'Secretary of State Mike Pompeo arrived in Berlin on Tuesday.',
    '“We expect our partners to act,” Pompeo said.',
    'The secretary added that talks would go on. “Nothing is decided,” he told the Times.',
    'Mr. Pompeo was quoted by the paper as saying “the door is open.”',
  ];

  it('links the surname, the title and the role to the full name', () => {
    expect(credits(...story).map((quote) => quote.speaker)).toEqual(['Mike Pompeo', 'Mike Pompeo', 'Mike Pompeo']);
  });

  it('credits the person, never the outlet, in "told the Times" and "quoted by the paper as saying"', () => {
    expect(credits(...story).every((quote) => quote.speaker !== 'Times' && quote.speaker !== 'the paper')).toBe(true);
  });
});

describe('reported speech, split and multi-paragraph quotations', () => {
  it('credits a quoted phrase embedded in reported speech to the one who reports it', () => {
    expect(credits('Tom Baker said that there have been “thousands of complaints” this year.')).toMatchObject([{ speaker: 'Tom Baker' }]);
  });

  it('credits both halves of a quotation split by its cue', () => {
    expect(credits('“We lost,” Maria Lopez said, “but we will be back.”')).toMatchObject([{ speaker: 'Maria Lopez' }, { speaker: 'Maria Lopez' }]);
  });

  it('keeps the speaker of a quotation in single marks that re-opens each paragraph', () => {
    expect(credits('Maria Lopez said: ‘The season was long.', '‘We will rest, then train again.’')).toMatchObject([
      { speaker: 'Maria Lopez' },
      { speaker: 'Maria Lopez' },
    ]);
  });
});

describe('frames that news typing bends', () => {
  it('finds the subject past a time phrase between it and the verb', () => {
    expect(credits('Maria Lopez later Thursday told Radio Nord: "The vote is lost."')).toMatchObject([{ speaker: 'Maria Lopez' }]);
    expect(credits('Maria Lopez on Monday said the vote was "lost."')).toMatchObject([{ speaker: 'Maria Lopez' }]);
  });

  it('never takes a name inside a quotation for the subject of ", adding"', () => {
    expect(
      credits('"Deals should not be needed to talk to the Coastal Board," Ivan Petrov said, adding that the permits were handed out "like sweets."'),
    ).toMatchObject([{ speaker: 'Ivan Petrov' }, { speaker: 'Ivan Petrov' }]);
  });

  it('reads a short "X said." sentence after a quotation ending in a full stop as its cue', () => {
    expect(credits('Ivan Petrov runs the port.', 'The board met at noon.', '"Send us the papers, and we will sign." Petrov said.')).toMatchObject([
      { speaker: 'Ivan Petrov' },
    ]);
  });

  it('does not take a following sentence that goes on to say more as the cue', () => {
    expect(
      credits('Ivan Petrov runs the port.', 'The board met at noon.', '"Send the papers." Petrov said later that the board, which meets weekly, would decide.'),
    ).toMatchObject([{ speaker: null }]);
  });

  it('credits a scare-quote-shaped word in a "that" clause to the one who reports it', () => {
    expect(credits('Ivan Petrov spoke on Monday, saying the rule was a "manufactured" issue.')).toMatchObject([{ speaker: 'Ivan Petrov' }]);
    expect(credits('Ivan Petrov said that the board had done an "awful" job.')).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });

  it('leaves a term in a clause without "that" to no one', () => {
    expect(credits('Acme Ltd sells phones.', 'Acme has said it will sign a "no strike" pledge.')).toMatchObject([{ speaker: null }]);
  });
});

describe('more reporting frames', () => {
  it('credits a quotation to a source named after an inverted "reported" or "tweeted"', () => {
    expect(credits('Shares fell, a "sharp and sudden drop," reported Nordwire.')).toMatchObject([{ speaker: 'Nordwire' }]);
  });

  it('reads "Said Jane Doe:" opening a sentence as the speaker before a colon', () => {
    expect(credits('Said Ivan Petrov: "We will not sign."')).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });

  it('takes a bare plural of people as a group speaker', () => {
    expect(credits('Demonstrators said they want "answers for the families," but stayed calm.')).toMatchObject([{ speaker: 'demonstrators' }]);
  });
});

describe('subjects of participles and habits', () => {
  it('credits ", arguing that …" to the clause subject, not a place in an apposition', () => {
    expect(credits('Maria Lopez spoke about the flood in Dunmore, Kentucky, arguing that the delay was "shameful."')).toMatchObject([
      { speaker: 'Maria Lopez' },
    ]);
  });

  it('credits "footage of X saying" to X', () => {
    expect(credits('Maria Lopez met Ivan Petrov.', 'The advert closes with footage of Petrov saying, "That makes me rich."')).toMatchObject([
      { speaker: 'Ivan Petrov' },
    ]);
  });

  it('reads "my father often said" as a described speaker', () => {
    expect(credits('"We live in hard times," my father often said.')).toMatchObject([{ speaker: 'my father' }]);
  });

  it('keeps a weekday out of an organisation name', () => {
    const analysis = analyseArticle(makeArticle(['The Harbour Board on Friday called the plan "a clear threat to trade."']), { published: null });
    expect(analysis.entities.map((entity) => entity.name)).toContain('Harbour Board');
  });
});

describe('the subject of a clause that holds a quoted phrase', () => {
  it('reads "is rolling out" as a verb in progress, not a passive', () => {
    expect(credits('With voters restless, Ivan Petrov is rolling out a new campaign message: "It is about me."')).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });

  it('keeps "of <Place>" after a name with the subject', () => {
    expect(credits('In January, Gov. Maria Lopez of West Virginia lauded the plan for its "new and bold ideas."')).toMatchObject([{ speaker: 'Maria Lopez' }]);
  });
});

describe('time phrases between a subject and its verb', () => {
  it('reads "who in 2010 said" and "X in 2010 said" as the subject speaking', () => {
    expect(
      credits('Ivan Petrov has long clashed with Maria Lopez, now the majority leader, who in 2010 said the goal was to make him a "one-term president."'),
    ).toMatchObject([{ speaker: 'Maria Lopez' }]);
    expect(credits('Maria Lopez in 2010 said the goal was "growth."')).toMatchObject([{ speaker: 'Maria Lopez' }]);
  });
});

describe('a quoted paragraph after a sentence about someone', () => {
  it('goes on from the subject of the sentence before in the same paragraph, even with no verb of speech', () => {
    expect(credits('On Sunday, Ivan Petrov singled out exhaustion with bigotry as a reason to vote. "The young are sick and tired of it."')).toMatchObject([
      { speaker: 'Ivan Petrov', cueKind: 'continuation' },
    ]);
  });

  it('goes on from the subject past an opening phrase that names a programme in quotation marks', () => {
    expect(
      credits(
        'On "Meet the Voters," Sen. Ivan Petrov (Vt.), who lost the primary, singled out exhaustion with bigotry as a reason. "The young are sick and tired of it."',
      ),
    ).toMatchObject([{ speaker: 'Ivan Petrov', cueKind: 'continuation' }]);
  });

  it('does not go on from a place', () => {
    expect(credits('Ohio singled out exhaustion as a reason to vote. "The young are sick and tired of it."')).toMatchObject([{ speaker: null }]);
  });
});

describe('reported speech inside reported speech', () => {
  it('credits the words to the one who reports them, not to the one they describe', () => {
    expect(credits('Ivan Petrov said during a rally that Maria Lopez once described the pact as "the gold standard" of deals.')).toMatchObject([
      { speaker: 'Ivan Petrov' },
    ]);
  });

  it('finds the outer "that" clause past a longer setting after the verb', () => {
    expect(
      credits('Ivan Petrov said during a Friday evening rally in Dayton that Maria Lopez once described the pact as "the gold standard" of deals.'),
    ).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });

  it('keeps the nearest speaker when no outer "that" clause holds the quotation', () => {
    expect(credits('Ivan Petrov spoke first.', 'Maria Lopez described the pact as "the gold standard" of deals.')).toMatchObject([{ speaker: 'Maria Lopez' }]);
  });
});

describe('indefinite descriptions and inverted split quotations', () => {
  it('keeps a name after "to" inside a description of an unnamed source', () => {
    expect(credits('"This is eerily similar," said one longtime adviser to Maria Lopez.')).toMatchObject([{ speaker: 'one longtime adviser to Maria Lopez' }]);
  });

  it('credits the second half of a quotation split by an inverted cue', () => {
    expect(credits('"We lost," said Maria Lopez, "but we will be back."')).toMatchObject([{ speaker: 'Maria Lopez' }, { speaker: 'Maria Lopez' }]);
  });

  it('does not read "X said Y was …" as an inverted cue naming Y', () => {
    // The share of those polled speaks (see pronouns-and-sources.test.ts), never Petrov.
    expect(credits('Maria Lopez met Ivan Petrov.', 'However, 63 percent said Petrov was "justified" in staying.')).toMatchObject([{ speaker: '63 percent' }]);
  });
});

describe('names after long titles and asides', () => {
  it('reads a plain name after an organisation’s title as a person, even with a given name no list knows', () => {
    expect(credits('"We will hold the vote," Senate Majority Leader Wendell Ostrowski, R-Ky., said Tuesday.', '"It is done," Ostrowski said.')).toMatchObject([
      { speaker: 'Wendell Ostrowski' },
      { speaker: 'Wendell Ostrowski' },
    ]);
  });

  it('takes a name whose verb follows a party-and-state parenthesis for a person, its office (speaker) set apart', () => {
    expect(
      credits('In an interview on Sunday, House Speaker Carl B. Hendry (R-Wis.) said the country needs calm.', '"It is heartbreaking," Hendry said.'),
    ).toMatchObject([{ speaker: 'Carl B. Hendry', cueKind: 'explicit' }]);
  });

  it('finds the speaker past a description with a slash in it', () => {
    expect(credits('"They are wrong," said 9/11 widow Maria Kwasny.')).toMatchObject([{ speaker: 'Maria Kwasny' }]);
  });
});

describe('a quoted phrase under a verb with no named subject', () => {
  it('goes to the speaker of the clause around it, even after a quoted programme title', () => {
    expect(
      credits(
        'In an interview on the network’s "Meet the Voters," Ivan Petrov said the recent wave of strikes and protests demands that everyone engage in "more listening" now.',
      ),
    ).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });

  it('names no one when no verb of speech before has a subject either', () => {
    expect(credits('On "Meet the Voters," the recent wave of strikes and protests demands that everyone engage in "more listening" now.')).toMatchObject([
      { speaker: null },
    ]);
  });
});

describe('appositions and parentheses around a named speaker', () => {
  it('credits the name between commas past its party-and-state parenthesis, not the phrase before', () => {
    expect(
      credits('At a rally in Dayton, after winning the state in the Republican primary, Gov. Ivan Petrov (R-OH), said, “We are going all the way.”'),
    ).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });

  it('reads a role joined by "and" to a description in apposition as the named person’s', () => {
    expect(
      credits(
        'Oriane Brackwell, a Denver-based developer and spokeswoman for the Redrock Investment Coalition, said the critics had it wrong.',
        '"People look at what an area looks like after the investment," she said.',
      ),
    ).toMatchObject([{ speaker: 'Oriane Brackwell', cueKind: 'pronoun' }]);
  });
});

describe('documents that report what they hold', () => {
  it('credits a report’s finding to the body named in it, past a participle describing the report', () => {
    expect(
      credits('A Harwick Institute report released last year found that the agency could not trace money from "the drug trade or other crimes."'),
    ).toMatchObject([{ speaker: 'Harwick Institute', cue: 'found' }]);
  });

  it('credits a document with no owner as its own phrase, past a relative clause between commas', () => {
    expect(credits('The study, which was published in a journal on Monday, concluded that the birds are "remarkably adaptable to cities."')).toMatchObject([
      { speaker: 'The study', cue: 'concluded' },
    ]);
  });

  it('credits a person’s filing to the person', () => {
    expect(credits('Jane Doe filed for divorce in May.', 'Jane Doe’s brief said that the reports were "previous misinterpreted statements."')).toMatchObject([
      { speaker: 'Jane Doe', cue: 'said' },
    ]);
  });

  it('reads a verb of finding only after a document, and never a document after a preposition', () => {
    const sentence = (text: string) => tokenize(text, 0, text.length);
    const audit = sentence('The audit found that costs rose.');
    expect(isFindingVerb(audit, 2)).toBe(true);
    expect(isFindingVerb(sentence('The dog found that bone.'), 2)).toBe(false);
    const polls = sentence('He yelled at people in the polls saying hello.');
    expect(documentHead(polls, 7)).toBeNull();
    expect(documentHead(sentence('A poll released on Monday shows a lead.'), 5)).toBe(1);
  });
});

describe('clauses between a speaker and the verb', () => {
  it('joins a speaker to the verb across an aside between dashes', () => {
    expect(credits('Ivan Petrov — a teacher from Lakeside — says the endorsement was "a big deal in the end."')).toMatchObject([
      { speaker: 'Ivan Petrov', cue: 'says' },
    ]);
  });

  it('joins a speaker to the verb across a short phrase of setting', () => {
    expect(credits('Ivan Petrov in an interview on Monday said the plan would cost "far more than anyone admits."')).toMatchObject([
      { speaker: 'Ivan Petrov', cue: 'said' },
    ]);
  });

  it('credits a participle after "despite" to the clause’s subject, past a party-and-state tag', () => {
    expect(
      credits('House Speaker Ivan Petrov, R-Wis., despite admitting that he had concerns about "lawyers trying to get rich," voted for the bill.'),
    ).toMatchObject([{ speaker: 'Ivan Petrov', cue: 'admitting' }]);
  });

  it('reads a sentence that opens with an inverted verb, its speaker and an aside before the quotation', () => {
    expect(credits('Said Ivan Petrov, who grew up on the street, “We were all so proud of him.”')).toMatchObject([{ speaker: 'Ivan Petrov', cue: 'Said' }]);
  });

  it('reads a reporting clause typed as a sentence of its own, past an apposition and a phrase of setting', () => {
    expect(credits('“Not us!” Ivan Petrov, the head of the Lakeside Fund, tweeted on Friday with a photo of the rally.')).toMatchObject([
      { speaker: 'Ivan Petrov', cue: 'tweeted' },
    ]);
  });

  it('takes no sentence of reported speech after a quotation for its reporting clause', () => {
    expect(credits('“Not us!” Ivan Petrov said the phones were cheap and the calls were clear.')).toMatchObject([{ speaker: null }]);
  });
});

describe('more clauses between a speaker and the verb', () => {
  it('reads an aside that holds a quoted name as an aside', () => {
    expect(credits('“We have had better weeks,” delegate Ivan Petrov, wearing a hat and “Vote Lakeside” pins, said on Friday.')).toMatchObject([
      { speaker: 'Ivan Petrov', cue: 'said' },
    ]);
  });

  it('takes no capitalised word inside a name for the verb that governs a quotation', () => {
    const text = 'Doe told leaders that the United States should act.';
    expect(governingVerb(tokenize(text, 0, text.length), 9, () => false)).toBe(1);
  });
});

describe('closing reporting clauses', () => {
  it('finds a closing "said X" past an apposition that holds commas of its own', () => {
    expect(
      credits('“We’re extremely happy” about the decision, said Jane Doe, director of the Lakeside Union, a union that has broken away and backed Roe.'),
    ).toMatchObject([{ speaker: 'Jane Doe', cue: 'said' }]);
  });

  it('reads "stated" as an inverted verb of speech', () => {
    expect(credits('“We do not want another fight,” stated Ivan Petrov, a history lecturer at Lakeside College.')).toMatchObject([
      { speaker: 'Ivan Petrov', cue: 'stated' },
    ]);
  });

  it('credits the one "quoted as saying" the words', () => {
    expect(credits('Ivan Petrov runs a poll.', '“Our method succeeds where others fail,” Petrov is quoted as saying.')).toMatchObject([
      { speaker: 'Ivan Petrov', cue: 'saying' },
    ]);
  });
});

describe('sentences sourced by "according to"', () => {
  it('credits a scare-quoted phrase in a sentence closed by "according to" a described source', () => {
    expect(
      credits('More than 100,000 people took part in a nationwide “walk-in” at 2,000 schools, according to the event organizer Lakeside Alliance for Schools.'),
    ).toMatchObject([{ speaker: 'Lakeside Alliance for Schools', cue: 'according to' }]);
  });

  it('credits a sentence opened by "According to" a source whose description runs on to its comma', () => {
    expect(
      credits('According to Jane Doe of the Lakeside Institute and two other researchers, the river is "far cleaner than it was a decade ago."'),
    ).toMatchObject([{ speaker: 'Jane Doe', cue: 'according to' }]);
  });
});

describe('long asides', () => {
  it('joins a speaker to the verb across a long apposition with a relative clause in it', () => {
    expect(
      credits(
        'Jane Doe, a veteran media consultant who earlier in the season had tried without success to organise a campaign against the plan, said, "It is a fantasy now."',
      ),
    ).toMatchObject([{ speaker: 'Jane Doe', cue: 'said' }]);
  });

  it('takes no past verb after a comma for the start of an aside that holds a quotation', () => {
    expect(
      credits(
        'Another critic, Ivan Petrov, likened the rules to "burning the Constitution" - a charge that might have stung, since Mr. Petrov, a scholar, was a mentor.',
      ),
    ).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });
});

describe('asides that hold a quoted title', () => {
  it('joins a speaker to the verb across an aside whose quoted title holds a comma', () => {
    expect(credits('Ivan Petrov, the co-author of "Going Viral," about the spread of news, said the days of one shared story are "long gone."')).toMatchObject([
      { speaker: 'Ivan Petrov', cue: 'said' },
    ]);
  });

  it('reads the clause after "According to X," as the sentence, even when it opens with an article and holds quotations', () => {
    expect(
      credits('According to his physician, the businessman had "astonishingly excellent" results in his exam, and "will be the healthiest ever."'),
    ).toMatchObject([{ speaker: 'his physician' }, { speaker: 'his physician' }]);
  });
});

describe('a paragraph that announces the next', () => {
  it('credits a quoted paragraph to the speaker after an inverted verb that closes the paragraph before', () => {
    expect(credits('Ivan Petrov spoke on Monday.', 'Stated Petrov:', '“I think that the stakes are so high for all of us.”')).toMatchObject([
      { speaker: 'Ivan Petrov', cue: 'Stated' },
    ]);
  });
});

describe('documents described at length', () => {
  it('credits a letter to the body it comes from, past the paper that obtained it', () => {
    expect(
      credits(
        'The Acme Institute is in Ohio.',
        'A letter from the Acme Institute obtained by the paper warns that “any further contact will be through our attorney.”',
      ),
    ).toMatchObject([{ speaker: 'Acme Institute', cue: 'warns' }]);
  });

  it('credits a document past an aside opened by an irregular participle', () => {
    expect(credits('The message, sent to the staff and forwarded to the director, called the plan “a real opening for us.”')).toMatchObject([
      { speaker: 'The message', cue: 'called' },
    ]);
  });

  it('takes a document that is the object of someone’s act for no speaker', () => {
    expect(
      credits('Ivan Petrov ran for office.', 'He sent a two-page memo to the paper in April explaining his plan, which includes a payment of “$5-10 billion.”'),
    ).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });
});

describe('long reporting clauses after a quotation, and speakers past an outlet', () => {
  it('credits the speaker of a reporting sentence after the quotation however long its apposition', () => {
    expect(credits('“This is a big year for our county!” Voss’s niece, state Del. Marcia “Cia” Ortega (D-Newport News), shouted to the crowd.')).toMatchObject([
      { text: 'This is a big year for our cou', speaker: 'Marcia Ortega' },
    ]);
  });

  it('credits the name after a possessive description closed by a comma', () => {
    expect(credits('“We stay,” Petrov’s daughter, Anna Petrova, said.')).toMatchObject([{ speaker: 'Anna Petrova' }]);
  });

  it('credits the journalist, not the outlet, after an inverted verb', () => {
    expect(credits('“It matters little,” said KTV’s Dorian Quill.')).toMatchObject([{ speaker: 'Dorian Quill' }]);
    expect(credits('Debates rarely change the race, noted KTV’s Dorian Quill.', '“Voters have made up their minds by then,” he wrote.')).toMatchObject([
      { speaker: 'Dorian Quill', cueKind: 'pronoun' },
    ]);
  });
});

describe('reporting sentences with a participle, and where a speaker is from', () => {
  it('credits the speaker of a short reporting sentence that goes on with a participle', () => {
    expect(
      credits('Jane Roe watched the speech.', '“Who would have believed that we would win?” Ivan Petrov said, looking out on the cheering crowd.'),
    ).toMatchObject([{ speaker: 'Ivan Petrov' }]);
  });

  it('credits the person, not the place in apposition to where they spoke, for a participle’s words', () => {
    expect(credits('Speaking at a town hall in Salem, New Hampshire, Ivan Petrov went after his rival, calling him “a total stiff.”')).toMatchObject([
      { speaker: 'Ivan Petrov' },
    ]);
  });

  it('reads "Name of Town, State says" as a person who speaks, whatever the given name', () => {
    const analysis = analyseArticle(makeArticle(['Stacy Quillon of Columbia, South Carolina says the race is open.']), { published: null });
    expect(analysis.entities.map((entity) => [entity.name, entity.kind])).toEqual([
      ['Stacy Quillon', 'person'],
      ['South Carolina', 'place'],
    ]);
  });
});

describe('what kind of thing a name is', () => {
  it('reads a name before an adverb and a verb only people do as a person, so "he" can find him', () => {
    expect(credits('Quarles openly admitted that his pick was political.', '“It is all about the primary,” he said.')).toMatchObject([
      { speaker: 'Quarles', cueKind: 'pronoun' },
    ]);
  });

  it('takes no person for a name that "which" follows, even when it declares something', () => {
    const analysis = analyseArticle(makeArticle(['The Daily Courier, which was the first paper to do so, declared the race over on Monday.']), {
      published: null,
    });
    expect(analysis.entities.filter((entity) => entity.kind === 'person')).toEqual([]);
  });

  it('knows the states of the United States as places, never as a speaker for "he"', () => {
    expect(credits('Ivan Petrov looked to the primary in South Carolina.', '“With an eye to the vote,” he said.')).toMatchObject([{ speaker: 'Ivan Petrov' }]);
    const analysis = analyseArticle(makeArticle(['Polls opened in North Carolina and New Mexico on Tuesday.']), { published: null });
    expect(analysis.entities.map((entity) => [entity.name, entity.kind])).toEqual([
      ['North Carolina', 'place'],
      ['New Mexico', 'place'],
    ]);
  });
});

describe('paragraphs that introduce a quoted paragraph', () => {
  it('credits a quoted paragraph to the person of a short sentence closing the paragraph before with a colon', () => {
    expect(credits('Voters lined up early.', '19-year-old Dorian Quill echoed:', '“He speaks his mind, and that is what we need.”')).toMatchObject([
      { speaker: 'Dorian Quill' },
    ]);
    // A longer sentence that only ends in a colon introduces nobody's words.
    expect(
      credits('Voters lined up early.', 'Dorian Quill walked to the hall with his neighbours and the whole street:', '“He speaks his mind.”'),
    ).toMatchObject([{ speaker: null }]);
  });

  it('goes on from someone already quoted when the paragraph before is about them', () => {
    const paragraphs = [
      '“The field is open,” Ivan Petrov says.',
      'Petrov is upbeat about the race, in part because he sees his candidate as a uniter.',
      '“Not only can she win in November, she is the one with the best chance.”',
    ];
    expect(credits(...paragraphs)).toMatchObject([{ speaker: 'Ivan Petrov' }, { speaker: 'Ivan Petrov', cueKind: 'continuation' }]);
    // Someone the article has not quoted does not take the words.
    expect(credits(...paragraphs.slice(1))).toMatchObject([{ speaker: null }]);
  });
});

describe('an organisation under its full name and its acronym', () => {
  it('files the acronym of a body the article names in full under the full name', () => {
    const analysis = analyseArticle(
      makeArticle(['The Global Shipping Council cut its forecast on Tuesday.', 'The GSC said trade would slow. “Tensions are rising,” it said.']),
      { published: null },
    );
    const council = analysis.entities.filter((entity) => entity.kind === 'organisation');
    expect(council.map((entity) => [entity.name, entity.aliases])).toEqual([['Global Shipping Council', ['GSC']]]);
    expect(analysis.quotes.map((quote) => quote.speaker)).toEqual([council[0]?.key]);
  });
});

describe('an office under another of its names', () => {
  it('credits "the Oregon congressman" to the man named with "Rep." before', () => {
    const quotes = credits(
      'Rep. Tobias Wrenfield pressed the agency on Tuesday.',
      'The Oregon congressman said the delay was "a failure of nerve" by the board.',
    );
    expect(quotes).toMatchObject([{ speaker: 'Tobias Wrenfield' }]);
  });

  it('passes over a congresswoman for "the congressman" when both are named', () => {
    const quotes = credits(
      'Rep. Susan Ketteridge and Rep. Thomas Wrenfield pressed the agency on Tuesday.',
      'The congressman said the delay was "a failure of nerve" by the board.',
    );
    expect(quotes).toMatchObject([{ speaker: 'Thomas Wrenfield' }]);
  });

  it('gives a titled name the office its title abbreviates', () => {
    const analysis = analyseArticle(makeArticle(['"We are ready," said Sen. Alma Restrepo.']), { published: null });
    const speaker = analysis.entities.find((entity) => entity.key === analysis.quotes[0]?.speaker);
    expect(speaker).toMatchObject({ name: 'Alma Restrepo', roles: expect.arrayContaining(['senator']) });
  });
});

describe('an office of a body before a name no list knows', () => {
  it('reads "Speaker of the Assembly Quenby Brandvold" as the office and the person', () => {
    const quotes = credits(
      'The plan came from Speaker of the Assembly Quenby Brandvold’s office.',
      'Later, Brandvold dismissed the bill as "a stunt" and left.',
    );
    expect(quotes).toMatchObject([{ speaker: 'Quenby Brandvold' }]);
  });

  it('leaves a body that ends in a place as the office alone', () => {
    const analysis = analyseArticle(makeArticle(['"We are ready," said the Secretary of the Navy of New Zealand.']), { published: null });
    expect(analysis.entities.some((entity) => entity.name === 'New Zealand' && entity.kind === 'person')).toBe(false);
  });
});

describe('an opening phrase whose adjectives a comma parts', () => {
  it('finds the subject after the second comma of "Following a hastily called, late-night meeting,"', () => {
    const quotes = credits(
      'The council met on Monday.',
      'Following a hastily called, late-night meeting, the Harrowgate Council issued a statement calling the leak "a grave failure" of its staff.',
    );
    expect(quotes).toMatchObject([{ speaker: 'Harrowgate Council' }]);
  });
});
