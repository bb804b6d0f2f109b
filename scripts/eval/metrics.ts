/**
 * A scored line of the eval table, and the table itself. Suites (the seed index today,
 * questions later) each return metrics; the runner prints them together.
 */

export interface Metric {
  readonly name: string;
  /** As shown: "22/23". */
  readonly score: string;
  /** As shown: "≥ 21", "0". */
  readonly target: string;
  readonly pass: boolean;
}

/** A metric with a count out of a total that must be at least `min`. */
export function atLeast(name: string, value: number, total: number, min: number): Metric {
  return { name, score: `${value}/${total}`, target: min === total ? `${total}/${total}` : `≥ ${min}`, pass: value >= min };
}

/** A metric with a count out of a total that must be at most `max` (usually 0). */
export function atMost(name: string, value: number, total: number, max: number): Metric {
  return { name, score: `${value}/${total}`, target: max === 0 ? '0' : `≤ ${max}`, pass: value <= max };
}

/**
 * The metrics as an aligned text table.
 *
 * @example formatTable([{ name: 'Titles right', score: '5/5', target: '5/5', pass: true }])
 *   → 'Metric        Score  Target  \nTitles right  5/5    5/5     ok'
 */
export function formatTable(metrics: readonly Metric[]): string {
  const rows = [['Metric', 'Score', 'Target', ''], ...metrics.map((m) => [m.name, m.score, m.target, m.pass ? 'ok' : 'FAIL'])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')).join('\n');
}
