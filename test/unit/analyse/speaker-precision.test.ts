import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { makeArticle } from './make-article.ts';

/** Each quotation's first words and its speaker's name in the article (null when no one). */
function speakers(paragraphs: string[], title = 'Test article'): { text: string; speaker: string | null }[] {
  const analysis = analyseArticle(makeArticle(paragraphs, title), { published: null });
  const names = new Map(analysis.entities.map((entity) => [entity.key, entity.name]));
  return analysis.quotes.map((quote) => ({ text: quote.text.slice(0, 20), speaker: quote.speaker ? (names.get(quote.speaker) ?? '?') : null }));
}

describe('speakers described rather than named', () => {
  it('resolves "the 27-year-old said" to the person named before', () => {
    expect(
      speakers(
        [
          'Paul Kerrigan has admitted he would love the captaincy.',
          'The 27-year-old, who led Leeds to the title, said the job would be a challenge. "Tom would be a hard act to follow," he said.',
        ],
        'Kerrigan wants captaincy',
      ),
    ).toEqual([{ text: 'Tom would be a hard ', speaker: 'Paul Kerrigan' }]);
  });

  it('resolves "the Italy captain said" to the player the article introduced with another role', () => {
    expect(
      speakers(
        [
          'Rayo Norte midfielder Marco Rossi has no plans to become a manager.',
          '"I am not interested in being a coach," the Italy captain said on television. "I would like to open football schools."',
        ],
        'Rossi rules out management',
      ),
    ).toEqual([
      { text: 'I am not interested ', speaker: 'Marco Rossi' },
      { text: 'I would like to open', speaker: 'Marco Rossi' },
    ]);
  });

  it('resolves "the Spaniard said" to the subject of the sentence before', () => {
    expect(speakers(['Carlos Ortega beat Tim Baxter in straight sets on Monday.', '"I played my best tennis," the Spaniard said.'])).toEqual([
      { text: 'I played my best ten', speaker: 'Carlos Ortega' },
    ]);
  });

  it('resolves "the Dutchman said" to the person the article introduced as Dutch', () => {
    expect(speakers(['Andy Clark lost to Dutchman Piet Vos in the final.', '"It was hard," the Dutchman said.'])).toEqual([
      { text: 'It was hard', speaker: 'Piet Vos' },
    ]);
  });

  it('does not give a second age to a person already described by another', () => {
    expect(
      speakers(
        [
          'Mark Dillon will miss the Open. The 28-year-old tore a muscle in training.',
          'Tommy Kraus, who beat him last year, is fit again.',
          '"I feel strong," said the 26-year-old.',
        ],
        'Dillon doubt over Open',
      ),
    ).toEqual([{ text: 'I feel strong', speaker: 'Tommy Kraus' }]);
  });

  it('takes "the 24-year-old Rovers skipper" for a description of the person named before, not of the club', () => {
    expect(
      speakers([
        'Steven Marsh has admitted that Rovers have little chance of promotion.',
        'The 24-year-old Rovers skipper spoke out on Monday. "Let us be realistic," he told reporters.',
      ]),
    ).toEqual([{ text: 'Let us be realistic', speaker: 'Steven Marsh' }]);
  });

  it('credits no one when a description has no named person to refer to', () => {
    expect(speakers(['"We will win the league," said the 30-year-old.'])).toEqual([{ text: 'We will win the leag', speaker: null }]);
  });

  it('names the spokesperson of a role after the role, not after an organisation nearby', () => {
    expect(speakers(['The Islamic Forum criticised the plans.', 'The prime minister\'s official spokesman said: "Nobody is being singled out."'])).toEqual([
      { text: 'Nobody is being sing', speaker: "prime minister's spokesman" },
    ]);
  });
});

describe('speakers found through "he" and continuations', () => {
  it('resolves "he added" to the subject of the sentence just before, not a better-known name further back', () => {
    expect(
      speakers([
        'Robbie Keller told the audience: "I\'m just amazed." Glasshouse frontman Tom Ashby thanked fans for enduring "bad gigs" after they won the prize.',
        'He added: "It is a vital part of who we are."',
      ]),
    ).toEqual([
      { text: "I'm just amazed.", speaker: 'Robbie Keller' },
      // Words quoted inside the clause of the one who thanked are his words.
      { text: 'bad gigs', speaker: 'Tom Ashby' },
      { text: 'It is a vital part o', speaker: 'Tom Ashby' },
    ]);
  });

  it('resolves "he added" to the one a sentence reports, named at its end', () => {
    const result = speakers([
      'Anna Berg defended the plan on Monday.',
      'The plan had been misread by its critics, the council spokesman said.',
      '"Nobody is being singled out," he added.',
    ]);
    expect(result[0]?.speaker).toMatch(/spokesman/);
  });

  it('resolves "he" to the subject of the main clause, not of a clause it reports', () => {
    expect(speakers(['But Mr Grant denied Mr Ellis, his deputy, said the plans were flawed.', '"We are united," he said.'])).toEqual([
      { text: 'We are united', speaker: 'Grant' },
    ]);
  });

  it('resolves "he" to the subject of a clause after "but" that reports someone else', () => {
    expect(
      speakers(['Lars Holm said the title was between himself and Ivan Dane, but Peter Novak rejected the claim.', '"I am not finished yet," he said.']),
    ).toEqual([{ text: 'I am not finished ye', speaker: 'Peter Novak' }]);
  });

  it('does not continue a quotation with a team or place named as a possessive', () => {
    expect(
      speakers([
        'Sean Walsh spoke before the match. "I have spoken to the coach," he joked.',
        'He also said he is cautious about wounded Norway\'s attack, dismissing talk of an easy win. "That would be a big mistake."',
      ]),
    ).toEqual([
      { text: 'I have spoken to the', speaker: 'Sean Walsh' },
      { text: 'That would be a big ', speaker: 'Sean Walsh' },
    ]);
  });

  it('gives no speaker to "he said" when only a place came before', () => {
    expect(speakers(['Exports from France fell sharply in May.', '"Prices will rise," he said.'])).toEqual([{ text: 'Prices will rise', speaker: null }]);
  });

  it('does not give a quote to a competition named before "he said"', () => {
    const result = speakers(
      [
        'Mark Tallis is almost certain to miss the Open after an injury at the Kingston Cup.',
        '"He has to rest," said Kingston Cup doctor Hamish Grant.',
        'The Australian still hopes to play. "I will decide on the day," he said.',
      ],
      'Tallis doubt over Open bid',
    );
    expect(result).toEqual([
      { text: 'He has to rest', speaker: 'Hamish Grant' },
      { text: 'I will decide on the', speaker: 'Mark Tallis' },
    ]);
  });
});

