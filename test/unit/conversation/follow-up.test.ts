import { describe, expect, it } from 'vitest';
import { resolveFollowUp, type FollowUp, type FollowUpInput } from '../../../src/core/conversation/follow-up.ts';
import { shownKey } from '../../../src/core/compose/answer-focus.ts';
import type { Turn } from '../../../src/core/conversation/turns.ts';
import { buildEntityIndex } from '../../../src/core/retrieve/entity-index.ts';
import { entity } from '../retrieve/fixtures.ts';

const index = buildEntityIndex([
  entity({
    id: 'person:joan-smith',
    name: 'Joan Smith',
    kind: 'person',
    aliases: ['Ms Smith', 'Smith'],
    roles: ['transport minister'],
    articleCount: 3,
    quoteCount: 4,
  }),
  entity({ id: 'person:tom-reed', name: 'Tom Reed', kind: 'person', aliases: ['Mr Reed', 'Reed'], roles: ['chairman'], articleCount: 2, quoteCount: 2 }),
  entity({ id: 'org:portco', name: 'PortCo', kind: 'organisation', aliases: ['the firm'], articleCount: 4, quoteCount: 1 }),
  entity({ id: 'place:france', name: 'France', kind: 'place', articleCount: 1 }),
]);

const joan = { id: 'person:joan-smith', name: 'Joan Smith', kind: 'person' as const, gender: 'female' as const };
const tom = { id: 'person:tom-reed', name: 'Tom Reed', kind: 'person' as const, gender: 'male' as const };
const portco = { id: 'org:portco', name: 'PortCo', kind: 'organisation' as const, gender: 'unknown' as const };

/** The turn after "What did Joan Smith say about prices?", answered from two articles. */
function askedAboutJoan(overrides: Partial<Turn> = {}): Turn {
  return {
    at: '2026-03-05T09:00:00.000Z',
    text: 'What did Joan Smith say about prices?',
    command: 'ask',
    options: { question: 'What did Joan Smith say about prices?' },
    subject: 'What did Joan Smith say about prices?',
    concepts: [
      { label: 'Joan Smith', kind: 'person' },
      { label: 'prices', kind: null },
    ],
    entities: [joan, tom, portco],
    quoted: [
      { speaker: joan.id, article: 'courier/1', quote: 'Prices will rise' },
      { speaker: joan.id, article: 'post/4', quote: 'higher prices' },
    ],
    sources: [
      {
        n: 1,
        article: 'courier/1',
        sentence: 2,
        text: '“Prices will rise,” Ms Smith said.',
        texts: ['“Prices will rise,” Ms Smith said.'],
        outlet: 'Daily Courier',
        title: 'Prices',
        published: '2026-03-01',
        url: null,
      },
      {
        n: 2,
        article: 'post/4',
        sentence: 0,
        text: 'Joan Smith warned of higher prices.',
        texts: ['Joan Smith warned of higher prices.'],
        outlet: 'Coastal Post',
        title: 'Warning',
        published: null,
        url: null,
      },
    ],
    shown: [shownKey('courier/1', '“Prices will rise,” Ms Smith said.'), shownKey('post/4', 'Joan Smith warned of higher prices.')],
    ...overrides,
  };
}

function read(text: string, turns: readonly Turn[] = [askedAboutJoan()], more: Partial<FollowUpInput> = {}): FollowUp {
  return resolveFollowUp({ text, turns, expired: false, idleMinutes: 30, index, now: new Date('2026-03-05T09:05:00Z'), hasWho: true, ...more });
}

