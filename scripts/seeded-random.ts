/**
 * A small seeded generator (mulberry32): the same seed gives the same numbers every run, so a
 * generated corpus or query set, and a failure found with it, can be replayed. For tests and
 * bench scripts; nothing in the bot needs it.
 * @example const next = seededRandom(7); next() // a number in [0, 1), the same for seed 7 every time
 */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
