/**
 * The briefs section of `npm run eval`: ROUGE tables for each BBC News Summary sample when
 * BBC_SUMMARY_REPO names the data set, or a line saying how to get it when it does not (the
 * rest of the eval goes on either way).
 */
import { formatTable } from './metrics.ts';
import { SummaryRepoError } from './bbc-summaries.ts';
import { runSummaryEval, type SummarySampleResult } from './summary-suite.ts';

const HOW_TO_GET =
  'Briefs on BBC News Summary: skipped. To score them, clone https://github.com/Ainedembe-Denis/BBC-News-Summary-ML-DL-Project ' +
  'and set BBC_SUMMARY_REPO to the clone (a checkout or a bare git directory).';

/** One sample's ROUGE table. */
export function formatSummarySample(result: SummarySampleResult): string {
  const lines = [
    `${result.name}: ${result.articles} articles; references ${result.meanReferenceSentences.toFixed(1)} sentences, ` +
      `${result.meanReferenceWords.toFixed(0)} words on average; the brief shows ${result.meanBriefSentences.toFixed(1)} points`,
    `${''.padEnd(44)}ROUGE-1 F  ROUGE-2 F`,
  ];
  for (const section of result.sections) {
    lines.push(`  ${section.heading}`);
    for (const r of section.rows) lines.push(`    ${r.label.padEnd(40)}${r.rouge1.toFixed(1).padStart(9)}  ${r.rouge2.toFixed(1).padStart(9)}`);
  }
  return lines.join('\n');
}

/**
 * The section's lines and whether every sample's brief is above TextRank at every length.
 * A missing data set passes (there is nothing to score); an unreadable one fails, saying why.
 */
export async function summarySection(repo: string | null): Promise<{ lines: string[]; pass: boolean }> {
  if (repo === null) return { lines: [HOW_TO_GET], pass: true };
  let results: SummarySampleResult[];
  try {
    results = await runSummaryEval(repo);
  } catch (error) {
    if (!(error instanceof SummaryRepoError)) throw error;
    return { lines: [`Briefs on BBC News Summary: ${error.message}`], pass: false };
  }
  const lines = ['Briefs on BBC News Summary (ROUGE F, × 100)'];
  for (const result of results) lines.push('', formatSummarySample(result), '', formatTable(result.metrics));
  return { lines, pass: results.every((result) => result.metrics.every((m) => m.pass)) };
}