function run(followUp: FollowUp): Extract<FollowUp, { kind: 'run' }> {
  if (followUp.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(followUp)}`);
  return followUp;
}

describe('a question that stands alone', () => {
  it('is left as typed, whatever the conversation was about', () => {
    for (const question of [
      'Who founded PortCo?',
      'What did Tom Reed say about France?',
      'How much did the harbour cost?',
      'Is it true that PortCo was fined?',
    ]) {
      expect(read(question)).toEqual({ kind: 'stand-alone' });
    }
  });

  it('keeps a pronoun whose person the question itself names first', () => {
    expect(read('Did Tom Reed say his firm would pay?')).toEqual({ kind: 'stand-alone' });
  });

  it('is left alone in a conversation with no turns yet', () => {
    expect(read('Who founded PortCo?', [])).toEqual({ kind: 'stand-alone' });
  });
});

describe('a bare question word', () => {
  it('asks it of the last question, leaving out what that answer already showed', () => {
    const followUp = run(read('why?'));
    expect(followUp.command).toBe('ask');
    expect(followUp.options.question).toBe('Why Joan Smith, prices?');
    expect(followUp.readAs).toBe('Why? — following on from “What did Joan Smith say about prices?”');
    expect([...(followUp.focus.exclude ?? [])]).toEqual(askedAboutJoan().shown);
    expect([...(followUp.focus.articles ?? [])]).toEqual(['courier/1', 'post/4']);
    expect(followUp.nearby?.map((s) => s.n)).toEqual([1, 2]);
    expect(followUp.subject).toBe('What did Joan Smith say about prices?');
  });

  it('reads "why did she say that?" the same way, with her name from the conversation', () => {
    expect(run(read('Why did she say that?')).options.question).toBe('Why Joan Smith, prices?');
  });

  it('keeps "how much", "how many" and "how long" together', () => {
    expect(run(read('how much?')).options.question).toBe('How much Joan Smith, prices?');
    expect(run(read('how many?')).options.question).toBe('How many Joan Smith, prices?');
    expect(run(read('and how long?')).options.question).toBe('How long Joan Smith, prices?');
  });
});

describe('a pronoun', () => {
  it('stands for the latest person of its gender: "he" skips the woman asked about', () => {
    expect(read('What did he say about France?')).toEqual({ kind: 'text', text: 'What did Tom Reed say about France?', readAs: 'Reading “he” as Tom Reed.' });
    expect(read('and what did she say about France?')).toEqual({
      kind: 'text',
      text: 'what did Joan Smith say about France?',
      readAs: 'Reading “she” as Joan Smith.',
    });
  });

  it('writes a possessive as one: "her view" becomes "Joan Smith’s view"', () => {
    expect(read('What was her view of PortCo?')).toMatchObject({ kind: 'text', text: 'What was Joan Smith’s view of PortCo?' });
  });

  it('reads "it" as the conversation’s organisation only when the question names none', () => {
    expect(read('Was it fined?')).toMatchObject({ kind: 'text', text: 'Was PortCo fined?' });
    expect(read('Is it true that PortCo was fined?')).toEqual({ kind: 'stand-alone' });
  });

  it('is left alone when the message gives a name before it, known to the story or not', () => {
    for (const question of [
      'What technical hitch held up Ana Costa’s new band at the start of their show?',
      'Where is France sending the actress it says broke her visa rules?',
      'How many copies did the charity single Sea Song sell in its first week?',
    ]) {
      expect(read(question), question).toEqual({ kind: 'stand-alone' });
    }
  });

  it('is left alone as a dummy "it"', () => {
    expect(read('Is it true that the firm was fined?')).toEqual({ kind: 'stand-alone' });
    expect(read('Was it said that prices would rise?')).toEqual({ kind: 'stand-alone' });
  });

  it('is not read inside quotation marks, where it is the quoted speaker’s', () => {
    expect(read('Who said “he would never sell”?')).toEqual({ kind: 'stand-alone' });
  });

  it('that nobody in the conversation fits gets a polite question back', () => {
    const onlyJoan = askedAboutJoan({ entities: [joan] });
    expect(read('What did he say?', [onlyJoan])).toMatchObject({
      kind: 'unclear',
      code: 'no-antecedent',
      message: 'I can’t tell who “he” is here: please use their name.',
    });
  });
});

describe('"who is she?"', () => {
  it('runs who on the person she stands for', () => {
    const followUp = run(read('who is she?'));
    expect(followUp.command).toBe('who');
    expect(followUp.options).toEqual({ name: 'Joan Smith' });
  });

  it('runs who on a name the story knows', () => {
    expect(run(read("Who's Tom Reed?")).options).toEqual({ name: 'Tom Reed' });
  });

  it('is a question about that person where no who command is offered', () => {
    expect(read('who is she?', [askedAboutJoan()], { hasWho: false })).toMatchObject({ kind: 'text', text: 'who is Joan Smith?' });
  });
});

describe('"what did he say next?"', () => {
  it('goes on from the first quotation of that speaker the latest answer showed', () => {
    const followUp = read('What did she say next?');
    expect(followUp).toMatchObject({ kind: 'next-quote', speaker: joan, from: { article: 'courier/1', quote: 'Prices will rise' } });
    expect(followUp.kind === 'next-quote' && followUp.seen).toEqual(askedAboutJoan().shown);
  });
});

describe('a period', () => {
  it('asks the last question again, in that period', () => {
    const followUp = run(read('and in 2019?'));
    expect(followUp.options.question).toBe('What did Joan Smith say about prices?');
    expect(followUp.focus.period).toEqual({ from: '2019', to: '2019', words: 'in 2019' });
    expect(followUp.readAs).toBe('In 2019 — following on from “What did Joan Smith say about prices?”');
  });
});

describe('"what about …?"', () => {
  it('puts a person in place of the person asked about', () => {
    expect(run(read('what about Tom Reed?')).options.question).toBe('What did Tom Reed say about prices?');
  });

  it('puts a topic in place of the topic', () => {
    expect(run(read('and wages?')).options.question).toBe('What did Joan Smith say about wages?');
  });

  it('asks the last command again of something else', () => {
    const who = askedAboutJoan({ command: 'who', options: { name: 'Joan Smith' }, subject: 'Joan Smith', concepts: [{ label: 'Joan Smith', kind: 'person' }] });
    const followUp = run(read('and Tom Reed?', [who]));
    expect(followUp.command).toBe('who');
    expect(followUp.options).toEqual({ name: 'Tom Reed' });
  });
});

describe('"more"', () => {
  it('runs the last question again without what was shown', () => {
    for (const text of ['more', 'More please', 'tell me more', 'anything else?']) {
      const followUp = run(read(text));
      expect(followUp.continues).toBe(true);
      expect(followUp.options).toEqual({ question: 'What did Joan Smith say about prices?' });
      expect([...(followUp.focus.exclude ?? [])]).toEqual(askedAboutJoan().shown);
    }
  });
});

describe('"more" after a command other than ask', () => {
  it('asks for more sentences on its subject, leaving out what was shown', () => {
    const who = askedAboutJoan({ command: 'who', options: { name: 'Joan Smith' }, subject: 'Joan Smith', concepts: [{ label: 'Joan Smith', kind: 'person' }] });
    const followUp = run(read('more', [who]));
    expect(followUp.command).toBe('ask');
    expect(followUp.options).toEqual({ question: 'Joan Smith' });
    expect([...(followUp.focus.exclude ?? [])]).toEqual(who.shown);
  });
});

describe('"source 2?"', () => {
  it('gives that source of the last answer', () => {
    for (const text of ['source 2?', "what's source 2", '[2]', 'citation #2']) {
      expect(read(text)).toMatchObject({ kind: 'source', source: { n: 2, article: 'post/4' } });
    }
  });

  it('says how many sources there were when the number is out of range', () => {
    expect(read('source 7')).toEqual({ kind: 'unclear', code: 'no-such-source', message: 'The last answer had 2 sources: ask for source 1 to 2.' });
  });
});

describe('a follow-up with nothing to follow', () => {
  it('asks for the whole question when the conversation has no turn', () => {
    for (const text of ['why?', 'more', 'source 2', 'and in 2019?', 'what did he say next?']) {
      const followUp = read(text, []);
      expect(followUp).toMatchObject({ kind: 'unclear', code: 'no-earlier-question' });
    }
  });

  it('says so when the conversation expired', () => {
    const followUp = read('why?', [], { expired: true });
    expect(followUp).toMatchObject({ kind: 'unclear', code: 'conversation-expired' });
    expect(followUp.kind === 'unclear' && followUp.message).toContain('idle for more than 30 minutes');
  });
});
