/**
 * The pieces every platform link is made of: the backoff, the monitor that logs each change of
 * state once, and the loop that keeps trying until the platform answers or refuses.
 */
import { describe, expect, it } from 'vitest';
import { backoffBase, backoffDelay, DEFAULT_BACKOFF } from '../../../src/adapters/link/backoff.ts';
import { keepTrying } from '../../../src/adapters/link/keep-trying.ts';
import { LinkMonitor } from '../../../src/adapters/link/link-monitor.ts';
import { PlatformRefusedError } from '../../../src/core/adapter.ts';
import { ManualWaits } from '../../support/manual-waits.ts';
import { recordingLogger } from '../../support/recording-logger.ts';

describe('the backoff', () => {
  it('doubles from one second to thirty and stays there, within its jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffBase(DEFAULT_BACKOFF, n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(backoffDelay(DEFAULT_BACKOFF, 3, () => 0.5)).toBe(4_000);
    expect(backoffDelay(DEFAULT_BACKOFF, 3, () => 0)).toBe(3_200);
    expect(backoffDelay(DEFAULT_BACKOFF, 9, () => 1)).toBe(30_000);
  });
});

describe('the link monitor', () => {
  it('logs each change of state once, not each failed attempt', () => {
    const log = recordingLogger();
    const link = new LinkMonitor('Slack', log.logger);
    const told: string[] = [];
    link.onConnected(() => told.push('up'));
    link.up();
    link.down('no connection (connect ECONNREFUSED)');
    for (const [wait, base] of [
      [900, 1_000],
      [2_100, 2_000],
      [29_000, 30_000],
      [31_000, 30_000],
      [26_000, 30_000],
    ] as const) {
      link.retrying(wait, base);
      link.down('no connection (connect ECONNREFUSED)');
    }
    link.down('HTTP 502');
    link.retrying(30_000, 30_000);
    link.up();
    link.up();
    expect(log.lines.map((line) => line.msg)).toEqual([
      'connected to Slack',
      'disconnected from Slack',
      'reconnecting to Slack in 1 s',
      'reconnecting to Slack in 2 s',
      'reconnecting to Slack in 29 s',
      'Slack still unreachable, for another reason',
      'reconnecting to Slack in 30 s',
      'reconnected to Slack',
    ]);
    expect(told).toEqual(['up', 'up']);
  });

  it('resolves refused once, and says nothing more after it', async () => {
    const log = recordingLogger();
    const link = new LinkMonitor('Discord', log.logger);
    const refusal = new PlatformRefusedError('Discord', 'DISCORD_TOKEN', '401 Unauthorized', 'set it');
    link.refusedWith(refusal);
    link.down('anything');
    link.up();
    await expect(link.refused).resolves.toBe(refusal);
    expect(link.state).toBe('refused');
    expect(log.lines).toEqual([]);
  });
});

describe('keepTrying', () => {
  const refusal = new PlatformRefusedError('Slack', 'SLACK_BOT_TOKEN', 'invalid_auth', 'set it');

  it("tries at the backoff's times until the platform answers, then says it is up", async () => {
    const waits = new ManualWaits();
    const link = new LinkMonitor('Slack', recordingLogger().logger, () => waits.now());
    let attempts = 0;
    const done = keepTrying(
      async () => {
        attempts += 1;
        if (attempts < 5) throw new Error('connect ECONNREFUSED');
      },
      0,
      {
        monitor: link,
        backoff: { ...DEFAULT_BACKOFF, jitter: 0 },
        waits,
        classify: (error) => ({ cause: String(error) }),
        signal: new AbortController().signal,
      },
    );
    await waits.advance(60_000, () => link.state === 'connected');
    expect(await done).toBe('connected');
    expect(attempts).toBe(5);
    expect(waits.asked).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('stops at a refusal, telling the monitor, and when the adapter stops', async () => {
    const waits = new ManualWaits();
    const link = new LinkMonitor('Slack', recordingLogger().logger);
    const deps = { monitor: link, backoff: DEFAULT_BACKOFF, waits, classify: () => ({ refused: refusal }), signal: new AbortController().signal };
    await expect(keepTrying(() => Promise.reject(new Error('no')), 0, deps)).rejects.toBe(refusal);
    await expect(link.refused).resolves.toBe(refusal);

    const stopping = new AbortController();
    const other = new LinkMonitor('Slack', recordingLogger().logger);
    const trying = keepTrying(() => Promise.reject(new Error('no')), 1, {
      ...deps,
      monitor: other,
      classify: () => ({ cause: 'no' }),
      signal: stopping.signal,
    });
    stopping.abort();
    expect(await trying).toBe('stopped');
  });
});
