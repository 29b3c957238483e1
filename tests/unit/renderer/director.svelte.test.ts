// The director panel against the real simulation: what it reads, what follows the world's events, and each of its controls.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../main/api/dispatch.js';
import type { SavedWorldView } from '../../../main/api/views.js';
import { parseScenario } from '../../../main/sim/scenario/load.js';
import { ClockState } from '../../../renderer/lib/clock.svelte.js';
import { DirectorState } from '../../../renderer/lib/director.svelte.js';
import { DEMO_PASSWORD, libraryOf, simHost, UNREACHABLE, type SimHost, type SimHostOptions } from './sim-host.js';

const library = () => libraryOf('happy-sms', 'happy-dscplus');
const happySmsText = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scenarios/library/happy-sms.yaml'), 'utf8');

async function director(options: SimHostOptions = { library: library() }) {
  // The journal's wording is a chunk the first read fetches; loaded here as a browser has it cached once
  // fetched, since settle() waits for calls and events, not for a module to load.
  await import('../../../renderer/lib/journal-format.js');
  const host: SimHost = simHost(options);
  const clock = new ClockState(host.api);
  const panel = new DirectorState(host.api, clock, { open: true, dragging: false });
  const stops = [clock.connect(), panel.start()];
  await host.settle();
  return { host, clock, panel, close: () => stops.forEach((stop) => stop()) };
}

