/**
 * Who a pronoun, a turn or a source that is no person stands for, on sentences written for
 * these tests (no article of any gold set).
 */
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { credits, makeArticle } from './make-article.ts';

describe('gender the text gives a person', () => {
  it('lets a reflexive in the clause outweigh the name lists: "Ashley Voss … finds herself" takes "she"', () => {
    expect(
      credits(
        'The economy comes first, says Marta Kellerman.',
        'Ashley Voss, a clerk in Greeley, finds herself in a similar job.',
        '"I have two loans," she said.',
      ),
    ).toMatchObject([{ text: 'I have two loans', speaker: 'Ashley Voss', cueKind: 'pronoun' }]);
  });

  it('reads "X said she …" as a woman, so a later "she" passes over X for no one else', () => {
    expect(credits('Ashley Voss said she would stand again.', 'Tom Pruitt, her rival, laughed.', '"We will see," she said.')).toMatchObject([
      { text: 'We will see', speaker: 'Ashley Voss' },
    ]);
  });

  it('lets a gendered noun before the name outweigh the name lists: "widow Terry Voss" takes "she"', () => {
    expect(
      credits(
        'Ivan Petrov, the governor, vetoed the bill on Friday.',
        '“The veto is wrong,” said flood widow Terry Voss.',
        'She continued, “We only ask for a hearing.”',
      ),
    ).toMatchObject([
      { text: 'The veto is wrong', speaker: 'Terry Voss' },
      { text: 'We only ask for a hearing.', speaker: 'Terry Voss', cueKind: 'pronoun' },
    ]);
  });

  it('reads the gender of a noun heading an apposition: "Terry Voss, a mother of three,"', () => {
    expect(
      credits('Terry Voss, a mother of three, lives near the plant.', 'Ivan Petrov runs it.', 'Voss is angry. “Nobody asked us,” she said.'),
    ).toMatchObject([{ speaker: 'Terry Voss' }]);
    // A noun that is not the apposition's head says nothing of the name: "a friend of his wife".
    expect(credits('Terry Voss, a friend of the bride, lives near the plant.', '“Nobody asked us,” she said.')).toMatchObject([{ speaker: null }]);
  });

  it('keeps the list gender when the text says nothing', () => {
    expect(credits('Ashley Voss spoke to Marta Kellerman.', '"We will see," he said.')).toMatchObject([{ speaker: 'Ashley Voss' }]);
  });

  it('takes no gender from a surname that two people of the article share', () => {
    // "Voss said he" may be Maria Voss's brother: she keeps the gender of her given name.
    expect(
      credits(
        'Maria Voss runs the farm with her brother Peter Voss.',
        'Maria Voss met the buyers on Monday.',
        'Voss said he would sell.',
        '"Not yet," she said.',
      ),
    ).toMatchObject([{ speaker: 'Maria Voss' }]);
  });
});

describe('people introduced with their age', () => {
  it('reads "Name, 29, of Place," as a person even when no list knows the given name', () => {
    expect(
      credits(
        'The economy comes first, says Marta Kellerman, 32, of Chicago.',
        'Brisa Okonkwo, 29, of Huntsville, Ala., says her worry is the climate. "We are late," she says.',
      ),
    ).toMatchObject([{ text: 'We are late', speaker: 'Brisa Okonkwo' }]);
  });

  it('does not make a person of a name followed by a number that is no age', () => {
    const analysis = analyseArticle(makeArticle(['Route Nine, 2024, was repaved.']), { published: null });
    expect(analysis.entities.filter((entity) => entity.kind === 'person')).toEqual([]);
  });
});

describe('sources named after "according to"', () => {
  it('credits a newspaper named with "the" before it', () => {
    expect(credits('According to the Daily Ledger, “the mayor also met the developer twice.”')).toMatchObject([{ speaker: 'Daily Ledger' }]);
  });

  it('reads a colon after the source as a comma', () => {
    expect(credits('According to NewsWire: “The senator has had a mixed record on the issue.”')).toMatchObject([{ speaker: 'NewsWire' }]);
  });

  it('keeps the affiliation after "of" with the person', () => {
    expect(credits('According to Paul Brennock of the Harbour Institute, “the port has been losing money for years.”')).toMatchObject([
      { speaker: 'Paul Brennock' },
    ]);
  });

  it('credits a description when the article names no such organisation', () => {
    expect(credits('According to the newspaper, “the county failed its voters.”')).toMatchObject([{ speaker: 'the newspaper', cueKind: 'descriptor' }]);
  });

  it('finds the person past describing words: "according to campaign manager X"', () => {
    expect(credits('The campaign pays "dozens" of canvassers to knock on doors, according to campaign manager Lou Ferrante.')).toMatchObject([
      { speaker: 'Lou Ferrante' },
    ]);
  });

  it('reads a capitalised word inside a description as no verb ("a State Department official")', () => {
    const analysis = analyseArticle(makeArticle(['“We were never told,” according to a State Department official.']), { published: null });
    expect(analysis.entities.find((entity) => entity.key === analysis.quotes[0]?.speaker)?.name).toBe('a State Department official');
  });
});

describe('crowds and shares of a poll as speakers', () => {
  it('credits a chant to "some protesters" after it', () => {
    expect(credits('"Hey, hey! Ho, ho! The council has got to go!" some protesters chanted outside.')).toMatchObject([
      { speaker: 'protesters', cueKind: 'explicit' },
    ]);
  });

  it('credits what a share of those polled said to that share', () => {
    expect(credits('However, 58 percent said the governor was "justified" in keeping it private.')).toMatchObject([{ speaker: '58 percent' }]);
  });

  it('reads "N percent of X said" as the share too', () => {
    expect(credits('In the survey, 41 percent of Canadians said the plan was the “right direction” for the country.')).toMatchObject([
      { speaker: '41 percent' },
    ]);
  });

  it('never makes a speaker of a percentage that is no subject of speech', () => {
    expect(credits('Prices rose 5 percent, the report said, calling it "a shock."')[0]?.speaker).not.toBe('5 percent');
  });
});

