// The broker's app logging in on a trading device (the iPad of "IB Key on another phone") against the real simulation.
import { describe, expect, it } from 'vitest';
import { phoneOn } from './phone-on.js';
import { DEMO_PASSWORD, latestCode, UNREACHABLE } from './sim-host.js';

async function ipad(phoneId = 'trade-ipad') {
  const { host, phone, close } = await phoneOn(phoneId);
  return { host, phone, login: phone.app.login, close };
}

describe('AppLoginState', () => {
  it('logs in on the iPad with the challenge answered by the iPhone holding IB Key', async () => {
    const { host, phone, login } = await ipad();
    expect(login.step).toBe('credentials');
    expect(login.view).toBeNull();
    login.username = ' ibkeyios ';
    login.password = DEMO_PASSWORD;
    await login.submitCredentials();
    expect(host.sent.at(-1)).toEqual({ name: 'submitCredentials', request: { username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live', phoneId: 'trade-ipad' } });
    expect(login.step).toBe('push');
    await host.settle();
    // The phone's own event now carries the login.
    expect(phone.view?.app.login?.step).toBe('push');
    const loginId = login.view!.loginId!;

    // At the same virtual moment the phone's event is taken over the answer: the step shows once it came.
    await login.requestChallenge();
    await host.settle();
    expect(login.step).toBe('challenge');
    const challenge = login.view!.challenge!;
    const answer = host.sim.generateResponse({ phoneId: 'ios-phone', challenge, method: 'faceid' });
    login.response = `${answer.response!.slice(0, 4)} ${answer.response!.slice(4)}`;
    await login.submitResponse();
    await host.settle();
    expect(host.sent.at(-1)).toEqual({ name: 'submitResponse', request: { loginId, response: answer.response } });
    expect(login.step).toBe('loggedIn');
    expect(login.response).toBe('');
    expect(login.error).toBeNull();

    await login.logOut();
    expect(login.step).toBe('credentials');
    expect(login.password).toBe('');
    expect(login.username).toBe(' ibkeyios ');
    await host.settle();
    expect(login.step).toBe('credentials');
    expect(login.view?.loginId).toBeNull();
  });

  it('asks for both fields before sending anything', async () => {
    const { host, login } = await ipad();
    login.username = 'ibkeyios';
    await login.submitCredentials();
    expect(login.error).toBeTruthy();
    expect(login.rejections).toBe(1);
    expect(host.names()).not.toContain('submitCredentials');
  });

  it('shows a refused password and counts it; the next try clears it', async () => {
    const { login } = await ipad();
    login.username = 'ibkeyios';
    login.password = 'nope';
    await login.submitCredentials();
    expect(login.step).toBe('credentials');
    expect(login.error).toBeTruthy();
    expect(login.rejections).toBe(1);
    login.password = DEMO_PASSWORD;
    await login.submitCredentials();
    expect(login.error).toBeNull();
    expect(login.step).toBe('push');
  });

  it('moves on by itself when the push is approved on the other phone', async () => {
    const { host, login } = await ipad();
    login.username = 'ibkeyios';
    login.password = DEMO_PASSWORD;
    await login.submitCredentials();
    await host.advance(3_000);
    host.sim.approvePush({ phoneId: 'ios-phone', loginId: login.view!.loginId!, method: 'faceid' });
    await host.settle();
    expect(login.step).toBe('loggedIn');
  });

  it('walks a device choice and an SMS code, clearing the code field when the step changes', async () => {
    const { host, login } = await ipad('multi-phone');
    login.username = 'multidevice';
    login.password = DEMO_PASSWORD;
    await login.submitCredentials();
    expect(login.step).toBe('selectDevice');
    await login.chooseDevice(login.view!.devices.find((d) => d.kind === 'sms')!.id);
    expect(login.step).toBe('securityCode');
    await host.advance(host.sim.scenario.timing.smsDelay);
    login.code = '000 000';
    await login.submitCode();
    await host.settle();
    expect(host.sent.at(-1)).toMatchObject({ name: 'submitCode', request: { code: '000000' } });
    expect(login.error).toBeTruthy();
    expect(login.code).toBe('000 000');
    login.code = latestCode(host.sim, 'multi-phone');
    await login.submitCode();
    await host.settle();
    expect(login.step).toBe('loggedIn');
    expect(login.code).toBe('');
  });

  it('cancels back to its first screen', async () => {
    const { host, login } = await ipad();
    login.username = 'ibkeyios';
    login.password = DEMO_PASSWORD;
    await login.submitCredentials();
    await login.cancel();
    expect(login.step).toBe('credentials');
    expect(login.view?.loginId).toBeNull();
    expect(login.password).toBe('');
    expect(host.sent.at(-1)?.name).toBe('cancelLogin');
    await host.settle();
    expect(login.step).toBe('credentials');
  });

  it('shows the app\'s login the phone already holds (a paper login at its warning) and accepts the warning', async () => {
    const { host, login } = await ipad();
    // The app logs in live only; a paper login for the iPad comes from elsewhere (a script, the control API).
    const paper = host.sim.submitCredentials({ username: 'dscuser', password: DEMO_PASSWORD, mode: 'paper', phoneId: 'trade-ipad' });
    const fob = host.sim.getWorld({}).fobs.find((f) => f.owner === 'dscuser')!.serial;
    host.sim.fobPress({ serial: fob });
    host.sim.fobEnter({ serial: fob, digits: '2468' });
    host.sim.fobEnter({ serial: fob, digits: paper.challenge! });
    host.sim.submitResponse({ loginId: paper.loginId!, response: host.sim.getFob({ serial: fob }).display });
    await host.settle();
    expect(login.step).toBe('paperWarning');
    await login.acceptPaperWarning();
    await host.settle();
    expect(host.sent.at(-1)).toEqual({ name: 'acceptPaperWarning', request: { loginId: paper.loginId } });
    expect(login.step).toBe('loggedIn');
  });

  it('says the simulator is not responding, and forgets everything on reset', async () => {
    const { host, login } = await ipad();
    login.username = 'ibkeyios';
    login.password = DEMO_PASSWORD;
    host.refuse = UNREACHABLE;
    await login.submitCredentials();
    expect(login.error).toBeTruthy();
    expect(login.busy).toBe(false);
    login.reset();
    expect(login.error).toBeNull();
    expect(login.password).toBe('');
  });
});
