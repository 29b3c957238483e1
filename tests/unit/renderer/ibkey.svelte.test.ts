// IB Key in the broker's app against the real simulation: approving a login request, Authenticate's Response String, and the app's pages.
import { describe, expect, it } from 'vitest';
import { phoneOn } from './phone-on.js';
import { DEMO_PASSWORD, UNREACHABLE, type SimHost } from './sim-host.js';

/** A login waiting on the phone's push, the notification tapped. */
async function tappedPush(phoneId: string, username: string) {
  const w = await phoneOn(phoneId);
  const login = w.host.sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
  await w.host.advance(3_000);
  const push = w.phone.view!.notifications.find((n) => n.source.kind === 'push')!;
  w.phone.openNotification(push);
  return { ...w, loginId: login.loginId! };
}

/** A login's challenge, as the login window shows it. */
function challengeFor(host: SimHost, username: string): { loginId: string; challenge: string } {
  const login = host.sim.submitCredentials({ username, password: DEMO_PASSWORD, mode: 'live' });
  const view = host.sim.requestChallenge({ loginId: login.loginId! });
  return { loginId: login.loginId!, challenge: view.challenge! };
}

describe('ApprovalState', () => {
  it('approves the login request with Face ID: the app confirms and the login is in', async () => {
    const { host, app, loginId } = await tappedPush('ios-phone', 'ibkeyios');
    const approval = app.approval;
    expect(approval.request?.loginId).toBe(loginId);
    expect(approval.request?.product).toBe(host.sim.getScenario({}).branding.product);
    const expiresAt = approval.request!.expiresAt!;
    expect(approval.left).toBe(expiresAt - host.sim.getClock({}).now);
    await host.advance(10_000);
    expect(approval.left).toBe(expiresAt - host.sim.getClock({}).now);
    await approval.approve('faceid');
    expect(host.sent.at(-1)).toEqual({ name: 'approvePush', request: { phoneId: 'ios-phone', loginId, method: 'faceid' } });
    expect(approval.approved).toBeTruthy();
    expect(approval.error).toBeNull();
    expect(host.sim.getLogin({ loginId }).step).toBe('loggedIn');
  });

  it('asks for the PIN on Android before sending, refuses a wrong one, accepts the right one', async () => {
    const { host, app, loginId } = await tappedPush('android-phone', 'ibkeyandroid');
    const approval = app.approval;
    const sent = host.sent.length;
    await approval.approve('pin');
    expect(approval.error).toBeTruthy();
    expect(approval.rejections).toBe(1);
    expect(host.sent.length).toBe(sent);
    approval.pin = ' 0000 ';
    await approval.approve('pin');
    expect(host.sent.at(-1)).toMatchObject({ name: 'approvePush', request: { method: 'pin', pin: '0000' } });
    expect(approval.error).toBeTruthy();
    expect(approval.approved).toBeNull();
    expect(approval.rejections).toBe(2);
    approval.pin = '1357';
    await approval.approve('pin');
    expect(approval.approved).toBeTruthy();
    expect(host.sim.getLogin({ loginId }).step).toBe('loggedIn');
  });

  it('keeps an expired request on screen and shows the app\'s refusal', async () => {
    const { host, app } = await tappedPush('ios-phone', 'ibkeyios');
    await host.advance(app.approval.left! + 1_000);
    expect(app.approval.left).toBe(0);
    expect(app.approval.request).not.toBeNull();
    await app.approval.approve('faceid');
    expect(app.approval.error).toBeTruthy();
    expect(app.approval.approved).toBeNull();
    host.refuse = UNREACHABLE;
    await app.approval.approve('faceid');
    expect(app.approval.error).toBeTruthy();
    expect(app.approval.busy).toBe(false);
  });

  it('knows nothing of a request the phone never received', async () => {
    const { host, app } = await phoneOn('ios-phone');
    app.approve('L-unknown');
    expect(app.page).toBe('approve');
    expect(app.approval.request).toEqual({ loginId: 'L-unknown', username: null, product: null, expiresAt: null });
    expect(app.approval.left).toBeNull();
    await app.approval.approve('faceid');
    expect(app.approval.error).toBeTruthy();
    expect(host.names()).toContain('approvePush');
  });
});

