/**
 * `feeds`: what is followed, with each feed's health: when it last worked, its last error,
 * how many items it carried when last read, and whether it is paused.
 */
import { defineCommand } from '../src/core/define-command.ts';
import { UserError } from '../src/core/errors.ts';
import type { FeedRecord } from '../src/core/ports/feeds.ts';

export const feeds = defineCommand({
  name: 'feeds',
  description: 'The feeds followed, with when each last worked, its last error and whether it is paused',
  options: [],
  examples: ['feeds'],
  surfaces: ['chat', 'cli'],
  async run(_options, { feeds: service }) {
    if (!service) throw new UserError('no-feeds', 'This process does not fetch from the web.');
    const list = await service.list();
    if (list.length === 0)
      return {
        parts: [{ kind: 'lines', lines: ['No feeds are followed. Follow one with: add https://news.example/feed.xml'] }],
        citations: [],
        data: { feeds: [] },
      };
    return {
      title: `${list.length} feed${list.length === 1 ? '' : 's'} followed`,
      parts: list.flatMap((feed) => [
        // The address on a line of its own: terminals show headings in capitals, and it must stay copyable.
        { kind: 'heading' as const, text: feed.title ?? 'Untitled feed' },
        { kind: 'lines' as const, lines: [feed.url, ...healthLines(feed, service.defaultIntervalMinutes)] },
      ]),
      citations: [],
      data: { feeds: list.map((feed) => ({ ...feed })) },
    };
  },
});

function healthLines(feed: FeedRecord, defaultInterval: number): string[] {
  return [
    ...(feed.paused ? [`PAUSED since ${when(feed.paused.at)}: ${feed.paused.reason} (tried hourly; add ${feed.url} tries it now)`] : []),
    `every ${feed.intervalMinutes ?? defaultInterval} minutes; next check ${when(feed.nextPollAt)}`,
    `last success: ${feed.lastSuccessAt ? when(feed.lastSuccessAt) : 'never'}`,
    `last error: ${feed.lastError ? `${when(feed.lastError.at)}: ${feed.lastError.reason}` : 'none'}${feed.failures > 0 ? ` (${feed.failures} in a row)` : ''}`,
    `items in the feed at the last check: ${feed.itemsSeen}`,
  ];
}

/** "2026-03-02 08:30 UTC" */
function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
