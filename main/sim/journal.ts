// The event journal: every decision of the simulation, in order, with its virtual time.
import type { JournalEntry, JournalEvent } from '../api/events.js';
import type { Clock } from './clock.js';

/** Enough for a long class session; older entries go first so a soak test cannot exhaust memory. */
const MAX_ENTRIES = 20_000;

export class Journal {
  #entries: JournalEntry[] = [];
  #seq = 0;
  #listeners = new Set<(entry: JournalEntry) => void>();

  constructor(private readonly clock: Clock) {}

  record(event: JournalEvent): JournalEntry {
    const entry = { ...event, seq: ++this.#seq, at: this.clock.now() } as JournalEntry;
    this.#entries.push(entry);
    if (this.#entries.length > MAX_ENTRIES) this.#entries.splice(0, this.#entries.length - MAX_ENTRIES);
    for (const listener of this.#listeners) listener(entry);
    return entry;
  }

  /** Entries with a sequence number above `afterSeq`. */
  since(afterSeq = 0): JournalEntry[] {
    const first = this.#entries[0];
    if (!first || afterSeq < first.seq) return this.#entries.slice();
    return this.#entries.slice(afterSeq - first.seq + 1);
  }

  get lastSeq(): number {
    return this.#seq;
  }

  onEntry(listener: (entry: JournalEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
