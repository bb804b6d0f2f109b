/**
 * Which current id holds each text (by text hash), as an ingest run sees it: the store's answer,
 * read by index the first time a text is asked about, overlaid with the run's own claims and
 * releases, so a run reads the holders of its own texts and not every article's fingerprint.
 */
import type { Store } from '../core/ports/store.ts';

export class TextHolders {
  /** Text hash → the id holding it in this run, or null once no id does. */
  private readonly known = new Map<string, string | null>();

  constructor(private readonly store: Pick<Store, 'currentWithText'>) {}

  /** The id holding the text, or undefined when none does. */
  async get(textHash: string): Promise<string | undefined> {
    let holder = this.known.get(textHash);
    if (holder === undefined) {
      holder = await this.store.currentWithText(textHash);
      // Another write of this run may have settled it while the store was read.
      if (!this.known.has(textHash)) this.known.set(textHash, holder);
      holder = this.known.get(textHash) ?? null;
    }
    return holder ?? undefined;
  }

  set(textHash: string, id: string): void {
    this.known.set(textHash, id);
  }

  /** `id` no longer holds the text: a later copy of it is not its duplicate. */
  async release(textHash: string, id: string): Promise<void> {
    if ((await this.get(textHash)) === id) this.known.set(textHash, null);
  }
}
