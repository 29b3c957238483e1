import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoSim, latestCode, startSmsLogin } from '../helpers.js';

describe('login state machine', () => {
  it('logs a user without devices straight in', () => {
    const sim = demoSim();
    const view = sim.submitCredentials({ username: 'nodevice', password: DEMO_PASSWORD, mode: 'live' });
    expect(view).toMatchObject({ step: 'loggedIn', username: 'nodevice', error: null });
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'login.succeeded', factor: 'none' });
  });

  it('asks the second factor for paper trading, then shows the paper warning', () => {
    const sim = demoSim();
    const first = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'paper' });
    expect(first.step).toBe('securityCode');
    sim.advance(3_000);
    const warned = sim.submitCode({ loginId: first.loginId!, code: latestCode(sim) });
    expect(warned).toMatchObject({ step: 'paperWarning', mode: 'paper' });
    expect(sim.acceptPaperWarning({ loginId: first.loginId! }).step).toBe('loggedIn');
  });

  it('skips the second factor for paper when the scenario says so', () => {
    const sim = demoSim({ paper: { asksSecondFactor: false } });
    const view = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'paper' });
    expect(view.step).toBe('paperWarning');
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(0);
  });

  it('offers the device drop-down to a user with several devices, and goes back without starting over', () => {
    const sim = demoSim();
    const view = sim.submitCredentials({ username: 'multidevice', password: DEMO_PASSWORD, mode: 'live' });
    expect(view.step).toBe('selectDevice');
    expect(view.devices.map((d) => d.label)).toEqual([
      'IB Key (iPhone SE)',
      'SMS (***-***-0164)',
      'Digital Security Card+ (SNA-31478259)',
    ]);
    // Each device names the simulated phone it reaches, so the stage shows the right one.
    expect(view.devices.map((d) => d.phoneId)).toEqual(['multi-phone', 'multi-phone', null]);
    // Physical devices carry their serial, so the stage can show that fob or card.
    expect(view.devices.map((d) => d.serial)).toEqual([null, null, 'SNA-31478259']);
    const sms = sim.chooseDevice({ loginId: view.loginId!, deviceId: 'sms' });
    expect(sms.step).toBe('securityCode');
    const back = sim.changeDevice({ loginId: view.loginId! });
    expect(back.step).toBe('selectDevice');
    expect(back.loginId).toBe(view.loginId);
    expect(() => sim.chooseDevice({ loginId: view.loginId!, deviceId: 'nope' })).toThrow(/No device "nope"/);
  });

  it('cancels and logs out back to the credentials screen', () => {
    const sim = demoSim();
    const loginId = startSmsLogin(sim);
    expect(sim.cancelLogin({ loginId })).toMatchObject({ step: 'credentials', loginId: null });
    expect(() => sim.getLogin({ loginId })).toThrow(/No login/);
    const again = startSmsLogin(sim);
    sim.submitCode({ loginId: again, code: latestCode(sim) });
    expect(sim.logOut({ loginId: again })).toMatchObject({ step: 'credentials', loginId: null });
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'logout', username: 'smsuser' });
  });

  it('replays exactly: the same seed sends the same codes at the same times', () => {
    const run = () => {
      const sim = demoSim();
      startSmsLogin(sim);
      const a = latestCode(sim);
      startSmsLogin(sim);
      return [a, latestCode(sim), sim.getPhone({ phoneId: 'sms-phone' }).messages.map((m) => m.at)];
    };
    expect(run()).toEqual(run());
  });

  it('reset starts the scenario again from the beginning', () => {
    const sim = demoSim();
    startSmsLogin(sim);
    const code = latestCode(sim);
    sim.resetWorld({});
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(0);
    startSmsLogin(sim);
    expect(latestCode(sim)).toBe(code);
  });

  it('pushes login, phone, clock and journal events to listeners', () => {
    const sim = demoSim();
    const types: string[] = [];
    sim.on((e) => types.push(e.type));
    startSmsLogin(sim);
    expect(new Set(types)).toEqual(new Set(['journal', 'login', 'phone', 'clock']));
  });
});
