/**
 * Replies as commands would return them, about an invented story (a harbour dredging scheme
 * and its costs) reported by invented outlets. No network, no seeds.
 */
import type { Citation, Reply, ReplyPart, TextPart } from '../../../src/core/reply.ts';

export const courier: Citation = {
  n: 1,
  article: 'calderbay-courier-0412',
  outlet: 'Calderbay Courier',
  title: 'Harbour board backs £14m dredging scheme',
  published: '2021-03-09',
  url: 'https://courier.example/news/2021/03/harbour-dredging?ref=rss&page=2',
  text: 'The harbour board approved the dredging scheme on Tuesday by six votes to two.',
  sentence: 3,
};

export const ledger: Citation = {
  n: 2,
  article: 'northern-ledger-7781',
  outlet: 'Northern Ledger',
  title: 'Dredging plan wins narrow vote',
  published: '2021-03',
  url: 'https://ledger.example/business/dredging-plan-wins-narrow-vote',
  text: '"We cannot wait another winter," said Ines Kowalczyk, the harbour master.',
};

/** A copy whose outlet, date and link nobody recorded. */
export const unknownSource: Citation = {
  n: 3,
  article: 'pasted-0003',
  outlet: null,
  title: 'Dredging: what happens next',
  published: null,
  url: null,
  text: 'Work is expected to begin in the autumn once the licence is granted.',
};

export const smallReply: Reply = {
  title: 'What did the harbour board decide?',
  parts: [
    { kind: 'text', text: 'The harbour board approved the dredging scheme on Tuesday by six votes to two.', cites: [1, 2] },
    { kind: 'text', text: 'Work is expected to begin in the autumn once the licence is granted.', cites: [3] },
    {
      kind: 'quote',
      text: 'We cannot wait another winter.',
      speaker: 'Ines Kowalczyk',
      role: 'harbour master',
      cites: [2],
      variants: [{ text: 'We can not wait for another winter.', cites: [1] }],
    },
    { kind: 'quote', text: 'The figures do not add up.', speaker: null, role: null, cites: [3] },
  ],
  citations: [courier, ledger, unknownSource],
  mode: 'extractive',
};

export const nothingFound: Reply = {
  parts: [],
  citations: [],
  notice: 'Nothing on that in the indexed coverage.',
};

const OUTLETS = ['Calderbay Courier', 'Northern Ledger', 'Maritime Week', 'Coastline Radio', null, 'The Estuary Post'];
const TOPICS = ['the dredging licence', 'the silt disposal site', 'the council loan', 'the ferry timetable', 'the fishing fleet', 'the marina expansion'];

/** Sixty sources over 2015–2022, some with no outlet, date or link. */
export function manyCitations(count = 60): Citation[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const year = 2015 + (i % 8);
    const month = String((i % 12) + 1).padStart(2, '0');
    return {
      n,
      article: `article-${String(n).padStart(3, '0')}`,
      outlet: OUTLETS[i % OUTLETS.length] ?? null,
      title: `Harbour report ${n}: questions over ${TOPICS[i % TOPICS.length]}`,
      published: i % 7 === 3 ? null : i % 5 === 0 ? `${year}-${month}` : `${year}-${month}-${String((i % 27) + 1).padStart(2, '0')}`,
      url: i % 9 === 4 ? null : `https://news${i % 4}.example/harbour/${year}/${month}/report-${n}?utm=feed&id=${n}`,
      text: `Report ${n} said the board had discussed ${TOPICS[i % TOPICS.length]} at length.`,
    };
  });
}

/** A sentence of about 250 characters that no other call repeats. */
function sentence(i: number): string {
  const topic = TOPICS[i % TOPICS.length] ?? 'the harbour';
  return (
    `In paragraph ${i}, the harbour board heard that ${topic} had cost ${100 + i} thousand pounds more than planned, ` +
    `and councillors asked (not for the first time) why the figures reported in spring differed from those given to the ` +
    `audit committee in item ${i}.`
  );
}

function citesFor(i: number, count: number): number[] {
  const first = (i % count) + 1;
  return i % 3 === 0 ? [first, ((i + 17) % count) + 1] : [first];
}

/**
 * A reply far over every platform's limits: about 25,000 characters of answer in 80 cited
 * sentences, a 6,000-character paragraph, a 5,000-character quotation, a 3,500-character word,
 * a run of emoji, twelve fields and sixty sources.
 */