describe('AuthenticateState', () => {
  it('Android: the challenge and the app PIN give the Response String that logs in', async () => {
    const { host, app } = await phoneOn('android-phone');
    const { loginId, challenge } = challengeFor(host, 'ibkeyandroid');
    app.open('authenticate');
    const auth = app.authenticate;
    auth.challenge = ` ${challenge} `;
    auth.pin = '1357';
    await auth.generate();
    expect(host.sent.at(-1)).toEqual({ name: 'generateResponse', request: { phoneId: 'android-phone', challenge, method: 'pin', pin: '1357' } });
    expect(auth.prompting).toBe(false);
    expect(auth.response).toMatch(/^\d{8}$/);
    expect(auth.message).toBeTruthy();
    expect(host.sim.submitResponse({ loginId, response: auth.response! }).step).toBe('loggedIn');
    auth.edited();
    expect(auth.response).toBeNull();
    expect(auth.message).toBeNull();
  });

  it('Android: a wrong PIN is refused and counted', async () => {
    const { host, app } = await phoneOn('android-phone');
    app.authenticate.challenge = challengeFor(host, 'ibkeyandroid').challenge;
    app.authenticate.pin = '9999';
    await app.authenticate.generate();
    expect(app.authenticate.response).toBeNull();
    expect(app.authenticate.error).toBeTruthy();
    expect(app.authenticate.rejections).toBe(1);
  });

  it('iOS: asks for Face ID first, then answers; a cancelled prompt sends nothing', async () => {
    const { host, app } = await phoneOn('ios-phone');
    const { loginId, challenge } = challengeFor(host, 'ibkeyios');
    const auth = app.authenticate;
    auth.challenge = challenge;
    const sent = host.sent.length;
    await auth.generate();
    expect(auth.prompting).toBe(true);
    auth.cancelPrompt();
    expect(auth.prompting).toBe(false);
    expect(host.sent.length).toBe(sent);
    await auth.generate();
    await auth.confirm('faceid');
    expect(auth.prompting).toBe(false);
    expect(host.sent.at(-1)).toMatchObject({ name: 'generateResponse', request: { method: 'faceid', challenge } });
    expect(host.sim.submitResponse({ loginId, response: auth.response! }).step).toBe('loggedIn');
  });

  it('iOS: a challenge that is not six digits gets the app\'s own answer, without the prompt', async () => {
    const { host, app } = await phoneOn('ios-phone');
    app.authenticate.challenge = '12ab';
    await app.authenticate.generate();
    expect(app.authenticate.prompting).toBe(false);
    expect(host.sent.at(-1)).toMatchObject({ name: 'generateResponse', request: { method: 'faceid', challenge: '12ab' } });
    expect(app.authenticate.error).toBeTruthy();
    expect(app.authenticate.response).toBeNull();
    host.refuse = UNREACHABLE;
    await app.authenticate.generate();
    expect(app.authenticate.error).toBeTruthy();
    expect(app.authenticate.busy).toBe(false);
  });

  it('does nothing without a phone on screen', async () => {
    const { host, phone, app } = await phoneOn('ios-phone');
    await phone.select(null);
    const sent = host.sent.length;
    await app.authenticate.generate();
    await app.authenticate.confirm('faceid');
    expect(host.sent.length).toBe(sent);
  });
});

describe('IbkrAppState', () => {
  it('opens Authenticate from Services and goes back there; Back elsewhere goes home; a new visit starts blank', async () => {
    const { app } = await phoneOn('ios-phone');
    expect(app.page).toBe('home');
    app.open('services');
    app.open('authenticate');
    app.authenticate.challenge = '123456';
    app.open('authenticate');
    expect(app.authenticate.challenge).toBe('123456');
    app.back();
    expect(app.page).toBe('services');
    app.back();
    expect(app.page).toBe('home');
    app.open('authenticate');
    expect(app.authenticate.challenge).toBe('');
    app.back();
    expect(app.page).toBe('home');
  });

  it('starts from its first screen with nothing kept when the phone changes', async () => {
    const { phone, app } = await phoneOn('ios-phone');
    app.approve('L1');
    app.login.password = 'secret';
    await phone.select('android-phone');
    expect(app.page).toBe('home');
    expect(app.approval.request).toBeNull();
    expect(app.login.password).toBe('');
  });
});
