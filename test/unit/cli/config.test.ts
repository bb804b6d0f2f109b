import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, PROJECT_ROOT } from '../../../src/config.ts';

describe('loadConfig', () => {
  it('defaults the database and corpus to the project folder', () => {
    const config = loadConfig({}, '/somewhere/else');
    expect(config.db).toBe(resolve(PROJECT_ROOT, 'data/briefbot.db'));
    expect(config.corpus).toBe(resolve(PROJECT_ROOT, 'seeds'));
    expect(config.logLevel).toBeUndefined();
  });

  it('reads paths from the environment relative to the working folder', () => {
    const config = loadConfig({ BRIEFBOT_DB: 'x/brief.db', BRIEFBOT_CORPUS: '/abs/corpus' }, '/work/here');
    expect(config.db).toBe('/work/here/x/brief.db');
    expect(config.corpus).toBe('/abs/corpus');
  });

  it('keeps :memory: as it is and treats blank values as unset', () => {
    expect(loadConfig({ BRIEFBOT_DB: ':memory:' }).db).toBe(':memory:');
    expect(loadConfig({ BRIEFBOT_DB: '   ' }).db).toBe(resolve(PROJECT_ROOT, 'data/briefbot.db'));
  });

  it('accepts a log level in any case', () => {
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
  });

  it('names the variable and what to set when a value is bad', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL is "loud": set it to one of fatal, error, warn, info, debug, trace, silent/);
  });

  it('checks a time zone only when one is set', () => {
    expect(loadConfig({}).digests.timezone).toBe('Europe/London');
    expect(loadConfig({ BRIEFBOT_TIMEZONE: ' America/New_York ' }).digests.timezone).toBe('America/New_York');
    expect(() => loadConfig({ BRIEFBOT_TIMEZONE: 'Atlantis/Central' })).toThrow(/^BRIEFBOT_TIMEZONE is "Atlantis\/Central": set it to an IANA time zone/);
  });

  it('takes whole numbers within their bounds and names the bounds otherwise', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 's', SLACK_PORT: '3001' }).slack?.port).toBe(3001);
    expect(loadConfig({ BRIEFBOT_FEED_MAX_ITEMS: '500' }).web.maxItems).toBe(500);
    for (const bad of ['501', '0', '2.5', 'many', '']) {
      expect(() => loadConfig({ BRIEFBOT_FEED_MAX_ITEMS: bad })).toThrow(
        new RegExp(`^BRIEFBOT_FEED_MAX_ITEMS is ${JSON.stringify(bad)}: set it to articles fetched per poll of a feed`),
      );
    }
  });

  it('takes DATABASE_URL for PostgreSQL, and never echoes a bad one, which may hold a password', () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://bot:pw@db.internal:5432/briefbot' }).databaseUrl).toBe('postgres://bot:pw@db.internal:5432/briefbot');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://bot:s3cret@db/briefbot' })).toThrow(
      /^DATABASE_URL is not a PostgreSQL URL: set it to a PostgreSQL connection string/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://bot:s3cret@db/briefbot' })).not.toThrow(/s3cret/);
  });

  it('reads a test clock file relative to the working folder, with a sweep period', () => {
    expect(loadConfig({}).testClock).toBeUndefined();
    expect(loadConfig({ BRIEFBOT_TEST_CLOCK_FILE: 'clock', BRIEFBOT_TEST_SWEEP_MS: '40' }, '/tmp/t').testClock).toEqual({ file: '/tmp/t/clock', sweepMs: 40 });
    expect(loadConfig({ BRIEFBOT_TEST_CLOCK_FILE: '/c' }).testClock?.sweepMs).toBe(100);
  });
});

describe('Discord sharding settings', () => {
  const discord = (env: Record<string, string>) => loadConfig({ DISCORD_TOKEN: 't', ...env }).discord;

  it('runs one connection for the whole bot when DISCORD_SHARDS is unset', () => {
    expect(discord({})?.sharding).toBeUndefined();
  });

  it('takes auto, or a list of shard ids with the total count across replicas', () => {
    expect(discord({ DISCORD_SHARDS: 'auto' })?.sharding).toEqual({ shards: 'auto' });
    expect(discord({ DISCORD_SHARDS: '3, 1,1', DISCORD_SHARD_COUNT: '4' })?.sharding).toEqual({ shards: [1, 3], count: 4 });
  });

  it('refuses a list without a count, a shard outside the count, and words', () => {
    expect(() => discord({ DISCORD_SHARDS: '0,1' })).toThrow(/^DISCORD_SHARD_COUNT is missing: set it to the total number of shards/);
    expect(() => discord({ DISCORD_SHARDS: '0,4', DISCORD_SHARD_COUNT: '4' })).toThrow(
      /^DISCORD_SHARDS is "0,4": shard 4 is not below DISCORD_SHARD_COUNT \(4\)/,
    );
    expect(() => discord({ DISCORD_SHARDS: 'some' })).toThrow(/^DISCORD_SHARDS is "some": set it to auto, or the comma-separated shard ids/);
  });
});
