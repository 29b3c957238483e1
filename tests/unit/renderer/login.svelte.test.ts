// The login window's state against the real simulation: what it shows after each action, what it sends, and what the world does to it.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { ClockState } from '../../../renderer/lib/clock.svelte.js';
import { LoginState } from '../../../renderer/lib/login.svelte.js';
import { useLocale } from '../../../renderer/lib/i18n.svelte.js';
import type { LoginView } from '../../../main/api/views.js';
import { DEMO_PASSWORD, latestCode, simHost, UNREACHABLE, type SimHost } from './sim-host.js';

function window(host: SimHost = simHost()) {
  const clock = new ClockState(host.api);
  const shown: LoginView[] = [];
  const login = new LoginState(host.api, clock, (view) => shown.push(view));
  const stops = [clock.connect(), login.connect()];
  return { host, clock, login, shown, close: () => stops.forEach((stop) => stop()) };
}

async function typeCredentials(login: LoginState, username: string, password = DEMO_PASSWORD) {
  login.username = username;
  login.password = password;
  await login.submitCredentials();
}

/** The expected answer of the login's open challenge, as a tester reads it off the director. */
const expectedResponse = (host: SimHost, loginId: string) => host.sim.listPending({}).find((p) => p.loginId === loginId && p.expectedResponse)!.expectedResponse!;

