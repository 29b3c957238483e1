// The director's journal state, run by the Svelte compiler as the renderer runs it, against a scripted transport.
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../main/api/dispatch.js';
import type { HostEvent, JournalEntry } from '../../../main/api/events.js';
import { createClient, type Transport } from '../../../renderer/lib/client.js';
import { JournalState } from '../../../renderer/lib/journal.svelte.js';

const entry = (seq: number): JournalEntry => ({ seq, at: seq * 1000, type: 'logout', loginId: `L${seq}`, username: 'smsuser' }) as JournalEntry;

/** A transport whose getJournal answers when the test says so, and whose events the test sends. */
function scriptedTransport() {
  const listeners = new Set<(event: HostEvent) => void>();
  let answerJournal: (entries: JournalEntry[]) => void = () => {};
  const transport: Transport = {
    kind: 'test',
    call: (name) => {
      if (name === 'getReasons') return Promise.resolve({ ok: true, value: [] } as Envelope);
      if (name === 'getJournal') return new Promise((resolve) => (answerJournal = (entries) => resolve({ ok: true, value: { entries } } as Envelope)));
      return Promise.resolve({ ok: false, error: { code: 'not_found', message: name } } as Envelope);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => Promise.resolve(),
    onReconnect: () => () => {},
  };
  return {
    transport,
    emit: (e: JournalEntry) => listeners.forEach((l) => l({ type: 'journal', entry: e } as HostEvent)),
    answer: (entries: JournalEntry[]) => answerJournal(entries),
  };
}

describe('JournalState', () => {
  it('keeps each entry once when one arrives both as an event during the read and in the page', async () => {
    const { transport, emit, answer } = scriptedTransport();
    const journal = new JournalState(createClient(transport));
    const stop = journal.connect();
    const loading = journal.load(null);
    // Recorded while getJournal was on its way: the event comes first, then the page holds it too.
    emit(entry(3));
    emit(entry(4));
    await Promise.resolve();
    answer([entry(1), entry(2), entry(3)]);
    await loading;
    expect(journal.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(journal.total).toBe(4);
    // Later events still follow; a repeat is ignored.
    emit(entry(4));
    emit(entry(5));
    expect(journal.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    stop();
  });
});
