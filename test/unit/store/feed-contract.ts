/**
 * The FeedStore contract (followed feeds, claimed polls, items seen): every Store engine must
 * pass it. Call `feedStoreContract('engine name', factory)` from the engine's test file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedOwner, PollOutcome } from '../../../src/core/ports/feed-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import type { StoreFactory } from './contract.ts';

const OWNER: FeedOwner = { platform: 'slack', workspace: 'T1', channel: 'C1', user: 'U1' };
const AT = '2026-03-05T09:00:00.000Z';
const LATER = '2026-03-05T09:15:00.000Z';
const failed = (reason: string): PollOutcome => ({ state: 'failed', reason, nextPollAt: LATER, pauseAfter: 2 });
const fetched: PollOutcome = { state: 'fetched', validators: { etag: '"v2"', lastModified: null }, title: 'Courier', kind: 'rss', items: 3, nextPollAt: LATER };

export function feedStoreContract(engine: string, factory: StoreFactory): void {
  describe(`the ${engine} store's feeds`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    const add = (url = 'https://courier.example/feed.xml', addedFrom: string | null = 'https://courier.example/') =>
      store.feeds.addFeed({ url, addedFrom, owner: OWNER, intervalMinutes: null, at: AT });

    it('follows a feed once, finds it by its address or the page it came from, and forgets it on remove', async () => {
      const { record, created } = await add();
      expect(created).toBe(true);
      expect(record).toMatchObject({ url: 'https://courier.example/feed.xml', owner: OWNER, nextPollAt: AT, failures: 0, paused: null, itemsSeen: 0 });
      expect((await add()).created).toBe(false);
      expect((await store.feeds.feed('https://courier.example/'))?.id).toBe(record.id);
      expect((await store.feeds.dueFeeds(AT)).map((f) => f.id)).toEqual([record.id]);
      expect((await store.feeds.removeFeed('https://courier.example/feed.xml'))?.id).toBe(record.id);
      expect(await store.feeds.feeds()).toEqual([]);
    });

    it('gives a poll to one claimant, hands it over only after its lease, and never once finished', async () => {
      const { record } = await add();
      const ref = { feed: record.id, slot: record.nextPollAt };
      expect(await store.feeds.claimPoll({ ...ref, owner: 'A', at: AT, leaseUntil: '2026-03-05T09:05:00.000Z' })).toBe(true);
      expect(await store.feeds.claimPoll({ ...ref, owner: 'B', at: '2026-03-05T09:01:00.000Z', leaseUntil: '2026-03-05T09:06:00.000Z' })).toBe(false);
      expect(await store.feeds.claimPoll({ ...ref, owner: 'B', at: '2026-03-05T09:06:00.000Z', leaseUntil: '2026-03-05T09:11:00.000Z' })).toBe(true);
      expect(await store.feeds.finishPoll(ref, 'A', fetched, AT)).toBeNull();
      expect(await store.feeds.finishPoll(ref, 'B', fetched, AT)).toMatchObject({
        paused: false,
        resumed: false,
        record: { title: 'Courier', kind: 'rss', itemsSeen: 3, nextPollAt: LATER, validators: { etag: '"v2"' } },
      });
      expect(await store.feeds.claimPoll({ ...ref, owner: 'C', at: LATER, leaseUntil: '2026-03-05T09:20:00.000Z' })).toBe(false);
    });

    it('pauses a feed on the failure that reaches the limit, once, and resumes it on a success', async () => {
      const { record } = await add();
      let slot = record.nextPollAt;
      const poll = async (outcome: PollOutcome, at: string) => {
        expect(await store.feeds.claimPoll({ feed: record.id, slot, owner: 'A', at, leaseUntil: LATER })).toBe(true);
        const done = await store.feeds.finishPoll({ feed: record.id, slot }, 'A', { ...outcome, nextPollAt: at }, at);
        slot = done!.record.nextPollAt;
        return done!;
      };
      expect(await poll(failed('HTTP 500'), '2026-03-05T09:01:00.000Z')).toMatchObject({
        paused: false,
        record: { failures: 1, lastError: { reason: 'HTTP 500' } },
      });
      expect(await poll(failed('HTTP 502'), '2026-03-05T09:02:00.000Z')).toMatchObject({
        paused: true,
        record: { failures: 2, paused: { reason: 'HTTP 502' } },
      });
      expect(await poll(failed('HTTP 503'), '2026-03-05T09:03:00.000Z')).toMatchObject({
        paused: false,
        record: { failures: 3, paused: { reason: 'HTTP 502' } },
      });
      expect(await poll(fetched, '2026-03-05T09:04:00.000Z')).toMatchObject({
        resumed: true,
        record: { failures: 0, paused: null, lastSuccessAt: '2026-03-05T09:04:00.000Z' },
      });
    });

    it('knows an item by any of its keys, whichever feed recorded it', async () => {
      const { record } = await add();
      await store.feeds.saveItem(
        ['guid:a1', 'url:https://courier.example/a'],
        record.id,
        { article: 'web/courier.example/a-123456', entryHash: 'h1', status: 'indexed', reason: null, attempts: 0 },
        AT,
      );
      expect(await store.feeds.seenItem(['url:https://courier.example/a'])).toEqual({
        article: 'web/courier.example/a-123456',
        entryHash: 'h1',
        status: 'indexed',
        reason: null,
        attempts: 0,
      });
      expect(await store.feeds.seenItem(['guid:other', 'guid:a1'])).toMatchObject({ article: 'web/courier.example/a-123456' });
      expect(await store.feeds.seenItem(['guid:unknown'])).toBeNull();
      await store.feeds.saveItem(
        ['url:https://courier.example/b'],
        null,
        { article: null, entryHash: 'h2', status: 'failed', reason: 'HTTP 404', attempts: 1 },
        AT,
      );
      expect(await store.feeds.seenItem(['url:https://courier.example/b'])).toMatchObject({ status: 'failed', reason: 'HTTP 404', attempts: 1 });
    });
  });
}
