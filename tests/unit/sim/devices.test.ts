import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, MINUTE, demoSim, latestCode, startSmsLogin, text } from '../helpers.js';

describe('Digital Security Card+', () => {
  it('PIN>, the PIN, CHALLNG>, the challenge, and the 8-digit response logs in', () => {
    const sim = demoSim();
    const view = sim.submitCredentials({ username: 'dscuser', password: DEMO_PASSWORD, mode: 'live' });
    expect(view.step).toBe('dscplus');
    const serial = 'SNA-52903318';
    expect(sim.fobPress({ serial })).toMatchObject({ state: 'pin', display: 'PIN>' });
    expect(sim.fobEnter({ serial, digits: '2468' })).toMatchObject({ state: 'challenge', display: 'CHALLNG>' });
    const fob = sim.fobEnter({ serial, digits: view.challenge! });
    expect(fob.state).toBe('response');
    expect(fob.display).toMatch(/^\d{8}$/);
    expect(sim.submitResponse({ loginId: view.loginId!, response: fob.display }).step).toBe('loggedIn');
  });

  it('switches itself off when left alone, and starts over', () => {
    const sim = demoSim();
    const serial = 'SNA-52903318';
    sim.fobPress({ serial });
    sim.fobEnter({ serial, digits: '2468' });
    sim.advance(MINUTE);
    expect(sim.getFob({ serial })).toMatchObject({ state: 'off', display: '' });
    expect(sim.fobEnter({ serial, digits: '123456' }).state).toBe('off');
  });

  it('locks after three wrong PINs until the director resets it', () => {
    const sim = demoSim();
    const serial = 'SNA-52903318';
    sim.fobPress({ serial });
    expect(sim.fobEnter({ serial, digits: '1111' })).toMatchObject({ state: 'pin', wrongPins: 1 });
    expect(sim.fobEnter({ serial, digits: '2222' })).toMatchObject({ state: 'pin', wrongPins: 2 });
    expect(sim.fobEnter({ serial, digits: '3333' })).toMatchObject({ state: 'locked', display: 'LOCKED' });
    expect(sim.fobPress({ serial }).state).toBe('locked');
    expect(sim.fobEnter({ serial, digits: '2468' }).state).toBe('locked');
    sim.advance(24 * 60 * MINUTE);
    expect(sim.getFob({ serial }).state).toBe('locked');
    expect(sim.resetFob({ serial })).toMatchObject({ state: 'off', wrongPins: 0 });
    sim.fobPress({ serial });
    expect(sim.fobEnter({ serial, digits: '2468' }).state).toBe('challenge');
  });
});

describe('Security Code Card', () => {
  it('checks the two values beside the index numbers, typed without spaces', () => {
    const sim = demoSim();
    const view = sim.submitCredentials({ username: 'carduser', password: DEMO_PASSWORD, mode: 'live' });
    expect(view.step).toBe('codecard');
    const [a, b] = view.cardIndexes!;
    expect(a).not.toBe(b);
    const card = sim.getCodeCard({ serial: 'SCC-7702-4419' });
    const value = (i: number) => card.entries.find((e) => e.index === i)!.value;
    expect(value(a)).toMatch(/^[A-Z0-9]{3}$/);
    // The values in the wrong order are wrong.
    expect(text(sim.submitResponse({ loginId: view.loginId!, response: value(b) + value(a) }).error)).toBe('Login failed');
    expect(sim.submitResponse({ loginId: view.loginId!, response: (value(a) + value(b)).toLowerCase() }).step).toBe('loggedIn');
  });

  it('is the same card on every run of the scenario', () => {
    expect(demoSim().getCodeCard({ serial: 'SCC-7702-4419' })).toEqual(demoSim().getCodeCard({ serial: 'SCC-7702-4419' }));
  });
});

describe('voice callback', () => {
  it('rings after the delay; answering reads a code that replaces the SMS code', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    const smsCode = latestCode(sim);
    // Not held back by the SMS's 2-minute timer (voice-resend tests in oob-code.test.ts).
    expect(text(sim.requestNewCode({ loginId, channel: 'voice' }).notice)).toMatch(/call/);
    sim.advance(29_999);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).calls).toEqual([]);
    sim.advance(1);
    const ringing = sim.getPhone({ phoneId: 'sms-phone' }).calls[0]!;
    expect(ringing).toMatchObject({ state: 'ringing', transcript: null });
    const answered = sim.answerCall({ phoneId: 'sms-phone', callId: ringing.id }).calls[0]!;
    const spoken = /security code is ((?:\d, ){5}\d)/.exec(answered.transcript!)![1]!.replace(/, /g, '');
    expect(text(sim.submitCode({ loginId, code: smsCode }).error)).toBe('Login failed');
    expect(sim.submitCode({ loginId, code: spoken })).toMatchObject({ step: 'loggedIn' });
    expect(sim.getJournal({}).entries.find((e) => e.type === 'login.succeeded')).toMatchObject({ factor: 'voice' });
  });

  it('an unanswered call is missed after 30 s', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    sim.advance(2 * MINUTE);
    sim.requestNewCode({ loginId, channel: 'voice' });
    sim.advance(60_000);
    const phone = sim.getPhone({ phoneId: 'sms-phone' });
    expect(phone.calls[0]!.state).toBe('missed');
    expect(phone.notifications.at(-1)).toMatchObject({ title: 'Missed call' });
  });
});