describe('speakers after "said" with a description', () => {
  it('takes the person after a place that only qualifies them, and keeps "of Acme" as an affiliation', () => {
    expect(
      speakers([
        '"We are watching it closely," said Riverton race director Peter Holt.',
        '"The state should act," said Ohio state archivist Linda Marsh.',
        '"Sales will recover," said Jane Wells of Acme Holdings.',
      ]),
    ).toEqual([
      { text: 'We are watching it c', speaker: 'Peter Holt' },
      { text: 'The state should act', speaker: 'Linda Marsh' },
      { text: 'Sales will recover', speaker: 'Jane Wells' },
    ]);
  });

  it('credits no one rather than a place that only qualifies an unknown speaker', () => {
    expect(speakers(['"The decision is final," said Ohio race organiser Xq Zlotny.'])[0]?.speaker).toBeNull();
  });
});

describe('speakers past two appositions, and settings after the verb', () => {
  it('joins a speaker to the verb across two appositions in a row', () => {
    expect(
      speakers([
        '"The rule oversteps the law," Maria Velasquez, the attorney general of Nevada, one of the states in the lawsuit, said at a Denver forum on Monday.',
      ])[0]?.speaker,
    ).toBe('Maria Velasquez');
  });

  it('does not take the verb of the sentence for a second apposition', () => {
    expect(speakers(['Tom Baker, a nurse, said the plan, which was late, was "a disgrace."'])[0]?.speaker).toBe('Tom Baker');
  });

  it('never takes a place after "said at" for the speaker', () => {
    expect(speakers(['"We will appeal, whatever it costs, for as long as it takes," said at a Washington event this month.'])[0]?.speaker).toBeNull();
  });
});

describe('words that cannot be the speaker', () => {
  it('takes no adjective for a described speaker when the verb is a noun ("a bitter comment that described")', () => {
    expect(speakers(['The decision led the governor to make a bitter comment that described the judges as "partisan hacks."'])[0]?.speaker).toBeNull();
  });

  it('keeps a described speaker whose verb agrees ("one sign read")', () => {
    expect(speakers(['Protesters lined the road. One sign read "Go home, Acme."'])[0]?.speaker).toBe('One sign');
  });

  it('reads "suggests that Name" as a clause, not an inverted cue', () => {
    expect(
      speakers([
        'The town of Fairview objects to the campaign.',
        'Town lawyer Ann Morrow said in a letter that the flyer "plainly and wrongly" suggests that Fairview backs the campaign.',
      ])[0]?.speaker,
    ).toBe('Ann Morrow');
  });

  it('does not take a role that opens the main clause for an apposition to the place before it', () => {
    expect(
      speakers([
        'Mayor Tom Okafor described the blast as "a deliberate act."',
        'At a briefing in Chelsea, the mayor also said there was "no evidence" of terrorism.',
      ]).map((quote) => quote.speaker),
    ).toEqual(['Tom Okafor', 'Tom Okafor']);
  });
});

describe('going on to say', () => {
  it('credits a quotation after "said, going on to say that" to who said', () => {
    expect(
      speakers(['"It is a disgrace," Maria Velasquez said, going on to say that the state has spent "decades fighting this."']).map((quote) => quote.speaker),
    ).toEqual(['Maria Velasquez', 'Maria Velasquez']);
  });
});

describe('a participle after a conjunction of time', () => {
  it('credits "X sang to the crowd before asking, "…"" to X', () => {
    expect(
      speakers(['“Our day is coming,” Rosa Delgado sings to the crowd before asking them, “Where do we go from here?”']).map((quote) => quote.speaker),
    ).toEqual(['Rosa Delgado', 'Rosa Delgado']);
  });

  it('never credits a name inside a relative clause', () => {
    expect(
      speakers(['Small groups marched around the stadium - where the Denver Broncos played - while chanting, "Hands up, don\'t shoot."'])[0]?.speaker,
    ).toBeNull();
  });
});