export function longReply(): Reply {
  const citations = manyCitations(60);
  const parts: ReplyPart[] = [];
  for (let i = 0; i < 40; i++) parts.push({ kind: 'text', text: sentence(i), cites: citesFor(i, 60) });
  parts.push({ kind: 'heading', text: 'The long view' });
  parts.push({
    kind: 'text',
    text: Array.from({ length: 24 }, (_, k) => sentence(1000 + k)).join(' '),
    cites: [60, 59],
  });
  parts.push({
    kind: 'quote',
    text:
      Array.from({ length: 20 }, (_, k) => `Quoted sentence ${k}: we told the board in meeting ${k} that the silt would have to go somewhere.`).join(' ') +
      ' ' +
      Array.from({ length: 20 }, (_, k) => sentence(2000 + k)).join(' '),
    speaker: 'Ines Kowalczyk',
    role: 'harbour master',
    cites: [2, 5],
    variants: [{ text: 'We told the board the silt had to go somewhere.', cites: [7] }],
  });
  for (let i = 0; i < 12; i++) parts.push({ kind: 'field', label: `Vote ${i + 1}`, value: `${6 + (i % 3)} for, ${2 + (i % 2)} against` });
  parts.push({
    kind: 'lines',
    lines: ['Licence reference:', `L${'0123456789ABCDEF'.repeat(220)}`, `Reactions: ${'🙂🚢'.repeat(900)}`],
  });
  for (let i = 40; i < 80; i++) parts.push({ kind: 'text', text: sentence(i), cites: citesFor(i, 60) });
  return { title: 'Everything reported about the harbour dredging scheme', parts, citations, mode: 'llm' };
}

/** Article text that tries to ping, link, format and quote. */
export const HOSTILE = {
  everyone: 'Staff were told: @everyone must leave the quay.',
  here: 'A notice read "@here, attention".',
  role: 'The memo was addressed to <@&123456789012345678> and <@!42> and <#99>.',
  slack: 'The leaked chat said <!channel> <!here> <!everyone> <@U024BE7LH> <#C024BE7LR> <!subteam^S012AB3CD>.',
  bold: 'The chairman said it was **bold** and _brave_ and ~~final~~.',
  code: 'The engineer pasted ```rm -rf /``` and `sudo` into the report.',
  link: 'Readers were urged to [click](http://evil.example/steal) for details.',
  quoteLine: '> This line pretends to be a quotation.',
  heading: '# This line pretends to be a heading',
  subtext: '-# tiny print',
  list: '1. first item',
  spoiler: '||hidden||',
  slackLink: '<http://evil.example|Official statement>',
  entity: 'Fish &amp; chips &lt;b&gt;',
} as const;

export const hostileCitation: Citation = {
  n: 1,
  article: 'hostile-1',
  outlet: 'Evil **Outlet** @everyone <!channel>',
  title: '[Breaking](http://evil.example) <@&123> `news` | more',
  published: '2022-07-01',
  url: 'https://evil.example/story?x=1&y=<script>|pipe',
  text: HOSTILE.everyone,
};

export const hostileReply: Reply = {
  title: 'Briefing @everyone <!here> **now**',
  notice: 'Results for "<@U024BE7LH> *bold*"',
  parts: [
    ...Object.values(HOSTILE).map((text): TextPart => ({ kind: 'text', text, cites: [1] })),
    { kind: 'quote', text: HOSTILE.role, speaker: '@here <!channel>', role: '**chief** `exec`', cites: [1] },
    { kind: 'field', label: 'Outlet', value: HOSTILE.slack },
    { kind: 'lines', lines: [HOSTILE.quoteLine, HOSTILE.heading, HOSTILE.link] },
  ],
  citations: [hostileCitation],
};

/** Answer text of a reply, part by part, as it must survive rendering. */
export function answerTexts(reply: Reply): string[] {
  return reply.parts.flatMap((part) => {
    switch (part.kind) {
      case 'text':
      case 'heading':
        return [part.text];
      case 'quote':
        return [part.text, ...(part.variants ?? []).map((variant) => variant.text)];
      case 'field':
        return [part.label, part.value];
      case 'lines':
        return [...part.lines];
    }
  });
}
