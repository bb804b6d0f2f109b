/**
 * Hand-made sentences a writer might produce from the seed passages (seed-passages.ts),
 * labelled by a reader: `supported` when the cited passages state what the sentence says.
 * Written before the overlap threshold was chosen; the threshold test scores the checker
 * on them. Unsupported cases include ones no word-level checker can catch (a flipped
 * negation, a changed verb), so precision below 1 is the honest expectation.
 */
export interface LabelledSentence {
  readonly sentence: string;
  readonly supported: boolean;
  readonly why: string;
}

export const labelledSentences: readonly LabelledSentence[] = [
  // Supported: close wording.
  {
    supported: true,
    sentence: 'The Defence Secretary said he had very deep concerns about Huawei’s role in upgrading the UK’s mobile network [1].',
    why: 'restates 1',
  },
  { supported: true, sentence: 'Australia, New Zealand and the US have restricted Huawei technology in their 5G networks [2].', why: 'restates 2' },
  { supported: true, sentence: 'Huawei was founded by a former officer of the People’s Liberation Army [3].', why: 'restates 3' },
  { supported: true, sentence: 'Questions have been raised about the company’s links to the Chinese state [3].', why: 'restates 3' },
  { supported: true, sentence: 'Huawei strongly rejected the suggestion that it is a security threat [4].', why: 'restates 4' },
  { supported: true, sentence: 'The firm said it had “never been asked by any government to build any backdoors” [4].', why: 'verbatim partial quotation' },
  { supported: true, sentence: 'Huawei says it would never tolerate such behaviour by its staff [4].', why: 'restates 4' },
  {
    supported: true,
    sentence: 'Intelligence services in the United States, Canada, France and Germany have rejected Huawei’s 5G equipment [5].',
    why: 'restates 5',
  },
  {
    supported: true,
    sentence: 'U.S. officials told British ministers that giving Huawei access would be “nothing short of madness” [6].',
    why: 'restates 6 with its quotation',
  },
  { supported: true, sentence: 'A report claimed Huawei boosted the UK’s annual GDP by £1.7 billion in 2018 [8].', why: 'restates 8, amount written out' },
  { supported: true, sentence: 'Oxford Economics estimated that Huawei supports more than 26000 jobs in Britain [9].', why: 'restates 9' },
  { supported: true, sentence: 'The company invested £112m in research and development in the UK [10].', why: 'restates 10' },
  { supported: true, sentence: 'Huawei provided tax revenue of £470 million in 2018 [10].', why: 'restates 10' },
  {
    supported: true,
    sentence: 'The Home Office, the Ministry of Justice and the Crown Prosecution Service reportedly stopped using the devices [11].',
    why: 'restates 11',
  },
  { supported: true, sentence: 'Huawei was founded by Ren Zhengfei, a former PLA official [12].', why: 'restates 12' },
  {
    supported: true,
    sentence: 'The company has been banned from bidding for sensitive infrastructure contracts in the US and Australia [12].',
    why: 'restates 12',
  },
  { supported: true, sentence: 'Gavin Williamson was sacked as defence secretary after an investigation into the leak [13].', why: 'restates 13' },
  { supported: true, sentence: 'Williamson denied any involvement in the leak [13].', why: 'restates 13' },
  {
    supported: true,
    sentence: 'Dr Liang said Huawei was “willing to sign ‘no spy’ agreements with governments” [7].',
    why: 'verbatim quotation of the same article',
  },
  { supported: true, sentence: 'MI6 chief Alex Younger said the UK would have to make “some decisions” about such firms [14].', why: 'restates 14' },
  { supported: true, sentence: 'ITV News reported on 27 December 2018 that the Defence Secretary had concerns about Huawei [1].', why: 'outlet and date of 1' },
  { supported: true, sentence: 'In May 2019, Huawei offered to sign a no-spy deal with the UK [7].', why: 'title and date of 7' },
  {
    supported: true,
    sentence: 'The study estimated that the firm employs more than 300 people in research and development in the UK [10].',
    why: 'restates 10',
  },
  {
    supported: true,
    sentence: '“I have grave, very deep concerns about Huawei providing the 5G network in Britain,” Mr Williamson said [1].',
    why: 'verbatim quotation, right speaker',
  },
  // Supported: paraphrase.
  { supported: true, sentence: 'Several countries, including Australia and New Zealand, have restricted Huawei [2][5].', why: 'paraphrase of 2 and 5' },
  { supported: true, sentence: 'Williamson said Britain would look at the example set by those countries [2].', why: 'paraphrase of 2' },
  { supported: true, sentence: 'Officials feared the devices could contain eavesdropping bugs [11].', why: 'paraphrase of 11' },
  { supported: true, sentence: 'Huawei denied that it poses a security threat [4].', why: 'rejected → denied' },
  {
    supported: true,
    sentence: 'The UK’s defence chief voiced worries about the Chinese firm helping to upgrade the country’s mobile network [1].',
    why: 'heavy paraphrase of 1',
  },
  { supported: true, sentence: 'American diplomats warned Britain that letting Huawei in would be madness [6].', why: 'paraphrase of 6 and its title' },
  { supported: true, sentence: 'Britain’s allies have taken steps to block Huawei [14].', why: 'other governments → allies' },
  { supported: true, sentence: 'The UK is weighing whether to follow its allies’ restrictions on Huawei [2].', why: 'paraphrase of 2' },
  {
    supported: true,
    sentence: 'Huawei’s chairman said the firm was ready to agree a deal to ease suspicion that its equipment could be used for spying [7].',
    why: 'paraphrase of 7',
  },
  {
    supported: true,
    sentence: 'Western intelligence agencies have turned down Huawei’s 5G kit over its links to China’s security agency [5].',
    why: 'heavy paraphrase of 5 (China for Chinese)',
  },
  { supported: true, sentence: 'Huawei is barred from bidding for sensitive infrastructure work in Australia [12].', why: 'paraphrase of 12' },
  { supported: true, sentence: 'A study by Oxford Economics put Huawei’s support for UK jobs at more than 26,000 [9].', why: 'paraphrase of 9' },

  // Unsupported: facts the passages do not give.
  { supported: false, sentence: 'Canada and Japan have banned Huawei from their 5G networks [2].', why: 'countries not in 2' },
  { supported: false, sentence: 'Huawei boosted the UK’s GDP by £2.7bn in 2018 [8].', why: 'wrong amount' },
  { supported: false, sentence: 'Oxford Economics said Huawei supports 62,000 jobs [9].', why: 'wrong number' },
  { supported: false, sentence: 'Huawei was founded by Ren Zhengfei [3].', why: 'name from another passage' },
  { supported: false, sentence: 'Liang Hua said Huawei would shut down rather than spy for China [7].', why: 'not in 7' },
  { supported: false, sentence: 'Gavin Williamson praised Huawei’s 5G technology [2].', why: 'invented' },
  { supported: false, sentence: 'France has blocked Huawei equipment [6].', why: 'not in 6' },
  { supported: false, sentence: 'The report found Huawei employs 300 engineers in Germany [10].', why: 'Germany not in 10' },
  { supported: false, sentence: 'Huawei offered to sign a no-spy deal with the United States [11].', why: 'wrong passage' },
  { supported: false, sentence: 'The Crown Prosecution Service was hacked by Chinese spies [11].', why: 'invented' },
  { supported: false, sentence: 'Theresa May banned Huawei in 2019 [7].', why: 'invented' },
  { supported: false, sentence: 'Huawei supports more than 26,000 jobs in Germany [9].', why: 'wrong place' },
  { supported: false, sentence: 'Australia has rejected 5G equipment from Huawei [1].', why: 'wrong passage' },
  { supported: false, sentence: 'Huawei’s founder served in the Chinese navy [3].', why: 'navy not stated' },
  { supported: false, sentence: 'The UK government has approved Huawei for its entire 5G network [13].', why: 'invented' },
  { supported: false, sentence: 'Huawei provided £470m in tax revenue in 2017 [10].', why: 'wrong year' },
  { supported: false, sentence: 'More than 26,000 people work in Huawei’s research and development centres [9].', why: 'mixes figures' },
  { supported: false, sentence: 'Williamson said Huawei was “a threat to every home in Britain” [1].', why: 'fabricated quotation' },
  { supported: false, sentence: 'Alex Younger said he had “grave, very deep concerns” about Huawei [1].', why: 'quotation given to the wrong speaker' },
  { supported: false, sentence: 'The Defence Secretary said Huawei poses no security risk [1].', why: 'reverses 1' },
  { supported: false, sentence: 'US officials said Huawei equipment was safe to use [6].', why: 'reverses 6' },
  { supported: false, sentence: 'The Chinese state has never asked Huawei for data [3].', why: 'not in 3' },
  { supported: false, sentence: 'Huawei’s equipment is used in every British home [11].', why: 'invented' },
  { supported: false, sentence: 'The Home Office signed a new contract with Huawei for video conferencing [11].', why: 'opposite of 11' },
  { supported: false, sentence: 'Huawei paid a fine for spying on other countries [7].', why: 'invented' },
  { supported: false, sentence: 'The MSS owns a stake in Huawei’s networks business [5].', why: 'invented' },
  { supported: false, sentence: 'Mobile networks across the UK will be shut down next year [1].', why: 'invented' },
  { supported: false, sentence: 'The security threat from Chinese technology firms is growing every year [4].', why: 'invented' },
  { supported: false, sentence: 'Officials say the ministers have already decided to allow Huawei into the core network [6].', why: 'invented' },
  { supported: false, sentence: 'Oxford Economics is owned by Huawei [9].', why: 'co-authored ≠ owned' },
  // Unsupported in ways words cannot show: a checker at word level passes some of these.
  { supported: false, sentence: 'Huawei has been asked by governments to build backdoors [4].', why: 'negation flipped' },
  { supported: false, sentence: 'The UK has banned Huawei from its 5G network [2].', why: 'look at ≠ ban' },
  { supported: false, sentence: 'Officials said the devices contained eavesdropping bugs [11].', why: 'could contain ≠ contained' },
  { supported: false, sentence: 'Alex Younger said the UK had already decided to block Huawei [14].', why: 'would have to decide ≠ decided' },
];