describe('LoginState', () => {
  it('logs in with an SMS code: the code step, the code from the phone typed with spaces, then logged in', async () => {
    const { host, login, shown } = window();
    expect(login.step).toBe('credentials');
    await typeCredentials(login, '  smsuser ');
    expect(host.sent.at(-1)).toEqual({ name: 'submitCredentials', request: { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' } });
    expect(login.step).toBe('securityCode');
    expect(login.view.loginId).not.toBeNull();
    expect(login.view.notice).toBeTruthy();
    expect(login.error).toBeNull();
    expect(shown.at(-1)?.step).toBe('securityCode');

    await host.advance(host.sim.scenario.timing.smsDelay);
    const code = latestCode(host.sim);
    login.code = `${code.slice(0, 3)} ${code.slice(3)}`;
    await login.submitCode();
    expect(host.sent.at(-1)).toEqual({ name: 'submitCode', request: { loginId: login.view.loginId, code } });
    expect(login.step).toBe('loggedIn');
    expect(login.code).toBe('');
    expect(login.busy).toBe(false);
  });

  it('shows a refused password in the alert region, keeps what was typed and counts the rejection', async () => {
    const { login } = window();
    await typeCredentials(login, 'smsuser', 'wrong');
    expect(login.step).toBe('credentials');
    expect(login.error).toBeTruthy();
    expect(login.view.loginId).toBeNull();
    expect(login.username).toBe('smsuser');
    expect(login.password).toBe('wrong');
    expect(login.rejections).toBe(1);
    await typeCredentials(login, 'smsuser', 'wrong again');
    expect(login.rejections).toBe(2);
    // The next answer without an error clears the alert.
    await typeCredentials(login, 'smsuser');
    expect(login.error).toBeNull();
    expect(login.rejections).toBe(2);
  });

  it('keeps a wrong code in the field for correction and says so; five wrong codes fail the login', async () => {
    const { host, login } = window();
    await typeCredentials(login, 'smsuser');
    await host.advance(host.sim.scenario.timing.smsDelay);
    login.code = '000000';
    await login.submitCode();
    expect(login.step).toBe('securityCode');
    expect(login.error).toBeTruthy();
    expect(login.rejections).toBe(1);
    // Same step: what was typed stays, for the field to select it.
    expect(login.code).toBe('000000');
    for (let i = 1; i < host.sim.scenario.timing.maxWrongCodes; i++) await login.submitCode();
    expect(login.step).toBe('failed');
    expect(login.code).toBe('');
  });

  it('counts down "Didn\'t receive a security code?" on the virtual clock and sends a new code by voice', async () => {
    const { host, login, clock } = window();
    await typeCredentials(login, 'smsuser');
    const at = login.view.resendAvailableAt;
    expect(at).not.toBeNull();
    expect(login.resendWait).toBe(at! - clock.now);
    expect(login.resendWait).toBeGreaterThan(0);
    await host.advance(5_000);
    expect(login.resendWait).toBe(Math.max(0, at! - host.sim.getClock({}).now));
    await host.advance(at! - host.sim.getClock({}).now);
    expect(login.resendWait).toBe(0);

    const before = login.view;
    await login.requestNewCode('voice');
    expect(host.sent.at(-1)).toEqual({ name: 'requestNewCode', request: { loginId: before.loginId, channel: 'voice' } });
    expect(login.step).toBe('securityCode');
    expect(login.view.notice).not.toBe(before.notice);
    await host.advance(host.sim.scenario.timing.voiceDelay);
    expect(host.sim.getPhone({ phoneId: 'sms-phone' }).calls.some((c) => c.state === 'ringing')).toBe(true);
  });

  it('moves on by itself when the push is approved on the phone (an event, not an answer)', async () => {
    const { host, login } = window();
    await typeCredentials(login, 'ibkeyios');
    expect(login.step).toBe('push');
    const loginId = login.view.loginId!;
    await host.advance(5_000);
    const sent = host.sent.length;
    const answer = host.sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' });
    expect(answer.ok).toBe(true);
    await host.settle();
    expect(login.step).toBe('loggedIn');
    expect(host.sent.length).toBe(sent);
  });

  it("follows only its own login: another window's login leaves it as it is", async () => {
    const host = simHost();
    const mine = window(host);
    const theirs = window(host);
    await typeCredentials(mine.login, 'smsuser');
    await typeCredentials(theirs.login, 'dscuser');
    await host.settle();
    expect(mine.login.step).toBe('securityCode');
    expect(mine.login.view.username).toBe('smsuser');
    expect(theirs.login.step).toBe('dscplus');
    await theirs.login.cancel();
    await host.settle();
    expect(mine.login.step).toBe('securityCode');
    mine.close();
    theirs.close();
  });

  it('answers IB Key\'s challenge: "Click here if you do not receive the notification", the response typed with spaces', async () => {
    const { host, login } = window();
    await typeCredentials(login, 'ibkeyandroid');
    await login.requestChallenge();
    expect(login.step).toBe('challenge');
    expect(login.view.challenge).toMatch(/^\d{6}$/);
    const expected = expectedResponse(host, login.view.loginId!);
    login.response = `${expected.slice(0, 4)} ${expected.slice(4)}`;
    await login.submitResponse();
    expect(host.sent.at(-1)).toMatchObject({ name: 'submitResponse', request: { response: expected } });
    expect(login.step).toBe('loggedIn');
    expect(login.response).toBe('');
  });

  it('chooses among several devices and goes back to the list', async () => {
    const { login } = window();
    await typeCredentials(login, 'multidevice');
    expect(login.step).toBe('selectDevice');
    const sms = login.view.devices.find((d) => d.kind === 'sms')!;
    await login.chooseDevice(sms.id);
    expect(login.step).toBe('securityCode');
    expect(login.view.device?.id).toBe(sms.id);
    await login.changeDevice();
    expect(login.step).toBe('selectDevice');
    await login.chooseDevice(login.view.devices.find((d) => d.kind === 'dscplus')!.id);
    expect(login.step).toBe('dscplus');
  });

  it('closes the card viewer when the card step is left', async () => {
    const { login } = window();
    await typeCredentials(login, 'carduser');
    expect(login.step).toBe('codecard');
    expect(login.view.cardIndexes).toHaveLength(2);
    login.cardOpen = true;
    login.response = 'abc';
    await login.submitResponse();
    // Refused, same step: the viewer stays open.
    expect(login.error).toBeTruthy();
    expect(login.cardOpen).toBe(true);
    await login.cancel();
    expect(login.step).toBe('credentials');
    expect(login.cardOpen).toBe(false);
  });

  it('shows the paper-trading warning and logs in once it is accepted; the mode is fixed once a login started', async () => {
    const { host, login } = window();
    login.setMode('paper');
    expect(login.mode).toBe('paper');
    await typeCredentials(login, 'dscuser');
    login.setMode('live');
    expect(login.mode).toBe('paper');
    expect(host.sent.at(-1)).toMatchObject({ request: { mode: 'paper' } });
    const fob = host.sim.getWorld({}).fobs.find((f) => f.owner === 'dscuser')!.serial;
    host.sim.fobPress({ serial: fob });
    host.sim.fobEnter({ serial: fob, digits: '2468' });
    host.sim.fobEnter({ serial: fob, digits: login.view.challenge! });
    login.response = host.sim.getFob({ serial: fob }).display;
    await login.submitResponse();
    expect(login.step).toBe('paperWarning');
    await login.acceptPaperWarning();
    expect(login.step).toBe('loggedIn');
  });

  it('enrols a mobile number where the regulator requires it: checks the number itself, then the code from the SMS', async () => {
    const { host, login } = window();
    await typeCredentials(login, 'hkuser');
    expect(login.step).toBe('enrolRequired');
    expect(login.view.enrolment?.required).toBe(true);
    const sent = host.sent.length;
    login.enrolNumber = '5123 4567';
    await login.enrolSms();
    // Said in the window, with an example of the user's own region; nothing goes to the server.
    expect(login.exampleNumber).toBe('+852 5123 4567');
    expect(login.error).toBe('Mobile Number: type it in international format, + and country code first, e.g. +852 5123 4567');
    expect(login.rejections).toBe(1);
    expect(host.sent.length).toBe(sent);

    login.enrolNumber = '+852 (5123) 45-67';
    await login.enrolSms();
    expect(host.sent.at(-1)).toMatchObject({ name: 'enrolSms', request: { number: '+85251234567' } });
    expect(login.error).toBeNull();
    expect(login.view.enrolment?.codeSent).toBe(true);
    await host.advance(host.sim.scenario.timing.smsDelay);
    login.code = latestCode(host.sim, 'hk-phone');
    await login.confirmSmsEnrolment();
    // The green check in "SMS Verified": the login waits for the second CONTINUE.
    expect(login.view.enrolment).toMatchObject({ verified: true, enrolled: false });
    expect(login.step).toBe('enrolRequired');
    await login.finishSmsEnrolment();
    expect(host.sent.at(-1)).toMatchObject({ name: 'finishSmsEnrolment' });
    expect(login.view.enrolment?.enrolled).toBe(true);
    expect(login.step).toBe('loggedIn');
  });

  it('puts off the enrolment offer with "Remind me later", and offers it again to the next login', async () => {
    const { host, login } = window();
    await typeCredentials(login, 'nodevice');
    expect(login.step).toBe('loggedIn');
    expect(login.view.enrolment?.required).toBe(false);
    login.enrolNumber = '+1';
    await login.enrolSms();
    expect(login.error).toBeTruthy();
    login.remindLater();
    expect(login.enrolLater).toBe(true);
    expect(login.error).toBeNull();
    login.enrolNumber = '+852 5123 4567';
    await login.logOut();
    expect(login.step).toBe('credentials');
    expect(login.password).toBe('');
    expect(login.username).toBe('nodevice');
    expect(host.sent.at(-1)?.name).toBe('logOut');
    await typeCredentials(login, 'nodevice');
    expect(login.enrolLater).toBe(false);
    expect(login.enrolNumber).toBe('');
  });

  it('goes back to its first frame on a reset: the first screen, every field empty, Live Trading', async () => {
    const { host, login } = window();
    await typeCredentials(login, 'smsuser');
    login.code = '12';
    login.enrolNumber = '+1312';
    login.mode = 'paper';
    host.sim.resetWorld({});
    await host.settle();
    expect(login.step).toBe('credentials');
    expect(login.view.loginId).toBeNull();
    expect({ username: login.username, password: login.password, code: login.code, enrolNumber: login.enrolNumber, mode: login.mode, error: login.error }).toEqual({
      username: '',
      password: '',
      code: '',
      enrolNumber: '',
      mode: 'live',
      error: null,
    });
  });

  it('keeps its login when the windows switch language, and words it in the new one', async () => {
    const { host, login } = window();
    await typeCredentials(login, 'smsuser');
    login.code = '12';
    const before = login.view;
    const english = login.notice;
    host.sim.setLocale({ locale: 'fr' });
    await host.settle();
    await useLocale('fr');
    try {
      expect(login.step).toBe('securityCode');
      expect(login.view).toEqual(before);
      expect(login.code).toBe('12');
      expect(login.notice).not.toBe(english);
      expect(login.notice).toMatch(/^Un code de sécurité a été envoyé/);
      // A check of the window's own speaks the language too.
      login.enrolNumber = '5123';
      await login.enrolSms();
      expect(login.error).toMatch(/^Numéro mobile/);
    } finally {
      await useLocale('en');
    }
    expect(login.error).toMatch(/^Mobile Number/);
  });

  it('returns to the first screen when its login is gone on the server, and says so', async () => {
    const { host, login } = window();
    await typeCredentials(login, 'smsuser');
    // The reset's event is lost: the window still shows the code step.
    await host.outage(() => void host.sim.resetWorld({}));
    expect(login.step).toBe('securityCode');
    login.code = '123456';
    await login.submitCode();
    expect(login.step).toBe('credentials');
    expect(login.error).toBeTruthy();
    expect(login.username).toBe('smsuser');
  });

  it('reads its login again after missed events: a login that moved on is shown as it is, one that ended is left', async () => {
    const { host, login } = window();
    await typeCredentials(login, 'ibkeyios');
    const loginId = login.view.loginId!;
    await host.advance(5_000);
    await host.outage(() => void host.sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' }));
    expect(login.step).toBe('push');
    await login.refresh();
    expect(host.sent.at(-1)).toEqual({ name: 'getLogin', request: { loginId } });
    expect(login.step).toBe('loggedIn');

    await host.outage(() => void host.sim.logOut({ loginId }));
    await login.refresh();
    expect(login.step).toBe('credentials');
    expect(login.view.loginId).toBeNull();
    // No login: nothing to read.
    const sent = host.sent.length;
    await login.refresh();
    expect(host.sent.length).toBe(sent);
  });

  it('says the simulator is not responding when the host cannot be reached, and sends one request at a time', async () => {
    const { host, login } = window();
    host.refuse = UNREACHABLE;
    await typeCredentials(login, 'smsuser');
    expect(login.error).toBe('The simulator is not responding. Is it still running?');
    // The alert is in the window's language, and follows a switch while it shows.
    await useLocale('fr');
    try {
      expect(login.error).toBe('Le simulateur ne répond pas. Est-il toujours en marche\u00a0?');
    } finally {
      await useLocale('en');
    }
    expect(login.rejections).toBe(1);
    expect(login.step).toBe('credentials');
    host.refuse = null;
    const sent = host.sent.length;
    const first = login.submitCredentials();
    expect(login.busy).toBe(true);
    const second = login.submitCredentials();
    await Promise.all([first, second]);
    expect(host.sent.length).toBe(sent + 1);
    expect(login.error).toBeNull();
    expect(login.step).toBe('securityCode');
  });

  it("re-runs what the window's effects watch: once per refused answer, and the resend wait as the clock's events come", async () => {
    const { host, login } = window();
    const rejections: number[] = [];
    const waits: number[] = [];
    const stop = $effect.root(() => {
      $effect(() => void rejections.push(login.rejections));
      $effect(() => void waits.push(login.resendWait));
    });
    try {
      flushSync();
      await typeCredentials(login, 'smsuser', 'wrong');
      flushSync();
      await typeCredentials(login, 'smsuser', 'wrong');
      flushSync();
      expect(rejections).toEqual([0, 1, 2]);
      await typeCredentials(login, 'smsuser');
      flushSync();
      const first = login.resendWait;
      await host.advance(2_000);
      flushSync();
      expect(waits).toEqual([0, first, first - 2_000]);
    } finally {
      stop();
    }
  });
});
