/**
 * Snowflake ids as Discord makes them (milliseconds since 2015 in the high bits), so
 * discord.js derives sensible `createdTimestamp`s and ids sort by creation time.
 */
const DISCORD_EPOCH = 1_420_070_400_000n;

export class SnowflakeSource {
  #increment = 0n;

  /** A new id, unique within this source: `next()` → `'1290845395419459584'`. */
  next(): string {
    const time = BigInt(Date.now()) - DISCORD_EPOCH;
    this.#increment = (this.#increment + 1n) & 0xfffn;
    // Worker 1, process 0: fixed, since only the increment must vary within a millisecond.
    return ((time << 22n) | (1n << 17n) | this.#increment).toString();
  }
}

/** A random interaction token: long, URL-safe and unguessable, like Discord's. */
export function interactionToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let token = 'aW50ZXJhY3Rpb246';
  for (let i = 0; i < 120; i += 1) token += alphabet[Math.floor(Math.random() * alphabet.length)];
  return token;
}
