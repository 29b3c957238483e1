// The dialogs around a login: the paper warning, "Existing session detected", "Read-Only Login",
// "Re-login is required" and "Log in progress (attempt #N)", each on the virtual clock, with their
// cancel paths and how they meet the lockout.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ScenarioInput } from '../../../main/sim/scenario/schema.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { DEMO_PASSWORD, defaultScenarioText, demoScenario, latestCode, MINUTE } from '../helpers.js';
import { loadScenario } from '../../../main/sim/scenario/load.js';

type Users = NonNullable<ScenarioInput['users']>;

/** The demo scenario with some fields replaced, and each user changed by `user` if given. */
function sim(overrides: Partial<ScenarioInput> = {}, user: (u: Users[number]) => Users[number] = (u) => u): Simulation {
  const base = parse(defaultScenarioText) as ScenarioInput;
  return new Simulation(loadScenario(JSON.stringify({ ...base, ...overrides, users: base.users.map(user) }), 'test.yaml'));
}

const types = (s: Simulation) => s.getJournal({}).entries.map((e) => e.type);
const entries = (s: Simulation, type: string) => s.getJournal({}).entries.filter((e) => e.type === type);

/** smsuser through the SMS code, in `mode`: the view after the code. */
function smsLogin(s: Simulation, mode: 'live' | 'paper' = 'live') {
  const start = s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode });
  s.advance(s.scenario.timing.smsDelay);
  return s.submitCode({ loginId: start.loginId!, code: latestCode(s) });
}

const elsewhere = (u: Users[number]) => (u.username === 'smsuser' ? { ...u, loggedInElsewhere: true } : u);

describe('the paper-account warning', () => {
  it('comes after the second factor, and "I understand and accept" logs in', () => {
    const s = sim();
    const warned = smsLogin(s, 'paper');
    expect(warned).toMatchObject({ step: 'paperWarning', mode: 'paper', error: null });
    expect(types(s)).not.toContain('login.succeeded');
    expect(s.acceptPaperWarning({ loginId: warned.loginId! })).toMatchObject({ step: 'loggedIn', mode: 'paper' });
    expect(entries(s, 'login.succeeded').at(-1)).toMatchObject({ mode: 'paper', factor: 'sms', readOnly: false });
  });

  it('Cancel on the warning goes back to the first screen, logged in nowhere', () => {
    const s = sim();
    const warned = smsLogin(s, 'paper');
    expect(s.cancelLogin({ loginId: warned.loginId! })).toMatchObject({ step: 'credentials', loginId: null });
    expect(types(s)).toContain('login.cancelled');
    expect(types(s)).not.toContain('login.succeeded');
  });

  it('a lock that came meanwhile fails the login at the warning', () => {
    const s = sim();
    const warned = smsLogin(s, 'paper');
    for (let i = 0; i < 10; i++) s.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live' });
    expect(s.acceptPaperWarning({ loginId: warned.loginId! })).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
    expect(entries(s, 'login.failed').at(-1)).toMatchObject({ reason: 'account_locked' });
  });
});

