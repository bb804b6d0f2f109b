/**
 * `npm run eval -- --feedback`: the votes people gave answers on Slack and Discord, read from
 * the bot's database (BRIEFBOT_DB, default data/briefbot.db): totals, then each vote, newest
 * first, with the question and the sources it is about.
 */
import type { FeedbackRecord } from '../../src/core/ports/answer-store.ts';
import type { Store } from '../../src/core/ports/store.ts';

/** More votes than this are counted, not listed. */
const LISTED = 200;

/** The report as text. `formatFeedback([], 'data/briefbot.db')` → 'No feedback yet in data/briefbot.db: …' */
export function formatFeedback(votes: readonly FeedbackRecord[], where: string): string {
  if (votes.length === 0) return `No feedback yet in ${where}: votes appear here once people click 👍 or 👎 under answers on Slack or Discord.`;
  const up = votes.filter((v) => v.vote === 'up').length;
  const down = votes.length - up;
  const wrong = votes.filter((v) => v.reason === 'wrong-source').length;
  const lines = [`Feedback in ${where}: ${votes.length} vote${votes.length === 1 ? '' : 's'}, ${up} 👍 and ${down} 👎 (${wrong} wrong source)`, ''];
  for (const vote of votes.slice(0, LISTED)) {
    const mark = vote.vote === 'up' ? '👍' : vote.reason === 'wrong-source' ? '👎 wrong source' : '👎';
    lines.push(`${vote.at.slice(0, 16).replace('T', ' ')}  ${vote.platform} ${vote.user}  ${mark}  ${vote.command}: ${vote.question ?? '(no question)'}`);
    for (const c of vote.citations)
      lines.push(
        `    [${c.n}] ${c.outlet ?? 'outlet unknown'}, ${c.published ?? 'date unknown'} (${c.article}): ${c.text.length > 100 ? `${c.text.slice(0, 99)}…` : c.text}`,
      );
  }
  if (votes.length > LISTED) lines.push('', `… and ${votes.length - LISTED} older votes.`);
  return lines.join('\n');
}

/** Reads every vote from the store. */
export async function readFeedback(store: Store): Promise<readonly FeedbackRecord[]> {
  return store.answers.feedback(100_000);
}
