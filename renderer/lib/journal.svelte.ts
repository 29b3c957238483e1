// The director's event journal: every entry in plain words with its reason and fix, a filter by user, and the export.
import type { JournalEntry } from '../../main/api/events';
import type { ReasonView } from '../../main/api/reasons';
import type { WorldView } from '../../main/api/views';
import type { Client } from './client';
import { toJsonLines, type Region } from '../../main/api/vocabulary';
import type * as JournalFormat from './journal-format';
import type { EntryOwners, familyOf } from './journal-format';
import { downloadText } from './download';

// The wording of every entry is the director's largest part: fetched with the first read of the journal,
// so the stage, which builds this state before anyone opens the director, does not load it.
type Format = typeof JournalFormat;

export interface JournalRow {
  seq: number;
  at: number;
  text: string;
  family: ReturnType<typeof familyOf>;
  /** The reason code, and its text and fix when the catalogue knows it. */
  reason: string | null;
  explained: ReasonView | null;
  /** The reason's advice for the region of the phone the message went to, where the article gives it by region. */
  advice: string | null;
  users: string[];
}

/** What the list shows at most; the export has everything. */
export const MAX_ROWS = 2_000;

export class JournalState {
  rows = $state.raw<JournalRow[]>([]);
  /** '' = everyone. */
  user = $state('');
  total = $state(0);
  reasons = $state.raw<Record<string, ReasonView>>({});
  readonly shown: JournalRow[] = $derived(this.user ? this.rows.filter((r) => r.users.includes(this.user)) : this.rows);

  #entries: JournalEntry[] = [];
  #format: Format | null = null;
  #owners: EntryOwners | null = null;
  #world: WorldView | null = null;
  /** Events that arrive while the journal is being read, applied once it is in. */
  #buffer: JournalEntry[] | null = null;
  #generation = 0;

  constructor(private readonly api: Client) {}

  /** Follows new entries; `load` reads what came before. */
  connect(): () => void {
    return this.api.on('journal', ({ entry }) => {
      // During a read it waits for the read; before the first read, that read will bring it.
      if (this.#buffer) this.#buffer.push(entry);
      else if (this.#format) this.#append([entry]);
    });
  }

  /** Reads the whole journal of the running scenario (after a start, a reset or another scenario). */
  async load(world: WorldView | null): Promise<void> {
    const generation = ++this.#generation;
    this.#buffer = [];
    this.#world = world;
    try {
      const [page, reasons, format] = await Promise.all([this.api.getJournal({}), this.#reasonsOnce(), import('./journal-format')]);
      if (generation !== this.#generation) return;
      this.reasons = reasons;
      this.#entries = [];
      this.#format = format;
      this.#owners = new format.EntryOwners(world);
      this.rows = [];
      this.#append([...page.entries, ...this.#buffer]);
    } finally {
      if (generation === this.#generation) this.#buffer = null;
    }
  }

  async #reasonsOnce(): Promise<Record<string, ReasonView>> {
    if (Object.keys(this.reasons).length) return this.reasons;
    return Object.fromEntries((await this.api.getReasons({})).map((r) => [r.reason, r]));
  }

  #append(entries: JournalEntry[]): void {
    // An entry recorded while the journal was being read arrives twice, in the page and as an event;
    // each sequence number is kept once (a repeated key would stop the keyed list rendering).
    let last = this.#entries.at(-1)?.seq ?? 0;
    const fresh: JournalEntry[] = [];
    for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
      if (entry.seq <= last) continue;
      fresh.push(entry);
      last = entry.seq;
    }
    const format = this.#format;
    if (!fresh.length || !format) return;
    const names = format.namesFrom(this.#world);
    const rows = fresh.map((entry): JournalRow => {
      const reason = format.reasonOf(entry);
      const explained = reason ? (this.reasons[reason] ?? null) : null;
      return {
        seq: entry.seq,
        at: entry.at,
        text: format.describeEntry(entry, names),
        family: format.familyOf(entry),
        reason,
        explained,
        advice: explained?.byRegion ? this.#adviceFor(entry, explained.byRegion) : null,
        users: this.#owners?.users(entry) ?? [],
      };
    });
    this.#entries.push(...fresh);
    this.total = this.#entries.length;
    const all = this.rows.concat(rows);
    this.rows = all.length > MAX_ROWS ? all.slice(all.length - MAX_ROWS) : all;
  }

  /** The advice for the region of the phone an entry's message went to (by number or by phone), if the world knows it. */
  #adviceFor(entry: JournalEntry, byRegion: Record<Region, string>): string | null {
    const phones = this.#world?.phones ?? [];
    const phone = 'to' in entry ? phones.find((p) => p.number === entry.to) : 'phoneId' in entry ? phones.find((p) => p.id === entry.phoneId) : undefined;
    return phone ? byRegion[phone.region] : null;
  }

  /** The whole journal as JSON Lines, downloaded as a file. */
  export(scenario: string): void {
    downloadText(`journal-${scenario || 'scenario'}.jsonl`, toJsonLines(this.#entries), 'application/x-ndjson');
  }
}
