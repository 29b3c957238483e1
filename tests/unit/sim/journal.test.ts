// The journal keeps the newest MAX_JOURNAL_ENTRIES entries, in order, and pages them by sequence number however many came before.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/sim/clock.js';
import { Journal, MAX_JOURNAL_ENTRIES } from '../../../main/sim/journal.js';

const fill = (journal: Journal, count: number) => {
  for (let i = 0; i < count; i++) journal.record({ type: 'clock.advanced', byMs: i });
};
const seqs = (entries: { seq: number }[]) => ({ count: entries.length, first: entries[0]?.seq, last: entries.at(-1)?.seq });

describe('journal', () => {
  it('pages by sequence number while it is not full', () => {
    const journal = new Journal(new VirtualClock(0));
    fill(journal, 10);
    expect(seqs(journal.since())).toEqual({ count: 10, first: 1, last: 10 });
    expect(seqs(journal.since(7))).toEqual({ count: 3, first: 8, last: 10 });
    expect(journal.since(10)).toEqual([]);
    expect(journal.lastSeq).toBe(10);
  });

  it('drops the oldest once full, and still pages right, across the moments it compacts', () => {
    const journal = new Journal(new VirtualClock(0));
    const newest = journal.record({ type: 'clock.advanced', byMs: 0 });
    expect(journal.since(0)).toEqual([newest]);
    const max = MAX_JOURNAL_ENTRIES;
    // Just full, one over, one short of and past the compaction (at twice the limit), and beyond.
    for (const total of [max, max + 1, 2 * max - 1, 2 * max, 2 * max + 1, 3 * max + 7]) {
      fill(journal, total - journal.lastSeq);
      const oldest = total - max + 1;
      expect(seqs(journal.since()), `after ${total}`).toEqual({ count: max, first: oldest, last: total });
      // Asked from before the oldest kept entry: everything kept.
      expect(seqs(journal.since(Math.max(0, oldest - 5))), `after ${total}`).toEqual({ count: max, first: oldest, last: total });
      expect(seqs(journal.since(total - 3)), `after ${total}`).toEqual({ count: 3, first: total - 2, last: total });
      expect(journal.since(total), `after ${total}`).toEqual([]);
      expect(journal.since(total - 3).map((e) => e.seq)).toEqual([total - 2, total - 1, total]);
    }
  });
});
