/**
 * `remove URL`: stop following a feed (by its address, or the page it was added through).
 * Articles already indexed from it stay.
 */
import { defineCommand } from '../src/core/define-command.ts';
import { UserError } from '../src/core/errors.ts';
import { unwrapLink } from '../src/ingest/web/fetch/url-policy.ts';

export const remove = defineCommand({
  name: 'remove',
  description: 'Stop following a feed; what it brought stays indexed',
  options: [{ name: 'url', type: 'string', description: 'the address of the feed (as feeds lists it)', rest: true, required: true, maxLength: 2000 }],
  examples: ['remove https://news.example/world/rss.xml'],
  surfaces: ['chat', 'cli'],
  admin: true,
  async run({ url: given }, { feeds }) {
    if (!feeds) throw new UserError('no-feeds', 'This process does not fetch from the web.');
    const url = unwrapLink(given);
    const removed = await feeds.remove(url);
    if (!removed) throw new UserError('unknown-feed', `No followed feed has the address ${url.slice(0, 200)}; feeds lists them.`);
    return {
      parts: [{ kind: 'lines', lines: [`Stopped following ${removed.title ?? removed.url}. Its articles stay indexed.`] }],
      citations: [],
      data: { removed: { ...removed } },
    };
  },
});
