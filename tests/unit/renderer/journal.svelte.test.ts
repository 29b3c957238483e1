// The director's journal state, run by the Svelte compiler as the renderer runs it, against a scripted transport and the real simulation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../main/api/dispatch.js';
import type { HostEvent, JournalEntry } from '../../../main/api/events.js';
import { createClient, type Transport } from '../../../renderer/lib/client.js';
import { JournalState, MAX_ROWS } from '../../../renderer/lib/journal.svelte.js';
import { DEMO_PASSWORD, libraryOf, simHost } from './sim-host.js';

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

describe('JournalState against the simulation', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  async function journalOf(host = simHost()) {
    const journal = new JournalState(host.api);
    const stop = journal.connect();
    await journal.load(host.sim.getWorld({}));
    return { host, journal, stop };
  }

  it('shows every entry in words, explains a delivery refusal from the catalogue, and filters by user', async () => {
    const { host, journal } = await journalOf();
    expect(journal.rows.map((r) => r.seq)).toEqual(host.sim.getJournal({}).entries.map((e) => e.seq));
    host.sim.setPhoneState({ phoneId: 'sms-phone', patch: { airplane: true } });
    host.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    host.sim.submitCredentials({ username: 'dscuser', password: 'wrong', mode: 'live' });
    await host.advance(host.sim.scenario.timing.smsDelay);
    expect(journal.total).toBe(host.sim.getJournal({}).entries.length);
    expect(journal.rows.every((r) => r.text.length > 0)).toBe(true);
    const held = journal.rows.find((r) => r.reason === 'airplane_mode')!;
    expect(held).toBeDefined();
    expect(held.family).toBe('sms');
    expect(held.explained?.fix).toBeTruthy();
    expect(held.users).toContain('smsuser');
    const rejected = journal.rows.find((r) => r.reason === 'wrong_password')!;
    expect(rejected.users).toEqual(['dscuser']);

    journal.user = 'dscuser';
    expect(journal.shown.length).toBeGreaterThan(0);
    expect(journal.shown.every((r) => r.users.includes('dscuser'))).toBe(true);
    expect(journal.shown).not.toContain(held);
    journal.user = '';
    expect(journal.shown).toEqual(journal.rows);
  });

  it("adds the SMS article's carrier advice for the region of the phone: the US, and China from its library scenario", async () => {
    const us = await journalOf();
    us.host.sim.setPhoneState({ phoneId: 'sms-phone', patch: { carrierBlocking: true } });
    us.host.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    await us.host.advance(us.host.sim.scenario.timing.smsDelay);
    expect(us.journal.rows.find((r) => r.reason === 'carrier_blocked')?.advice).toBe('In the US: the article lists the services to contact here, but its text names none.');
    us.stop();

    const chinaHost = simHost({ library: libraryOf('sms-carrier-blocked-china') });
    chinaHost.sim.loadScenario({ name: 'sms-carrier-blocked-china' });
    const china = await journalOf(chinaHost);
    china.host.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    await china.host.advance(china.host.sim.scenario.timing.smsDelay);
    const blocked = china.journal.rows.find((r) => r.reason === 'carrier_blocked')!;
    expect(blocked.advice).toBe('In China: Call your phone carrier directly to check whether they are blocking IBKR messages.');
    // Other reasons carry no regional advice.
    expect(china.journal.rows.filter((r) => r.advice !== null)).toEqual([blocked]);
    china.stop();
  });

  it('starts afresh with the journal of a reset world, reading the reasons only once', async () => {
    const { host, journal } = await journalOf();
    host.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    await host.settle();
    host.sim.resetWorld({});
    await journal.load(host.sim.getWorld({}));
    await host.settle();
    expect(journal.rows.map((r) => r.seq)).toEqual(host.sim.getJournal({}).entries.map((e) => e.seq));
    expect(host.names().filter((n) => n === 'getReasons')).toHaveLength(1);
  });

  it('keeps the newest MAX_ROWS rows on screen and counts them all', async () => {
    const { host, journal } = await journalOf();
    for (let i = 0; i <= MAX_ROWS; i++) host.sim.advanceClock({ ms: 1 });
    await host.settle();
    const all = host.sim.getJournal({}).entries;
    expect(journal.total).toBe(all.length);
    expect(journal.rows).toHaveLength(MAX_ROWS);
    expect(journal.rows.at(-1)?.seq).toBe(all.at(-1)!.seq);
  });

  it('exports the whole journal as JSON Lines, one entry a line', async () => {
    // Only the revocation's timer: the host's own deliveries (setImmediate) run as usual.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { host, journal } = await journalOf();
    host.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    await host.settle();
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    const clicked: { href: string; download: string }[] = [];
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:journal'), revokeObjectURL: (url: string) => revoked.push(url) }));
    vi.stubGlobal('document', {
      createElement: () => {
        const link = { href: '', download: '', click: () => clicked.push({ href: link.href, download: link.download }), remove: () => {} };
        return link;
      },
      body: { append: () => {} },
    });
    journal.export('demo');
    expect(clicked).toEqual([{ href: 'blob:journal', download: 'journal-demo.jsonl' }]);
    const lines = (await blobs[0]!.text()).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(host.sim.getJournal({}).entries);
    expect(revoked).toEqual([]);
    vi.runAllTimers();
    expect(revoked).toEqual(['blob:journal']);
    journal.export('');
    expect(clicked.at(-1)?.download).toBe('journal-scenario.jsonl');
  });
});