describe('"Existing session detected"', () => {
  it('a user logged in elsewhere is asked after the second factor, never before', () => {
    const s = sim({}, elsewhere);
    const start = s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    // The password alone reveals nothing about the other session.
    expect(start.step).toBe('securityCode');
    s.advance(s.scenario.timing.smsDelay);
    const asked = s.submitCode({ loginId: start.loginId!, code: latestCode(s) });
    expect(asked).toMatchObject({ step: 'existingSession', error: null });
    expect(entries(s, 'session.existing').at(-1)).toMatchObject({ loginId: start.loginId, username: 'smsuser', other: null });
    expect(types(s)).not.toContain('login.succeeded');
  });

  it('"Continue Login" disconnects the session elsewhere and logs in; the next login is not asked again', () => {
    const s = sim({}, elsewhere);
    const asked = smsLogin(s);
    expect(s.continueLogin({ loginId: asked.loginId! }).step).toBe('loggedIn');
    expect(entries(s, 'session.disconnected').at(-1)).toMatchObject({ loginId: asked.loginId, username: 'smsuser', ended: null });
    s.logOut({ loginId: asked.loginId! });
    s.advance(2 * MINUTE);
    expect(smsLogin(s).step).toBe('loggedIn');
  });

  it('"Cancel" keeps the other session: nothing succeeds, nothing is disconnected, and the next login is asked again', () => {
    const s = sim({}, elsewhere);
    const asked = smsLogin(s);
    expect(s.cancelLogin({ loginId: asked.loginId! })).toMatchObject({ step: 'credentials', loginId: null });
    expect(types(s)).toContain('login.cancelled');
    expect(types(s)).not.toContain('login.succeeded');
    expect(types(s)).not.toContain('session.disconnected');
    s.advance(2 * MINUTE);
    expect(smsLogin(s).step).toBe('existingSession');
  });

  it('the same user logging in a second time is asked, and Continue Login ends the first session with "Re-login is required"', () => {
    const s = sim();
    const first = smsLogin(s);
    expect(first.step).toBe('loggedIn');
    s.advance(2 * MINUTE);
    const second = smsLogin(s);
    expect(second.step).toBe('existingSession');
    expect(entries(s, 'session.existing').at(-1)).toMatchObject({ other: first.loginId });
    // Cancel would leave the first alone; Continue Login disconnects it.
    expect(s.continueLogin({ loginId: second.loginId! }).step).toBe('loggedIn');
    expect(s.getLogin({ loginId: first.loginId! })).toMatchObject({ step: 'reloginRequired', notice: { code: 'session_disconnected' } });
    expect(entries(s, 'session.disconnected').at(-1)).toMatchObject({ loginId: second.loginId, ended: first.loginId });
    // "Re-login" leaves the ended session: back to the first screen, no cancellation journalled.
    expect(s.cancelLogin({ loginId: first.loginId! })).toMatchObject({ step: 'credentials', loginId: null });
    expect(entries(s, 'login.cancelled')).toHaveLength(0);
  });

  it('the app on a trading device is asked too when the login window holds the session', () => {
    const s = sim();
    const window = smsLogin(s);
    const app = s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', phoneId: 'sms-phone' });
    s.advance(2 * MINUTE);
    s.requestNewCode({ loginId: app.loginId!, channel: 'sms' });
    s.advance(s.scenario.timing.smsDelay);
    expect(s.submitCode({ loginId: app.loginId!, code: latestCode(s) }).step).toBe('existingSession');
    expect(s.getPhone({ phoneId: 'sms-phone' }).app.login).toMatchObject({ step: 'existingSession' });
    s.continueLogin({ loginId: app.loginId! });
    expect(s.getLogin({ loginId: window.loginId! }).step).toBe('reloginRequired');
  });

  it('a paper login asked about the other session shows the paper warning after Continue Login', () => {
    const s = sim({}, elsewhere);
    const asked = smsLogin(s, 'paper');
    expect(asked.step).toBe('existingSession');
    expect(s.continueLogin({ loginId: asked.loginId! }).step).toBe('paperWarning');
    expect(s.acceptPaperWarning({ loginId: asked.loginId! }).step).toBe('loggedIn');
  });

  it('a lock that came meanwhile fails Continue Login, and the other session stays', () => {
    const s = sim({}, elsewhere);
    const asked = smsLogin(s);
    for (let i = 0; i < 10; i++) s.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live' });
    expect(s.continueLogin({ loginId: asked.loginId! })).toMatchObject({ step: 'failed', error: { code: 'login_failed' } });
    expect(types(s)).not.toContain('session.disconnected');
  });

  it('Continue Login is refused at any other step', () => {
    const s = sim();
    const start = s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    expect(() => s.continueLogin({ loginId: start.loginId! })).toThrow(/not "existingSession"/);
  });
});

