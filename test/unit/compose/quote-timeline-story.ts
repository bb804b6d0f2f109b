/**
 * An invented story for the quote and timeline tests, run through the real pipeline (clean,
 * analyse, store): two outlets quote the same minister in different words, one article is
 * dated only to a month, and one states no date or outlet at all.
 */
import { systemClock } from '../../../src/core/clock.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { tempFolder } from '../ingest/helpers.ts';

export const GAZETTE = `---
title: Minister warns harbour must be dredged before the storms
outlet: Coast Gazette
published: 2023-03-14
---
The Transport Minister, Maria Lopez, has warned that the harbour at Port Ellis must be dredged before the autumn storms.

"The harbour must be dredged before the autumn storms, or the fleet will be stranded for the whole winter," Ms Lopez said on a visit to the port.

PortCo, which runs the harbour, said it had "no objection in principle" to the work.

The chairman of PortCo, Tom Reed, said: "We have asked for this dredging for years and we will pay our share of it."

The harbour was last dredged in May 2009, when a storm closed it for a month.
`;

export const TIMES = `---
title: Dredge the harbour or lose the fleet, says Lopez
outlet: Harbour Times
published: 2023-03
---
Maria Lopez, the transport minister, spoke to fishermen at Port Ellis on her tour of the coast.

“The harbour has to be dredged before the autumn storms … or our fleet will be stranded,” Ms Lopez said.

Ms Lopez told reporters: "Nobody in this town should have to wait another year for a decision."

Last week, the council voted to pay for a survey of the seabed.

The harbour was last dredged in May 2009, when a storm closed it for a month.
`;

export const UNDATED = `---
title: Fishermen fear a winter in port
---
Fishermen at Port Ellis say they fear being trapped by silt.

"We cannot face another winter like the last one," said Ana Costa, a skipper.

"The silt gets worse every single year," said Tom Reeve, who has fished here all his life.

Locals have long called the silt "the grey tide".
`;

/** A store with the story ingested through the real cleaner and analyser. */
export async function harbourStore(
  files: Readonly<Record<string, string>> = { 'gazette.md': GAZETTE, 'times.md': TIMES, 'undated.md': UNDATED },
): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const folder = tempFolder();
  for (const [name, text] of Object.entries(files)) folder.write(name, text);
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
