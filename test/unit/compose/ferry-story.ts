/**
 * An invented three-outlet story of one event, run through the real pipeline (clean, analyse,
 * store), for `who`, `compare` and conversations: a council votes to close a ferry. All three
 * outlets report the vote; two give the subsidy; one leaves out the operator's reply. The
 * council leader is quoted by all three in different words (one cut with an ellipsis, one
 * reworded), the operator rejects the council's figures, and a union officer is quoted by one.
 */
import { systemClock } from '../../../src/core/clock.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { tempFolder } from '../ingest/helpers.ts';

export const COURIER = `---
title: Council votes to close the Northgate ferry
outlet: Daily Courier
published: 2026-02-10
---
Harbour council has voted to close the Northgate ferry from 1 March, ending a crossing that has run for generations.

Councillors voted seven to two to end the service after a review found it needed a subsidy of £1.2m a year.

Council leader Maria Okafor said: "We cannot keep spending money we do not have on a boat that carries forty people a day. The crossing has served this town well, but its time has passed."

Northgate Ferries, which runs the service, rejected the council's figures and said the true cost was half that.

"The council has counted the repairs of a decade as if they fell in one year," a Northgate Ferries spokesman said.

Ms Okafor said the council would pay for a bus link around the estuary instead.
`;

export const POST = `---
title: Ferry to close after ninety years
outlet: Coastal Post
published: 2026-02-10
---
The Northgate ferry will close on 1 March after the harbour council voted to end the service.

Councillors voted seven to two to end the service after a review found it needed a subsidy of £1.2m a year.

"We cannot keep spending money we do not have … The crossing has served this town well, but its time has passed," council leader Maria Okafor said.

Tom Brennan, regional officer of the ferry workers' union, said twelve crew members would lose their jobs.

"These are skilled jobs that this town will never see again," Mr Brennan said.
`;

export const GAZETTE = `---
title: Okafor defends ferry closure
outlet: Westmoor Gazette
published: 2026-02-11
---
Maria Okafor, the leader of the harbour council, has defended the decision to close the Northgate ferry.

The council voted to close the ferry from 1 March.

"We can no longer spend money we do not have on a boat that carries forty people a day," Ms Okafor told the Gazette.

Northgate Ferries rejected the council's figures and said the true cost was half that.

Passengers on the morning crossing said they would have to drive an extra twenty miles to work.
`;

/** A store with the three articles ingested through the real cleaner and analyser. */
export async function ferryStore(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const folder = tempFolder();
  folder.write('courier.md', COURIER);
  folder.write('post.md', POST);
  folder.write('gazette.md', GAZETTE);
  const store = openSqliteStore(':memory:');
  await ingestPaths([folder.dir], { store, clock: systemClock, log: silentLogger });
  return {
    store,
    cleanup: async () => {
      await store.close();
      folder.cleanup();
    },
  };
}
