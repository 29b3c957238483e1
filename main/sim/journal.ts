// The event journal: every decision of the simulation, in order, with its virtual time.
import type { JournalEntry, JournalEvent } from '../api/events.js';
import type { Clock } from './clock.js';

/** Enough for a long class session; older entries go first so a soak test cannot exhaust memory. */
export const MAX_JOURNAL_ENTRIES = 20_000;

export class Journal {
  #entries: JournalEntry[] = [];
  /**
   * Where the kept entries begin in #entries. Dropping the oldest moves this on, and the array is
   * cut only once as many have gone as are kept: a cut per entry (a splice) moved all 20,000 entries
   * on every record once the journal was full, most of a busy host's time (npm run bench -- api).
   */
  #first = 0;
  #seq = 0;
  #listeners = new Set<(entry: JournalEntry) => void>();

  constructor(private readonly clock: Clock) {}

  record(event: JournalEvent): JournalEntry {
    const entry = { ...event, seq: ++this.#seq, at: this.clock.now() } as JournalEntry;
    this.#entries.push(entry);
    if (this.#entries.length - this.#first > MAX_JOURNAL_ENTRIES) this.#first++;
    if (this.#first >= MAX_JOURNAL_ENTRIES) {
      this.#entries = this.#entries.slice(this.#first);
      this.#first = 0;
    }
    for (const listener of this.#listeners) listener(entry);
    return entry;
  }

  /** Entries with a sequence number above `afterSeq`. */
  since(afterSeq = 0): JournalEntry[] {
    const first = this.#entries[this.#first];
    if (!first || afterSeq < first.seq) return this.#entries.slice(this.#first);
    return this.#entries.slice(this.#first + afterSeq - first.seq + 1);
  }

  get lastSeq(): number {
    return this.#seq;
  }

  onEntry(listener: (entry: JournalEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
