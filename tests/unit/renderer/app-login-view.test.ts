// The app's own login on a trading device: which view shows while answers and events arrive in either order.
import { describe, expect, it } from 'vitest';
import { currentAppLogin } from '../../../renderer/lib/app-login-view.js';
import { demoSim, DEMO_PASSWORD, text } from '../helpers.js';

const fromIpad = { username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live', phoneId: 'trade-ipad' } as const;

describe('currentAppLogin', () => {
  it('shows the answer to Log In until the phone carries the login, then the phone', () => {
    const sim = demoSim();
    const before = sim.getPhone({ phoneId: 'trade-ipad' });
    const answer = sim.submitCredentials(fromIpad);
    expect(answer.step).toBe('push');
    // The event has not come yet: the phone on screen still has no login.
    expect(currentAppLogin(before.app.login, answer, before)).toBe(answer);
    const after = sim.getPhone({ phoneId: 'trade-ipad' });
    expect(after.app.login?.loginId).toBe(answer.loginId);
    expect(currentAppLogin(after.app.login, answer, after)).toBe(after.app.login);
  });

  it('follows the server past the answer that started the login (the challenge comes as an event)', () => {
    const sim = demoSim();
    const answer = sim.submitCredentials(fromIpad);
    sim.requestChallenge({ loginId: answer.loginId! });
    const phone = sim.getPhone({ phoneId: 'trade-ipad' });
    expect(currentAppLogin(phone.app.login, answer, phone)?.step).toBe('challenge');
  });

  it('shows a refused password, which starts no login', () => {
    const sim = demoSim();
    const refused = sim.submitCredentials({ ...fromIpad, password: 'wrong' });
    const phone = sim.getPhone({ phoneId: 'trade-ipad' });
    expect(phone.app.login).toBeNull();
    expect(text(currentAppLogin(null, refused, phone)?.error)).toBe('Invalid user name password combination');
  });

  it('shows the log-out answer at once, before the event removes the login', () => {
    const sim = demoSim();
    const answer = sim.submitCredentials({ ...fromIpad, username: 'nodevice' });
    expect(answer.step).toBe('loggedIn');
    const stale = sim.getPhone({ phoneId: 'trade-ipad' });
    const out = sim.logOut({ loginId: answer.loginId! });
    expect(currentAppLogin(stale.app.login, out, stale)?.step).toBe('credentials');
    const fresh = sim.getPhone({ phoneId: 'trade-ipad' });
    expect(currentAppLogin(fresh.app.login, out, fresh)?.step).toBe('credentials');
  });

  it('drops a login the phone no longer has once time has moved on (reset, ended elsewhere)', () => {
    const sim = demoSim();
    const answer = sim.submitCredentials(fromIpad);
    sim.cancelLogin({ loginId: answer.loginId! });
    sim.advance(1_000);
    const phone = sim.getPhone({ phoneId: 'trade-ipad' });
    expect(currentAppLogin(phone.app.login, answer, phone)).toBeNull();
  });
});
