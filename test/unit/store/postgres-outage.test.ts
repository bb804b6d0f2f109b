/**
 * PostgreSQL going away while the bot runs: the store's calls fail with StoreUnavailableError
 * (dispatch answers "the index is unavailable, try again shortly"), nothing written before is
 * lost, and once the server is back the same store works again without a restart. The outage is
 * a relay on 127.0.0.1 in front of the test server, closed and reopened.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../../src/core/errors.ts';
import { openPostgresStore } from '../../../src/store/postgres/postgres-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { analysedArticle, origin } from './article-fixture.ts';
import { dropSchema, freshSchema, withTestDatabase } from './postgres-database.ts';

/** A TCP relay to `target` that can be cut (every connection dropped, new ones refused) and restored. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((inbound) => {
      const outbound = connect(this.target.port, this.target.host);
      for (const socket of [inbound, outbound]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
    this.server = null;
  }
}

withTestDatabase((url) => {
  describe('the PostgreSQL store when the server goes away and comes back', () => {
    const schema = freshSchema();
    const target = new URL(url);
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    let store: Store;

    beforeAll(async () => {
      await relay.open();
      const through = new URL(url);
      through.port = String(relay.port);
      store = await openPostgresStore(through.toString(), { schema, max: 2 });
      await store.putArticle(analysedArticle({ id: 'kept', paragraphs: ['Written before the outage.'] }), origin());
    });
    afterAll(async () => {
      await store.close().catch(() => undefined);
      await relay.cut();
      await dropSchema(url, schema);
    });

    it('says the store is unavailable while the server cannot be reached', async () => {
      await relay.cut();
      await expect(store.searchSentences({ terms: ['outage'] })).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.putArticle(analysedArticle({ id: 'lost', paragraphs: ['Never written.'] }), origin())).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.digests.subscriptions()).rejects.toBeInstanceOf(StoreUnavailableError);
    });

    it('works again once the server is back, with everything written before it', async () => {
      await relay.open();
      expect((await store.searchSentences({ terms: ['outage'] })).map((hit) => hit.article)).toEqual(['kept']);
      expect(await store.countArticles()).toBe(1);
      await store.putArticle(analysedArticle({ id: 'after', paragraphs: ['Written after the outage.'] }), origin());
      expect(await store.countArticles()).toBe(2);
    });
  });
});
