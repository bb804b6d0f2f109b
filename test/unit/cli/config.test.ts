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

  it('reads whole numbers in range and names the setting when one is not', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_PORT: ' 8080 ' }).slack?.port).toBe(8080);
    expect(loadConfig({ BRIEFBOT_FEED_MAX_ITEMS: '500' }).web.maxItems).toBe(500);
    for (const value of ['501', '0', '2.5', 'ten', '', 'Infinity']) {
      expect(() => loadConfig({ BRIEFBOT_FEED_MAX_ITEMS: value })).toThrow(
        `BRIEFBOT_FEED_MAX_ITEMS is ${JSON.stringify(value)}: set it to articles fetched per poll of a feed, newest first, e.g. 20, or unset it`,
      );
    }
  });

  it('takes choices exactly as written and names the first bad setting', () => {
    expect(loadConfig({ BRIEFBOT_DIGEST_MISSED: 'skip' }).digests.missed).toBe('skip');
    expect(() => loadConfig({ BRIEFBOT_DIGEST_MISSED: 'Skip' })).toThrow(/^BRIEFBOT_DIGEST_MISSED is "Skip": set it to catch-up or skip, or unset it$/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud', POLNEAR_SPLIT: 'test' })).toThrow(/^POLNEAR_SPLIT is "test"/);
  });

  it('checks a time zone only when one is set', () => {
    expect(loadConfig({}).digests.timezone).toBe('Europe/London');
    expect(loadConfig({ BRIEFBOT_TIMEZONE: 'Asia/Tokyo' }).digests.timezone).toBe('Asia/Tokyo');
    expect(() => loadConfig({ BRIEFBOT_TIMEZONE: 'Mars/Base' })).toThrow(/^BRIEFBOT_TIMEZONE is "Mars\/Base": set it to an IANA time zone/);
  });
});