describe('DirectorState', () => {
  it('reads the world, every phone and fob, the journal, the pending factors and the library once started', async () => {
    const { host, panel } = await director();
    const world = host.sim.getWorld({});
    expect(panel.world?.scenario.name).toBe(world.scenario.name);
    expect(panel.phones.map((p) => p.id)).toEqual(world.phones.map((p) => p.id));
    expect(panel.fobs.map((f) => f.serial)).toEqual(world.fobs.map((f) => f.serial));
    expect(panel.phoneId).toBe(world.phones[0]!.id);
    expect(panel.phone?.id).toBe(world.phones[0]!.id);
    expect(panel.scenarios.map((s) => s.name)).toEqual(['happy-sms', 'happy-dscplus']);
    expect(panel.pending).toEqual([]);
    expect(panel.journal.total).toBe(host.sim.getJournal({}).entries.length);
    expect(panel.error).toBeNull();
    expect(panel.elapsed).toBe(0);
  });

  it("follows the world: a login's code in Pending, a phone's new SMS, a fob switched on, the time elapsed", async () => {
    const { host, panel } = await director();
    const login = host.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    await host.advance(host.sim.scenario.timing.smsDelay);
    expect(panel.pending).toEqual([expect.objectContaining({ loginId: login.loginId, kind: 'code', username: 'smsuser' })]);
    expect(panel.pending[0]!.code).toBe(host.sim.listPending({})[0]!.code);
    expect(panel.phones.find((p) => p.id === 'sms-phone')?.messages).toHaveLength(1);
    expect(panel.elapsed).toBe(host.sim.scenario.timing.smsDelay);
    host.sim.fobPress({ serial: 'SNA-52903318' });
    await host.settle();
    expect(panel.fobs.find((f) => f.serial === 'SNA-52903318')?.state).toBe('pin');
    host.sim.markMessagesRead({ phoneId: 'sms-phone' });
    await host.settle();
    expect(panel.phones.find((p) => p.id === 'sms-phone')?.unread).toBe(0);
  });

  it("reads the users' summary again after an entry that changes it (a lockout)", async () => {
    const { host, panel } = await director();
    const failures = host.sim.scenario.timing.lockout.failures;
    for (let i = 0; i < failures; i++) host.sim.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live' });
    await host.settle();
    const user = panel.world?.users.find((u) => u.username === 'smsuser');
    expect(user?.lockedUntil).not.toBeNull();
    expect(user).toEqual(host.sim.getWorld({}).users.find((u) => u.username === 'smsuser'));
  });

  it('loads a built-in scenario and says so; an unknown name is an error', async () => {
    const { host, panel } = await director();
    await panel.loadBuiltIn('happy-dscplus');
    expect(host.sent.at(-1)).toEqual({ name: 'loadScenario', request: { name: 'happy-dscplus' } });
    expect(panel.world?.scenario.name).toBe('happy-dscplus');
    expect(panel.status).toContain(panel.world!.scenario.title);
    await host.settle();
    expect(panel.phones.map((p) => p.id)).toEqual(host.sim.getWorld({}).phones.map((p) => p.id));
    expect(panel.phoneId).toBe(panel.phones[0]!.id);
    await panel.loadBuiltIn('no-such-scenario');
    expect(panel.error).toBeTruthy();
    expect(host.sim.getScenario({}).name).toBe('happy-dscplus');
  });

  it("loads a file dropped on it; a file with problems is refused with each problem, the running scenario untouched", async () => {
    const { host, panel } = await director();
    panel.tab = 'faults';
    await panel.loadFile(new File([happySmsText.replace('seed: happy-sms', 'seed: [1, 2')], 'broken.yaml'));
    expect(panel.tab).toBe('scenario');
    expect(panel.refused?.fileName).toBe('broken.yaml');
    expect(panel.refused?.problems.length).toBeGreaterThan(0);
    expect(panel.status).toBeNull();
    expect(host.sim.getScenario({}).name).toBe('default');

    await panel.loadFile(new File([happySmsText], 'mine.yaml'));
    expect(host.sent.at(-1)).toEqual({ name: 'loadScenario', request: { text: happySmsText, fileName: 'mine.yaml' } });
    expect(panel.refused).toBeNull();
    expect(panel.world?.scenario.name).toBe('happy-sms');
    expect(panel.status).toBeTruthy();
  });

  it('refuses a file that cannot be a scenario before reading it', async () => {
    const { host, panel } = await director();
    const sent = host.sent.length;
    await panel.loadFile(new File(['name: x'], 'notes.txt'));
    expect(panel.refused).toMatchObject({ fileName: 'notes.txt', problems: [{ file: 'notes.txt', field: '(file)' }] });
    expect(panel.refused?.problems[0]?.message).toBeTruthy();
    expect(host.sent.length).toBe(sent);
  });

  it('starts the scenario again: logins end, the journal starts afresh, and it says so', async () => {
    const { host, panel } = await director();
    host.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    await host.settle();
    expect(panel.pending).toHaveLength(1);
    panel.refused = { fileName: 'x.yaml', problems: [] };
    await panel.reset();
    expect(host.sent.at(-1)?.name).toBe('resetWorld');
    expect(panel.status).toContain(panel.world!.scenario.title);
    expect(panel.refused).toBeNull();
    await host.settle();
    expect(panel.pending).toEqual([]);
    expect(panel.journal.total).toBe(host.sim.getJournal({}).entries.length);
  });

  it("switches a user's Seamless Authentication, resets a fob, and sets, restarts and clears a phone", async () => {
    const { host, panel } = await director();
    expect(await panel.setSeamless('ibkeyios', false)).toBe(true);
    expect(panel.world?.users.find((u) => u.username === 'ibkeyios')?.seamless).toBe(false);
    expect(await panel.setSeamless('nobody', true)).toBe(false);
    expect(panel.error).toBeTruthy();

    host.sim.fobPress({ serial: 'SNA-52903318' });
    await panel.resetFob('SNA-52903318');
    expect(panel.error).toBeNull();
    expect(panel.fobs.find((f) => f.serial === 'SNA-52903318')?.state).toBe('off');

    expect(await panel.setPhone('sms-phone', { smsStuck: true, airplane: true })).toBe(true);
    expect(panel.phones.find((p) => p.id === 'sms-phone')?.status).toMatchObject({ smsStuck: true, airplane: true });
    await panel.restartPhone('sms-phone');
    expect(panel.phones.find((p) => p.id === 'sms-phone')?.status).toMatchObject({ smsStuck: false, airplane: true });

    await panel.clearAppData('android-phone');
    expect(panel.phones.find((p) => p.id === 'android-phone')?.app.ibkeyUser).toBeNull();
    await panel.clearAppData('ios-phone');
    expect(panel.error).toBeTruthy();
    expect(await panel.setPhone('no-phone', { wifi: false })).toBe(false);
  });

  it('pauses and moves the virtual clock', async () => {
    const { host, clock, panel } = await director();
    await panel.setRunning(false);
    expect(clock.running).toBe(false);
    expect(host.sim.running).toBe(false);
    const before = clock.now;
    await panel.advance(90_000);
    expect(host.sent.at(-1)).toEqual({ name: 'advanceClock', request: { ms: 90_000 } });
    expect(clock.now).toBe(before + 90_000);
    expect(panel.elapsed).toBe(90_000);
    await host.settle();
    expect(panel.journal.rows.at(-1)?.family).toBeTruthy();
    host.refuse = UNREACHABLE;
    await panel.advance(1_000);
    expect(panel.error).toBeTruthy();
    expect(clock.now).toBe(before + 90_000);
  });

  it('reads everything again when the event stream comes back after a break', async () => {
    const { host, panel } = await director();
    await host.outage(() => {
      host.sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
      host.sim.advance(host.sim.scenario.timing.smsDelay);
    });
    expect(panel.pending).toHaveLength(1);
    expect(panel.phones.find((p) => p.id === 'sms-phone')?.messages).toHaveLength(1);
    expect(panel.journal.total).toBe(host.sim.getJournal({}).entries.length);
  });

  it('answers a burst of events with one read at a time, and a last one after it', async () => {
    const { host, panel } = await director();
    const before = host.names().filter((n) => n === 'listPending').length;
    for (const username of ['smsuser', 'dscuser', 'carduser', 'ibkeyios']) host.sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
    await host.settle();
    const reads = host.names().filter((n) => n === 'listPending').length - before;
    // Four logins make about a dozen events; the pending list is read once, then once more for what came during it.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(2);
    expect(panel.pending.map((p) => p.username).sort()).toEqual(['carduser', 'dscuser', 'ibkeyios', 'smsuser']);
  });

  it('starts a new session where the host has sessions, and says why it could not', async () => {
    const { panel: electron } = await director();
    expect(electron.canRenewSession).toBe(false);
    await electron.newSession();
    expect(electron.sessionUrl).toBeNull();

    let answer: { ok: true; value: { url: string } } | { ok: false; error: { code: 'unauthorized'; message: string } } = {
      ok: true,
      value: { url: 'http://127.0.0.1:5180/#token=new' },
    };
    const { panel } = await director({ newSession: () => answer });
    expect(panel.canRenewSession).toBe(true);
    await panel.newSession();
    expect(panel.sessionUrl).toBe('http://127.0.0.1:5180/#token=new');
    expect(panel.status).toBeTruthy();
    expect(panel.error).toBeNull();
    answer = { ok: false, error: { code: 'unauthorized', message: 'This session has ended' } };
    await panel.newSession();
    expect(panel.error).toBeTruthy();
  });
});

