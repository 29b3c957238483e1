// Routes of the device windows: a DSC+ fob or a Security Code Card, by serial or following the login.
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../renderer/lib/route.js';

describe('device routes', () => {
  it('opens a fob or a card by serial', () => {
    expect(parseRoute('#fob/SNA-52903318')).toEqual({ view: 'fob', serial: 'SNA-52903318' });
    expect(parseRoute('#card/SCC-7702-4419')).toEqual({ view: 'card', serial: 'SCC-7702-4419' });
    expect(parseRoute('#/card/SCC-7702-4419')).toEqual({ view: 'card', serial: 'SCC-7702-4419' });
  });

  it('follows the login in progress without a serial, or with a malformed one', () => {
    expect(parseRoute('#fob')).toEqual({ view: 'fob', serial: null });
    expect(parseRoute('#fob/')).toEqual({ view: 'fob', serial: null });
    expect(parseRoute('#card')).toEqual({ view: 'card', serial: null });
    expect(parseRoute('#card/%E0%A4%A')).toEqual({ view: 'card', serial: null });
  });

  it('leaves the other views as they were', () => {
    expect(parseRoute('#login')).toEqual({ view: 'login' });
    expect(parseRoute('#phone/sms-phone')).toEqual({ view: 'phone', phoneId: 'sms-phone' });
    expect(parseRoute('#fobs')).toEqual({ view: 'stage' });
  });
});
