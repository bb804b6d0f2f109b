/**
 * Long answers on a 100-article corpus, end to end on both platforms' fakes, with the cap set
 * to one message (SLACK_MAX_MESSAGES / DISCORD_MAX_MESSAGES) so that the corpus's replies
 * page: a reply becomes at most that many messages, the last with a More button; each click
 * takes the used button off and posts the next page; every article is listed once across the
 * pages, and once More is gone there is nothing left to click. (The contract suite pages a
 * longer reply at the default cap of three.) A button of an older version, a vote on an answer no
 * longer kept and a second click each get a short private reply and store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import { systemClock } from '../../src/core/clock.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { ingestStory, type StoryArticle } from '../unit/compose/story.ts';
import type { AdapterHarness } from '../contract/adapter-contract.ts';
import { BOB, startDiscord, visibleText as visibleDiscord, type DiscordRig } from './discord-harness.ts';
import { CHANNEL, startSlack, visibleText as visibleSlack, type SlackRig } from './slack-harness.ts';

/** A hundred outlets on one invented event, each article with its own date and a quotation. */
function hundredArticles(): StoryArticle[] {
  return Array.from({ length: 100 }, (_, i) => {
    const n = i + 1;
    const day = String((i % 28) + 1).padStart(2, '0');
    return {
      id: `report-${String(n).padStart(3, '0')}`,
      outlet: `Harbour Outlet ${n}`,
      published: `2025-${String((i % 12) + 1).padStart(2, '0')}-${day}`,
      text: `Dredging report ${n} from the Port Ellis harbour

Dredgers removed silt from the Port Ellis harbour channel on day ${n} of the works, report ${n} says.

"The channel is deeper than it has been for years," harbour master Tom Reed told reporter ${n}.

The works are due to finish before the autumn storms.`,
    };
  });
}

async function pagesOf(harness: AdapterHarness, first: readonly { text: string }[]): Promise<string[][]> {
  const pages: string[][] = [first.map((m) => m.text)];
  for (let i = 0; i < 200; i++) {
    const next = await harness.click(/^More/);
    if (next.length === 0) break;
    pages.push(next.map((m) => m.text));
  }
  return pages;
}

/** A harness that can also click a button carrying any payload (an older version's, say). */
type PagingHarness = AdapterHarness & { rawClick(payload: string): Promise<string> };

function pagingSuite(name: string, start: (store: Store) => Promise<PagingHarness>): void {
  describe(`a long answer on ${name}, on a 100-article corpus`, () => {
    let store: Store;
    let harness: PagingHarness;
    beforeAll(async () => {
      store = await ingestStory(hundredArticles());
      harness = await start(store);
    });
    afterAll(async () => {
      await harness.stop();
      await store.close();
    });

    it('arrives a message at a time, every article listed once across the pages', async () => {
      const first = await harness.command('sources', {});
      expect(first.length).toBe(1);
      const pages = await pagesOf(harness, first);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(page.length).toBe(1);
      const text = pages.flat().join('\n');
      for (let n = 1; n <= 100; n++) expect(text.split(`report-${String(n).padStart(3, '0')}:`).length - 1, `report ${n}`).toBe(1);
      expect(await harness.click(/^More/)).toEqual([]);
    });

    it('pages a quotation the hundred outlets carry, each outlet cited once', async () => {
      const first = await harness.command('quote', {});
      const pages = await pagesOf(harness, first);
      for (const page of pages) expect(page.length).toBe(1);
      const text = pages.flat().join('\n');
      expect(text).toContain('The channel is deeper than it has been for years');
      // Each numbered source once across every page: [1] … [100].
      const numbers = [...text.matchAll(/^\[(\d+)\] /gm)].map((m) => Number(m[1]));
      expect(numbers.length).toBeGreaterThan(0);
      expect(new Set(numbers).size).toBe(numbers.length);
    });

    it('answers a button of an older version, a vote on an answer no longer kept, and a second click politely, storing nothing twice', async () => {
      await harness.command('ask', { question: 'What did Tom Reed say about the channel?' });
      const votes = async () => (await store.answers.feedback(1000)).length;
      expect((await harness.click(/^👍$/)).map((m) => m.text).join()).toContain('Thanks for the 👍.');
      expect((await harness.click(/^👍$/)).map((m) => m.text).join()).toContain('already voted');
      expect(await votes()).toBe(1);
      expect(await harness.rawClick('bb0:up:k3j9x0a2q1')).toContain('from an earlier version of briefbot');
      expect(await votes()).toBe(1);
      // The answers were forgotten (as after thirty days): the buttons still on screen say so.
      await store.answers.pruneAnswers('9999-01-01T00:00:00.000Z');
      expect((await harness.click(/^👎$/, 'second')).map((m) => m.text).join()).toContain('no longer kept');
      expect(await votes()).toBe(0);
    });
  });
}

pagingSuite('Slack', async (store) => {
  const rig: SlackRig = await startSlack({ commands: registry, services: { store, clock: systemClock }, maxMessages: 1 });
  return Object.assign(rig, {
    async rawClick(payload: string) {
      const mark = rig.fake.messages.length;
      const from = rig.log.lines.length;
      await rig.fake.http.blockAction({ actionId: payload, channel: CHANNEL });
      await rig.log.waitForLine((line) => line.msg === 'answered a button', from);
      return rig.fake.messages.slice(mark).map(visibleSlack).join('\n');
    },
  });
});

pagingSuite('Discord', async (store) => {
  const rig: DiscordRig = await startDiscord({ commands: registry, services: { store, clock: systemClock }, maxMessages: 1 });
  return Object.assign(rig, {
    async rawClick(payload: string) {
      const latest = rig.fake
        .messagesIn(rig.channelId)
        .filter((m) => m.authorId === rig.fake.botUserId)
        .pop()!;
      const posted = await rig.exchangeButton(() => rig.fake.clickButton({ messageId: latest.id, customId: payload, userId: BOB }));
      return posted.map(visibleDiscord).join('\n');
    },
  });
});