describe('DirectorState: Export as scenario', () => {
  it('downloads the running world as <scenario>-saved.yaml in the browser, a file that loads back to it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { host, panel } = await director();
    host.sim.setPhoneState({ phoneId: 'sms-phone', patch: { airplane: true } });
    host.sim.advanceClock({ ms: 60_000 });
    await host.settle();
    const blobs: Blob[] = [];
    const clicked: string[] = [];
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:world'), revokeObjectURL: () => {} }));
    vi.stubGlobal('document', {
      createElement: () => {
        const link = { href: '', download: '', click: () => clicked.push(link.download), remove: () => {} };
        return link;
      },
      body: { append: () => {} },
    });
    try {
      await panel.exportScenario();
      expect(clicked).toEqual(['default-saved.yaml']);
      expect(blobs[0]!.type).toBe('text/yaml');
      const text = await blobs[0]!.text();
      expect(text).toBe(host.sim.exportWorld({}).text);
      const loaded = parseScenario(text, 'default-saved.yaml');
      expect(loaded.ok && loaded.scenario.phones.find((p) => p.id === 'sms-phone')!.state.airplane).toBe(true);
      expect(panel.status).toBe('Exported the world as default-saved.yaml (a login in progress is not saved).');
      expect(panel.error).toBeNull();
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });

  it("asks the desktop app's save dialog instead, sending no export over the wire, and says what it did", async () => {
    let answer: Envelope<SavedWorldView> = { ok: true, value: { saved: true, fileName: 'rehearsal.yaml' } };
    const { host, panel } = await director({ library: library(), saveWorld: () => answer });
    await panel.exportScenario();
    expect(host.names()).not.toContain('exportWorld');
    expect(panel.status).toBe('Saved the world as rehearsal.yaml (a login in progress is not saved).');
    panel.status = null;
    answer = { ok: true, value: { saved: false, fileName: null } };
    await panel.exportScenario();
    expect(panel.status).toBeNull();
    answer = { ok: false, error: { code: 'internal', message: 'The world could not be saved: EACCES' } };
    await panel.exportScenario();
    expect(panel.error).toBe('The world could not be saved: EACCES');
  });
});
