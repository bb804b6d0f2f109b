/**
 * Numbered passages and stored quotations taken verbatim from the seed articles, as the
 * retrieval stage would hand them to the writer. Test fixtures only.
 */
import type { Citation } from '../../../src/core/reply.ts';
import type { StoredText } from '../../../src/llm/evidence.ts';

type Meta = Omit<Citation, 'n' | 'text'>;

const ITV: Meta = {
  article: '000_027e3a3643333b23',
  outlet: 'ITV News',
  published: '2018-12-27',
  url: null,
  title: 'Williamson has ‘grave’ concerns over Chinese telecom giant Huawei',
};
const NEW_EUROPE: Meta = {
  article: '001_6b57bea067aa5b4f',
  outlet: 'New Europe',
  published: null,
  url: null,
  title: 'British Defence Secretary Gavin Williamson has expressed “deep concerns” about digital Chinese giant Huawei',
};
const FIVE_G: Meta = {
  article: '002_f3f2e613ff61652a',
  outlet: null,
  published: null,
  url: null,
  title: 'UK allowing Huawei into 5G networks would be ‘madness’ says U.S.',
};
const ET: Meta = {
  article: '003_2e2cbdb3f6984a59',
  outlet: 'E&T (Engineering and Technology)',
  published: '2019-05',
  url: null,
  title: 'Huawei offers to sign ‘no spying’ deal for UK',
};
const SCMP: Meta = {
  article: '004_684b3eebdcbad4b5',
  outlet: 'South China Morning Post',
  published: '2014-01-14',
  url: null,
  title: 'British government drops Huawei devices amid security concerns',
};

const texts: readonly [Meta, string][] = [
  [ITV, 'The Defence Secretary has said he has “very deep concerns” about Chinese technology firm Huawei being involved in upgrading the UK’s mobile network.'],
  [
    ITV,
    'Australia, New Zealand and the US have restricted use of Huawei technology in 5G mobile networks and Mr Williamson said the UK would look at their example.',
  ],
  [ITV, 'Huawei was founded by a former officer in the People’s Liberation Army and questions have been raised about the firm’s links to the Chinese state.'],
  [
    ITV,
    'The firm has strongly rejected any suggestion that it poses a security threat and said in a statement that it had “never been asked by any government to build any backdoors or interrupt any networks, and we would never tolerate such behaviour by any of our staff”.',
  ],
  [
    NEW_EUROPE,
    'The intelligence services of the United States, Australia, Canada, New Zealand, France, and Germany have all rejected 5G equipment from Huawei after voicing similar concerns about its links to the MSS – the Chinese Communist Party’s powerful intelligence and security agency.',
  ],
  [
    FIVE_G,
    'But on a recent diplomatic visit to the UK it is believed that U.S. officials have upped the ante, telling British ministers that giving access to the Chinese tech giant would be “nothing short of madness”.',
  ],
  [
    ET,
    "During a visit to the UK, chairman Dr Liang Hua said the company was prepared to agree to a deal to fend off the growing suspicion that its equipment could be used by the Chinese state as a 'back door' route that faciliated spying on other countries.",
  ],
  [ET, 'Earlier this week, a report claimed that Huawei boosted the UK’s annual GDP by £1.7bn in 2018.'],
  [
    ET,
    'The study, conducted by quantitative analysis firm Oxford Economics - which previously co-authored a report with Huawei in 2017 - estimated that the Chinese firm supports more than 26,000 jobs in the UK.',
  ],
  [
    ET,
    'It also said the company had invested £112m in research and development in the UK, employing more than 300 people, and that the firm provided a tax revenue of £470m in 2018.',
  ],
  [
    SCMP,
    'The Home Office, Ministry of Justice and Crown Prosecution Service are all said to have stopped using the devices during meetings amid fears that the devices could contain eavesdropping bugs.',
  ],
  [SCMP, 'Huawei, founded by a former PLA official Ren Zhengfei, has been banned from bidding for sensitive infrastructure contracts in the US and Australia.'],
  [
    ET,
    'Following an investigation into the leak, defence secretary Gavin Williamson was sacked from his cabinet position, although he denied any involvement in the affair.',
  ],
  [
    ITV,
    'The head of MI6, Alex Younger, recently said the UK would have to make “some decisions” about such firms after other governments had taken steps to block Huawei.',
  ],
];

export const seedPassages: readonly Citation[] = texts.map(([meta, text], i) => ({ n: i + 1, ...meta, text }));

export const seedQuotations: readonly StoredText[] = [
  { article: ITV.article, speaker: 'Gavin Williamson', text: 'very deep concerns' },
  {
    article: ITV.article,
    speaker: 'Gavin Williamson',
    text: 'I have grave, very deep concerns about Huawei providing the 5G network in Britain. It’s something we’d have to look at very closely,',
  },
  {
    article: ITV.article,
    speaker: 'Gavin Williamson',
    text: 'We’ve got to look at what partners such as Australia and the US are doing in order to ensure that they have the maximum security of that 5G network and we’ve got to recognise the fact, as has been recently exposed, that the Chinese state does sometimes act in a malign way.',
  },
  { article: ITV.article, speaker: 'Alex Younger', text: 'some decisions' },
  {
    article: ITV.article,
    speaker: 'Huawei',
    text: 'never been asked by any government to build any backdoors or interrupt any networks, and we would never tolerate such behaviour by any of our staff',
  },
  { article: NEW_EUROPE.article, speaker: 'Gavin Williamson', text: 'We have to recognise the fact … that the Chinese government sometimes acts maliciously,' },
  { article: FIVE_G.article, speaker: 'US officials', text: 'nothing short of madness' },
  {
    article: ET.article,
    speaker: 'Liang Hua',
    text: 'We are willing to sign ‘no spy’ agreements with governments, including the UK Government, to commit ourselves, to commit our equipment to meeting the no spy, no back door standards,',
  },
  { article: ET.article, speaker: 'Jens Stoltenberg', text: 'This is a concern that all allies are addressing. These are of course national decisions,' },
  {
    article: SCMP.article,
    speaker: null,
    text: 'We are looking into the possibility some equipment might have been sold to these departments through a third party but we have not sold such devices directly,',
  },
];