describe('"Read-Only Login"', () => {
  it('an SLS user logs in with the password alone, read-only, and is not asked about other sessions', () => {
    const s = sim({ readOnlyLogin: true }, elsewhere);
    const view = s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', readOnly: true });
    expect(view).toMatchObject({ step: 'loggedIn', readOnly: true });
    expect(s.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(0);
    expect(entries(s, 'login.succeeded').at(-1)).toMatchObject({ factor: 'none', readOnly: true });
    expect(types(s)).not.toContain('session.existing');
  });

  it('still checks the password, and wrong ones still count towards the lockout', () => {
    const s = sim({ readOnlyLogin: true });
    for (let i = 0; i < 10; i++) expect(s.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live', readOnly: true }).error).toMatchObject({ code: 'invalid_credentials' });
    expect(entries(s, 'account.locked')).toHaveLength(1);
    // Locked: even the right password is refused, read-only or not.
    expect(s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', readOnly: true })).toMatchObject({ step: 'credentials', error: { code: 'invalid_credentials' } });
  });

  it('is refused when the scenario does not offer it, so no caller skips the second factor', () => {
    const s = sim();
    expect(() => s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', readOnly: true })).toThrow(/does not offer Read-Only Login/);
    expect(types(s)).not.toContain('login.started');
  });

  it('a paper read-only login still shows the paper warning', () => {
    const s = sim({ readOnlyLogin: true });
    const view = s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'paper', readOnly: true });
    expect(view).toMatchObject({ step: 'paperWarning', readOnly: true });
    expect(s.acceptPaperWarning({ loginId: view.loginId! })).toMatchObject({ step: 'loggedIn', readOnly: true });
  });

  it('a user with no SLS device logs in as usual (enrolment still required in Hong Kong)', () => {
    const s = sim({ readOnlyLogin: true });
    expect(s.submitCredentials({ username: 'hkuser', password: DEMO_PASSWORD, mode: 'live', readOnly: true })).toMatchObject({ step: 'enrolRequired', readOnly: false });
  });

  it('a read-only session does not count as the other trading session', () => {
    const s = sim({ readOnlyLogin: true });
    expect(s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', readOnly: true }).step).toBe('loggedIn');
    expect(smsLogin(s).step).toBe('loggedIn');
  });
});

describe('"Re-login is required"', () => {
  it('a session ends after timing.sessionTimeout on the virtual clock, and Re-login goes back to the first screen', () => {
    const s = sim({ timing: { sessionTimeout: '30m' } });
    const done = smsLogin(s);
    expect(done.step).toBe('loggedIn');
    s.advance(30 * MINUTE - 1);
    expect(s.getLogin({ loginId: done.loginId! }).step).toBe('loggedIn');
    s.advance(1);
    expect(s.getLogin({ loginId: done.loginId! })).toMatchObject({ step: 'reloginRequired', notice: { code: 'session_timed_out' } });
    expect(entries(s, 'session.expired')).toEqual([expect.objectContaining({ loginId: done.loginId, username: 'smsuser' })]);
    expect(() => s.logOut({ loginId: done.loginId! })).toThrow(/reloginRequired/);
    expect(s.cancelLogin({ loginId: done.loginId! })).toMatchObject({ step: 'credentials', loginId: null });
    expect(types(s)).not.toContain('login.cancelled');
  });

  it('a session logged out before the timeout is not touched by it', () => {
    const s = sim({ timing: { sessionTimeout: '30m' } });
    const done = smsLogin(s);
    s.logOut({ loginId: done.loginId! });
    s.advance(31 * MINUTE);
    expect(types(s)).not.toContain('session.expired');
  });

  it('never times out when the scenario sets no timeout', () => {
    const s = sim();
    const done = smsLogin(s);
    s.advance(48 * 60 * MINUTE);
    expect(s.getLogin({ loginId: done.loginId! }).step).toBe('loggedIn');
  });

  it('a timed-out session is no other session for the next login', () => {
    const s = sim({ timing: { sessionTimeout: '30m' } });
    smsLogin(s);
    s.advance(30 * MINUTE);
    expect(smsLogin(s).step).toBe('loggedIn');
  });
});

describe('"Log in progress (attempt #N)"', () => {
  const retrying = { connection: { failedAttempts: 3, retryInterval: '10s' } };

  it('counts the attempts on the virtual clock, then the login goes on', () => {
    const s = sim(retrying);
    const first = s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    expect(first).toMatchObject({ step: 'connecting', connectionAttempt: 1, username: 'smsuser', error: null });
    // The server has heard nothing yet.
    expect(types(s)).not.toContain('login.started');
    s.advance(10_000);
    expect(s.getLogin({ loginId: first.loginId! })).toMatchObject({ step: 'connecting', connectionAttempt: 2 });
    s.advance(10_000);
    expect(s.getLogin({ loginId: first.loginId! })).toMatchObject({ step: 'connecting', connectionAttempt: 3 });
    s.advance(10_000);
    expect(s.getLogin({ loginId: first.loginId! })).toMatchObject({ step: 'securityCode', loginId: first.loginId });
    expect(entries(s, 'connection.failed').map((e) => ('attempt' in e ? e.attempt : 0))).toEqual([1, 2, 3]);
    expect(entries(s, 'connection.established')).toEqual([expect.objectContaining({ loginId: first.loginId, attempts: 4 })]);
  });

  it('only Cancel is accepted while connecting; it ends the login, and nothing counts', () => {
    const s = sim(retrying);
    const first = s.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live' });
    expect(() => s.submitCode({ loginId: first.loginId!, code: '123456' })).toThrow(/still connecting/);
    expect(s.cancelLogin({ loginId: first.loginId! })).toMatchObject({ step: 'credentials', loginId: null, username: 'smsuser' });
    s.advance(MINUTE);
    expect(types(s)).not.toContain('login.rejected');
    expect(types(s)).not.toContain('connection.established');
    expect(() => s.getLogin({ loginId: first.loginId! })).toThrow(/No login/);
  });

  it('a wrong password is refused once connected, with the generic words, and counts towards the lockout', () => {
    const s = sim({ ...retrying, timing: { lockout: { failures: 2 } } });
    for (let i = 0; i < 2; i++) {
      const view = s.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live' });
      expect(view.step).toBe('connecting');
      s.advance(30_000);
    }
    expect(entries(s, 'login.rejected').map((e) => ('reason' in e ? e.reason : ''))).toEqual(['wrong_password', 'wrong_password']);
    expect(entries(s, 'account.locked')).toHaveLength(1);
  });

  it('an unknown user sees the same connecting screens and the same refusal', () => {
    const s = sim(retrying);
    const view = s.submitCredentials({ username: 'nobody', password: 'x', mode: 'live' });
    expect(view).toMatchObject({ step: 'connecting', connectionAttempt: 1 });
    s.advance(30_000);
    expect(entries(s, 'login.rejected').at(-1)).toMatchObject({ username: 'nobody', reason: 'unknown_user' });
  });

  it('a lock that came while connecting refuses the right password once connected', () => {
    const s = sim(retrying);
    const view = s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    // Ten wrong passwords from elsewhere lock the account while this one connects (the app connects at once).
    for (let i = 0; i < 10; i++) s.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live', phoneId: 'sms-phone' });
    s.advance(30_000);
    expect(entries(s, 'login.rejected').at(-1)).toMatchObject({ username: 'smsuser', reason: 'locked' });
    expect(() => s.getLogin({ loginId: view.loginId! })).toThrow(/No login/);
  });

  it('the app on a phone connects at once', () => {
    const s = sim(retrying);
    expect(s.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live', phoneId: 'sms-phone' }).step).toBe('securityCode');
  });

  it('tells the window following the connection of every attempt and of the refusal', () => {
    const s = sim(retrying);
    const seen: string[] = [];
    s.on((event) => {
      if (event.type === 'login') seen.push(`${event.login.loginId}:${event.login.step}:${event.login.connectionAttempt ?? ''}:${event.login.error?.code ?? ''}`);
    });
    s.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live' });
    s.advance(30_000);
    expect(seen).toEqual(['L1:connecting:2:', 'L1:connecting:3:', 'L1:credentials::invalid_credentials']);
  });
});

describe('scenario files', () => {
  it('read the new settings with their defaults', () => {
    const s = demoScenario();
    expect(s.readOnlyLogin).toBe(false);
    expect(s.connection).toEqual({ failedAttempts: 0, retryInterval: 10_000 });
    expect(s.timing.sessionTimeout).toBeUndefined();
    expect(s.users.every((u) => u.loggedInElsewhere === false)).toBe(true);
  });
});
