/**
 * The per-day token budget (BRIEFBOT_LLM_DAILY_TOKENS). Days are UTC days of the injected
 * clock. The ledger is a port so the composition root can keep the count somewhere shared
 * (the store) when several replicas run; the default keeps it in memory for this process.
 */

export interface TokenLedger {
  /** Tokens spent on the given UTC day ('2019-05-14'). */
  spent(day: string): number;
  add(day: string, tokens: number): void;
}

/**
 * The UTC day of a date.
 * @example utcDay(new Date('2019-05-14T23:30:00-02:00')) // '2019-05-15'
 */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A ledger in memory, forgetting earlier days as a new one starts. */
export function createMemoryLedger(): TokenLedger {
  let day = '';
  let total = 0;
  return {
    spent: (d) => (d === day ? total : 0),
    add(d, tokens) {
      if (d !== day) {
        day = d;
        total = 0;
      }
      total += tokens;
    },
  };
}

/**
 * A rough token count for text when the endpoint reports none: about four characters a
 * token for English, rounded up.
 * @example estimateTokens('Acme denied it.') // 5
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
