// Saved worlds: a world changed by operations, exported as a scenario file, loads back to the same world.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PhoneView } from '../../../main/api/views.js';
import { formatDuration, parseDuration } from '../../../main/sim/scenario/durations.js';
import { parseScenario } from '../../../main/sim/scenario/load.js';
import type { Scenario } from '../../../main/sim/scenario/schema.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { DEMO_PASSWORD, demoSim, latestCode } from '../helpers.js';

const MINUTE = 60_000;
const HK_NUMBER = '+85251234567';
const libraryDir = path.resolve(import.meta.dirname, '../../../scenarios/library');

function load(text: string, file = 'saved.yaml'): Scenario {
  const result = parseScenario(text, file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`).join('\n'));
  return result.scenario;
}

/** Export, then load the file into a fresh simulation. */
function reloaded(sim: Simulation): { text: string; copy: Simulation } {
  const text = sim.exportWorld({}).text;
  return { text, copy: new Simulation(load(text)) };
}

/** A phone's view without what a saved world does not keep (its messages, notifications and calls). */
function kept({ messages: _m, notifications: _n, calls: _c, unread: _u, ...phone }: PhoneView) {
  return phone;
}

/** The world view, but for how long the run has gone on (a loaded world counts from the moment it was saved). */
function worldOf(sim: Simulation) {
  const { clock, ...world } = sim.getWorld();
  return { ...world, clock: { now: clock.now, running: clock.running } };
}

function login(sim: Simulation, username: string, password = DEMO_PASSWORD) {
  return sim.submitCredentials({ username, password, mode: 'live' });
}

/** The demo world after an afternoon of rehearsal: enrolment, Clear data, a lockout, faults, time. */
function rehearsed(): Simulation {
  const sim = demoSim({
    timeline: [
      { at: '1m', phone: 'multi-phone', set: { doNotDisturb: true } },
      { at: '2h', phone: 'sms-phone', set: { airplane: false }, note: 'back on the ground' },
      { at: '3h', seamless: { user: 'ibkeyios', enabled: false } },
    ],
  } as never);
  // hkuser enrols a mobile number in SMS (required in Hong Kong) and logs in.
  const hk = login(sim, 'hkuser').loginId!;
  sim.enrolSms({ loginId: hk, number: HK_NUMBER });
  sim.advance(sim.scenario.timing.smsDelay);
  expect(sim.confirmSmsEnrolment({ loginId: hk, code: latestCode(sim, 'hk-phone') }).enrolment?.verified).toBe(true);
  expect(sim.finishSmsEnrolment({ loginId: hk }).step).toBe('loggedIn');
  sim.logOut({ loginId: hk });
  // Android's Clear data forgets IB Key; a wrong app PIN on the iPhone SE is not a thing, so one on no phone.
  sim.clearAppData({ phoneId: 'android-phone' });
  // dscuser locked out by wrong passwords; carduser has two that still count.
  for (let i = 0; i < sim.scenario.timing.lockout.failures; i++) login(sim, 'dscuser', 'wrong');
  for (let i = 0; i < 2; i++) login(sim, 'carduser', 'nope');
  // A wrong PIN on multidevice's DSC+.
  sim.fobPress({ serial: 'SNA-31478259' });
  sim.fobEnter({ serial: 'SNA-31478259', digits: '0000' });
  // Airplane mode on smsuser's iPhone, Seamless off for multidevice, and 20 minutes pass.
  sim.setPhoneState({ phoneId: 'sms-phone', patch: { airplane: true, battery: 41 } });
  sim.setSeamless({ username: 'multidevice', enabled: false });
  sim.advanceClock({ ms: 20 * MINUTE });
  return sim;
}

describe('saved worlds', () => {
  it('exports a changed world as a scenario file that loads back to the same world', () => {
    const sim = rehearsed();
    const { text, copy } = reloaded(sim);

    expect(text).toMatch(/^# Saved world: scenario "default" at 2026-03-02T14:50:0\d\.\d{3}Z/);
    expect(text).toMatch(/# A login in progress is not saved/);
    expect(worldOf(copy)).toEqual(worldOf(sim));
    for (const { id } of sim.getWorld().phones) expect(kept(copy.getPhone({ phoneId: id })), id).toEqual(kept(sim.getPhone({ phoneId: id })));
    expect(copy.getFob({ serial: 'SNA-31478259' })).toEqual(sim.getFob({ serial: 'SNA-31478259' }));
    expect(copy.listPending({})).toEqual(sim.listPending({}));

    // What the world view shows, checked by name too, so that an equal pair of wrong worlds does not pass.
    const users = Object.fromEntries(copy.getWorld().users.map((u) => [u.username, u]));
    expect(users.hkuser!.devices.map((d) => d.kind)).toEqual(['sms']);
    expect(users.dscuser!.lockedUntil).toBeGreaterThan(copy.getClock().now);
    expect(users.carduser!.recentFailures).toBe(2);
    expect(users.multidevice!.seamless).toBe(false);
    expect(copy.getPhone({ phoneId: 'android-phone' }).app.ibkeyUser).toBeNull();
    expect(copy.getPhone({ phoneId: 'sms-phone' }).status).toMatchObject({ airplane: true, battery: 41 });
    expect(copy.getPhone({ phoneId: 'multi-phone' }).status.doNotDisturb).toBe(true);
    expect(copy.getFob({ serial: 'SNA-31478259' }).wrongPins).toBe(1);
  });

  it('behaves the same afterwards: the same login ids, codes, refusals and timeline', () => {
    const sim = rehearsed();
    const { copy } = reloaded(sim);
    for (const s of [sim, copy]) s.setPhoneState({ phoneId: 'sms-phone', patch: { airplane: false } });

    // hkuser now logs in with the SMS factor enrolment gave them: the same login id and the same code.
    const [a, b] = [login(sim, 'hkuser'), login(copy, 'hkuser')];
    expect(b).toEqual(a);
    expect(a.step).toBe('securityCode');
    for (const s of [sim, copy]) s.advance(sim.scenario.timing.smsDelay);
    expect(copy.listPending({})).toEqual(sim.listPending({}));
    const code = latestCode(sim, 'hk-phone');
    expect(latestCode(copy, 'hk-phone')).toBe(code);
    expect(copy.submitCode({ loginId: b.loginId!, code })).toEqual(sim.submitCode({ loginId: a.loginId!, code }));

    // dscuser is still locked out (the generic refusal), carduser's next failure is the third.
    expect(login(copy, 'dscuser')).toEqual(login(sim, 'dscuser'));
    expect(worldOf(copy)).toEqual(worldOf(sim));

    // IB Key on the Pixel was cleared: the push is lost the same way in both.
    const [p, q] = [login(sim, 'ibkeyandroid'), login(copy, 'ibkeyandroid')];
    expect(q).toEqual(p);
    for (const s of [sim, copy]) s.advance(5_000);
    const reasons = (s: Simulation) => s.getJournal({}).entries.filter((e) => e.type === 'push.suppressed').map((e) => ('reason' in e ? e.reason : null));
    expect(reasons(copy)).toEqual(reasons(sim));
    expect(reasons(copy)).toEqual(['ibkey_not_active']);

    // The timeline still to come fires at the same virtual times; the entry that fired is not played again.
    for (const s of [sim, copy]) s.advance(3 * 60 * MINUTE);
    const fired = (s: Simulation) => s.getJournal({}).entries.filter((e) => e.type === 'timeline.fired').map((e) => ({ at: e.at, description: 'description' in e ? e.description : '' }));
    expect(fired(copy)).toEqual(fired(sim).filter((f) => f.at > copy.world.clock.startedAt));
    expect(fired(copy).map((f) => f.description)).toEqual(['back on the ground', expect.stringMatching(/Seamless/i)]);
    expect(worldOf(copy)).toEqual(worldOf(sim));
    for (const { id } of sim.getWorld().phones) expect(kept(copy.getPhone({ phoneId: id })).status, id).toEqual(kept(sim.getPhone({ phoneId: id })).status);
  });

  it('does not save a login in progress, and says so in the file', () => {
    const sim = demoSim();
    sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(sim.scenario.timing.smsDelay);
    expect(sim.listPending({})).toHaveLength(1);
    const { text, copy } = reloaded(sim);
    expect(copy.listPending({})).toEqual([]);
    expect(parse(text)).not.toHaveProperty('script');
    // The login counted: smsuser's next login is their second, in both, so its code is the same.
    const [a, b] = [login(sim, 'smsuser'), login(copy, 'smsuser')];
    expect(b.loginId).toBe(a.loginId);
    for (const s of [sim, copy]) s.advance(sim.scenario.timing.smsDelay);
    expect(copy.listPending({})[0]!.code).toBe(sim.listPending({}).find((p) => p.loginId === a.loginId)!.code);
  });

  it("keeps the windows' language switched since the start, and each user's own", () => {
    const sim = demoSim();
    sim.setLocale({ locale: 'fr' });
    const { text, copy } = reloaded(sim);
    expect(parse(text)).toMatchObject({ locale: 'fr' });
    expect(copy.getWorld().locale).toBe('fr');
    // The users were English in the file they came from, and stay so: their language is theirs, not the windows'.
    expect(copy.getWorld().users.map((u) => u.language)).toEqual(sim.getWorld().users.map((u) => u.language));
    expect(new Set(copy.getWorld().users.map((u) => u.language))).toEqual(new Set(['en']));
  });

  it('keeps IB Key locked by wrong app PINs, and the wrong PINs counted', () => {
    const sim = demoSim({ timing: { appPinTries: 3 } } as never);
    const challenge = '123456';
    sim.generateResponse({ phoneId: 'android-phone', challenge, method: 'pin', pin: '0000' });
    let { copy } = reloaded(sim);
    expect(copy.world.phones.get('android-phone')!.app.wrongPins).toBe(1);
    for (let i = 0; i < 2; i++) sim.generateResponse({ phoneId: 'android-phone', challenge, method: 'pin', pin: '0000' });
    ({ copy } = reloaded(sim));
    expect(copy.getPhone({ phoneId: 'android-phone' }).app).toEqual(sim.getPhone({ phoneId: 'android-phone' }).app);
    expect(copy.getPhone({ phoneId: 'android-phone' }).app.needsReactivation).toBe(true);
    expect(copy.generateResponse({ phoneId: 'android-phone', challenge, method: 'pin', pin: '1357' })).toEqual(
      sim.generateResponse({ phoneId: 'android-phone', challenge, method: 'pin', pin: '1357' }),
    );
  });

  it('keeps a temporary passcode and how long ago it was issued', () => {
    const text = readFileSync(path.join(libraryDir, 'temporary-passcode.yaml'), 'utf8');
    const sim = new Simulation(load(text));
    sim.advance(36 * 60 * MINUTE);
    const { copy } = reloaded(sim);
    expect([...copy.world.temporaryPasscodes]).toEqual([...sim.world.temporaryPasscodes]);
    // Two days from the issue: 12 hours on, it no longer opens the platform in either world.
    for (const s of [sim, copy]) s.advance(12 * 60 * MINUTE);
    const user = sim.scenario.users.find((u) => u.temporaryPasscode)!.username;
    expect(login(copy, user)).toEqual(login(sim, user));
  });

  it('writes durations a file can hold and reads them back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 366 * 86_400_000 }), (ms) => parseDuration(formatDuration(ms)) === ms),
      { seed: 20261202, numRuns: 500 },
    );
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('export ∘ load is a fixed point over the library', () => {
  const files = readdirSync(libraryDir).filter((f) => f.endsWith('.yaml')).sort();
  // Fixed seed and run count (printed by fast-check on failure).
  const SEED = 1102;
  const RUNS = 25;

  it('keeps every field of a library scenario that the world did not change', () => {
    for (const file of files) {
      const original = load(readFileSync(path.join(libraryDir, file), 'utf8'), file);
      const saved = load(new Simulation(original).exportWorld({}).text);
      // The start is written with its milliseconds; the timeline's `written` is the item as that file wrote it;
      // the windows' language is written as it is (English for a file that names none).
      const drop = ({ script: _s, expect: _e, timeline, users, start, ...rest }: Scenario) => ({ ...rest, start: Date.parse(start), timeline: timeline.map(({ written: _w, ...entry }) => entry), users });
      const passcodes = (s: Scenario) => s.users.map(({ temporaryPasscode, ...user }) => ({ ...user, temporaryPasscode: temporaryPasscode && { issued: temporaryPasscode.issued } }));
      expect({ ...drop(saved), users: passcodes(saved) }, file).toEqual({ ...drop(original), locale: original.locale ?? 'en', users: passcodes(original) });
    }
  });

  it('exports the same file again from a world loaded from an export, whatever was done to it', () => {
    const phoneFields = ['airplane', 'wifi', 'mobileData', 'doNotDisturb', 'poweredOn', 'carrierBlocking', 'smsStuck', 'lowPower'] as const;
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 6 * 3_600_000 }) }),
      fc.record({ kind: fc.constant('phone' as const), phone: fc.nat(), field: fc.constantFrom(...phoneFields), value: fc.boolean() }),
      fc.record({ kind: fc.constant('wrongPassword' as const), user: fc.nat() }),
      fc.record({ kind: fc.constant('login' as const), user: fc.nat() }),
      fc.record({ kind: fc.constant('clearAppData' as const), phone: fc.nat() }),
      fc.record({ kind: fc.constant('seamless' as const), user: fc.nat(), enabled: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(operation, { maxLength: 12 }), (file, operations) => {
        const sim = new Simulation(load(readFileSync(path.join(libraryDir, file), 'utf8'), file));
        const { users, phones } = sim.getWorld();
        for (const op of operations) {
          const user = users[('user' in op ? op.user : 0) % users.length]!.username;
          const phone = phones.length ? phones[('phone' in op ? op.phone : 0) % phones.length]! : null;
          if (op.kind === 'advance') sim.advanceClock({ ms: op.ms });
          if (op.kind === 'phone' && phone) sim.setPhoneState({ phoneId: phone.id, patch: { [op.field]: op.value } });
          if (op.kind === 'wrongPassword') login(sim, user, 'not-the-password');
          if (op.kind === 'login') login(sim, user);
          if (op.kind === 'clearAppData' && phone?.platform === 'android') sim.clearAppData({ phoneId: phone.id });
          if (op.kind === 'seamless') sim.setSeamless({ username: user, enabled: op.enabled });
        }
        const first = sim.exportWorld({}).text;
        const copy = new Simulation(load(first));
        expect(copy.exportWorld({}).text).toBe(first);
        expect(worldOf(copy)).toEqual(worldOf(sim));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