describe('"as X put it"', () => {
  it('credits the quoted words before it to a document described after "as"', () => {
    expect(credits('The main test for the permit is a "lawful source of income," as a Treasury memo put it.')).toMatchObject([
      { speaker: 'a Treasury memo', cueKind: 'descriptor' },
    ]);
  });

  it('credits the quotation after it to a source the article names once', () => {
    expect(credits('As Gazetteer put it, “Hello, it’s the comeback.”')).toMatchObject([{ speaker: 'Gazetteer' }]);
  });

  it('finds the person past an apposition and past a possessive outlet', () => {
    expect(credits('As Anna Kowal, the party whip, put it: "This bill will not pass."')).toMatchObject([{ speaker: 'Anna Kowal' }]);
    expect(credits('As The Ledger’s Tom Varga puts it, "the senators are unmoved."')).toMatchObject([{ speaker: 'Tom Varga' }]);
  });

  it('resolves "as he puts it" to the person before', () => {
    expect(credits('Dan Roemer likes the chair.', 'That is because, as he puts it, "the best thing we have" is low rates.')).toMatchObject([
      { speaker: 'Dan Roemer', cueKind: 'pronoun' },
    ]);
  });
});

describe('a clause of its own inside a reporting sentence', () => {
  it('credits a quoted phrase to the subject of the clause "after she …" opens', () => {
    expect(
      credits(
        'Mayor Tom Pruitt called Governor Marta Kellerman a "liability" after she praised the budget and blamed the deficit on "reckless spending" by others.',
      ),
    ).toMatchObject([
      { text: 'liability', speaker: 'Tom Pruitt' },
      { text: 'reckless spending', speaker: 'Marta Kellerman' },
    ]);
  });

  it('keeps the sentence subject when a name follows the clause: "much like he did …, X warned … and stressed"', () => {
    expect(
      credits(
        'Ashley Voss spoke in Denver on Monday.',
        'Much like he did after the flood last spring, Tom Pruitt blamed his rivals and stressed the "grave danger" of delay.',
      ),
    ).toMatchObject([{ text: 'grave danger', speaker: 'Tom Pruitt' }]);
  });
});

describe('who a pronoun stands for after a sentence that opens with a clause', () => {
  it('passes over the subject of a fronted "While …" clause for the person the main clause names', () => {
    expect(
      credits(
        'While Tom Pruitt had a crowd of volunteers at every stop, that has not happened for the mayor, which worries Peter Quill, chairman of the county party.',
        '"Nobody is knocking on doors this year," he said.',
      ),
    ).toMatchObject([{ text: 'Nobody is knocking on doors th', speaker: 'Peter Quill' }]);
  });

  it("still finds the fronted clause's subject when only that person fits the pronoun", () => {
    expect(
      credits(
        'While Sarah Quinn had a crowd of volunteers at every stop, that has not happened for her rival, which worries Peter Quill.',
        '"We earned every one of them," she said.',
      ),
    ).toMatchObject([{ speaker: 'Sarah Quinn' }]);
  });
});

describe('documents as described speakers', () => {
  it('credits a quotation to "the report" before a verb of speech, though "report" is a verb too', () => {
    expect(credits('The council published a long review of the harbour.', '"The harbour needs dredging every year," the report stated.')).toMatchObject([
      { text: 'The harbour needs dredging eve', speaker: 'the report', cueKind: 'descriptor' },
    ]);
  });

  it('does not make a speaker of a noun that reports nothing: "the report was late"', () => {
    expect(credits('"We lost the file," the clerk admitted, and the report was late.')).toMatchObject([{ speaker: 'the clerk' }]);
  });
});

describe('a surname two people share, and a source after "according to"', () => {
  it('keeps a surname two named people share as a person, so "she" can still find it', () => {
    const paragraphs = [
      'Marta Voss and her husband, Peter Voss, went to the Dunmore campaign launch.',
      'The Voss campaign sent out a letter. Voss campaign staff cheered.',
      '“It was fun,” Voss said.',
      '“We will see what he does with it,” she continued.',
    ];
    const analysis = analyseArticle(makeArticle(paragraphs), { published: null });
    expect(analysis.entities.filter((entity) => entity.name === 'Voss').map((entity) => entity.kind)).toEqual(['person']);
    expect(credits(...paragraphs)).toMatchObject([{ speaker: 'Voss' }, { speaker: 'Voss', cueKind: 'pronoun' }]);
  });

  it('takes the source after "according to" as who the sentence reports, for a pronoun after it', () => {
    expect(
      credits(
        'Ivan Petrov served under President Tom Hardy for a decade.',
        'According to Petrov, the administration has lost three defence secretaries because many disagreed with Hardy’s policies.',
        '“We are on our fourth,” he said.',
      ),
    ).toMatchObject([{ speaker: 'Ivan Petrov', cueKind: 'pronoun' }]);
  });
});

describe('politicians named with their party and state', () => {
  it('reads a name followed by a party and state as a person, even when no verb of speech follows', () => {
    expect(
      credits(
        '“The veto will fall,” Senate leader Ivan Petrov, R-Ky., said Tuesday.',
        'Dorian Quill, R-Wis., despite admitting that he had concerns, believes Petrov is right.',
        '“I do think the votes are there,” he said.',
      ),
    ).toMatchObject([{ speaker: 'Ivan Petrov' }, { speaker: 'Dorian Quill', cueKind: 'pronoun' }]);
  });
});
