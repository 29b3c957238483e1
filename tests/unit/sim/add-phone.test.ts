// The Director's "Add a phone": a second phone for a user of any scenario (a new phone IB Key
// migrates to, a trading device), refused with a message code for hostile input, seen by every
// window without a reset, saved by an export and gone after a reset.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch.js';
import { PHONE_MODELS } from '../../../main/api/vocabulary.js';
import type { HostEvent } from '../../../main/api/events.js';
import { parseScenario } from '../../../main/sim/scenario/load.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { DEMO_PASSWORD, demoSim } from '../helpers.js';

const smsOnly = () => {
  const result = parseScenario(
    [
      'name: one-phone',
      'title: One phone',
      'seed: one-phone',
      'phones:',
      '  - { id: sms-phone, name: iPhone, platform: ios, model: iPhone 14, number: "+13125550142", carrier: Verizon, region: US, unlock: faceid }',
      'users:',
      '  - { username: smsuser, password: Demo1234, region: US, mobile: { number: "+13125550142", verified: true }, devices: [{ id: sms, kind: sms }] }',
    ].join('\n'),
    'one-phone.yaml',
  );
  if (!result.ok) throw new Error('one-phone.yaml does not load');
  return new Simulation(result.scenario);
};

describe('addPhone', () => {
  it('adds a new phone without the app: its owner, a number of its own in their country, the stage and every window told without a reset', () => {
    const sim = smsOnly();
    const events: HostEvent[] = [];
    sim.on((e) => events.push(e));
    const answer = sim.addPhone({ owner: 'smsuser', platform: 'android', model: 'Google Pixel 9', role: 'newPhone' });
    expect(answer.error).toBeNull();
    expect(answer.phone).toMatchObject({ id: 'smsuser-new-phone', name: 'Pixel 9', platform: 'android', model: 'Google Pixel 9', owner: 'smsuser', region: 'US', ibkeyUser: null });
    expect(answer.phone!.number).toMatch(/^\+131255501\d\d$/);
    expect(answer.phone!.number).not.toBe('+13125550142');
    const phone = sim.getPhone({ phoneId: 'smsuser-new-phone' });
    expect(phone).toMatchObject({ carrier: 'Verizon', app: { installed: false, unlock: 'fingerprint' } });
    expect(events.filter((e) => e.type === 'world').map((e) => e.type === 'world' && e.change)).toEqual(['phones']);
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'phone.added', phoneId: 'smsuser-new-phone', owner: 'smsuser', role: 'newPhone', platform: 'android' });
    // The owner's SMS still reach their own phone.
    const login = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(60_000);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages).toHaveLength(1);
    expect(sim.getPhone({ phoneId: 'smsuser-new-phone' }).messages).toHaveLength(0);
    sim.cancelLogin({ loginId: login.loginId! });
  });

  it('the added phone is where IB Key goes: installed from the store, activated with the SMS to the verified number, the next login a push to it', () => {
    const sim = smsOnly();
    sim.addPhone({ phoneId: 'sam-iphone', owner: 'smsuser', platform: 'ios', model: 'iPhone 16', role: 'newPhone' });
    sim.installApp({ phoneId: 'sam-iphone' });
    const started = sim.startIbKeyActivation({ phoneId: 'sam-iphone', username: 'smsuser', password: DEMO_PASSWORD, purpose: 'activate' });
    expect(started.activation).toMatchObject({ purpose: 'activate', via: 'sms', number: '***-***-0142' });
    sim.advance(sim.scenario.timing.smsDelay);
    const token = /\b(\d{6})\b/.exec(sim.getPhone({ phoneId: 'sms-phone' }).messages.at(-1)!.text)![1]!;
    expect(sim.submitActivationToken({ phoneId: 'sam-iphone', token }).activation!.step).toBe('done');
    const login = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(1_000);
    expect(sim.approvePush({ phoneId: 'sam-iphone', loginId: login.loginId!, method: 'faceid' })).toMatchObject({ ok: true });
    expect(sim.getLogin({ loginId: login.loginId! }).step).toBe('loggedIn');
  });

  it('a trading device has the app; ids left out are numbered when taken; the model decides the unlock (SE: Touch ID)', () => {
    const sim = demoSim();
    const first = sim.addPhone({ owner: 'ibkeyios', platform: 'ios', model: 'iPhone SE', role: 'tradingDevice' });
    const second = sim.addPhone({ owner: 'ibkeyios', platform: 'ios', model: 'iPad Air', role: 'tradingDevice' });
    expect([first.phone!.id, second.phone!.id]).toEqual(['ibkeyios-trading', 'ibkeyios-trading-2']);
    expect(sim.getPhone({ phoneId: 'ibkeyios-trading' }).app).toMatchObject({ installed: true, unlock: 'touchid', ibkeyUser: null });
    expect(sim.getPhone({ phoneId: 'ibkeyios-trading-2' }).app.unlock).toBe('faceid');
  });

  it.each([
    ['an unknown owner', { owner: 'mallory', platform: 'ios', model: 'iPhone 16', role: 'newPhone' }, 'unknown_user'],
    ['an id already taken', { phoneId: 'ios-phone', owner: 'ibkeyios', platform: 'ios', model: 'iPhone 16', role: 'newPhone' }, 'duplicate_id'],
    ['a model of the other platform', { owner: 'ibkeyios', platform: 'android', model: 'iPhone 16', role: 'newPhone' }, 'bad_model'],
    ['a model nobody makes', { owner: 'ibkeyios', platform: 'ios', model: 'iPhone 99 Ultra', role: 'newPhone' }, 'bad_model'],
  ] as const)('refuses %s with a message code, journaled, the world unchanged', (_what, request, reason) => {
    const sim = demoSim();
    const before = sim.getWorld({}).phones.length;
    const answer = sim.addPhone(request);
    expect(answer).toMatchObject({ phone: null, error: { code: 'add_phone_refused', params: { reason } } });
    expect(sim.getWorld({}).phones).toHaveLength(before);
    expect(sim.getJournal({}).entries.at(-1)).toMatchObject({ type: 'phone.add_refused', reason });
  });

  it('refuses a phone beyond the scenario limit', () => {
    const sim = demoSim();
    let answer = sim.addPhone({ owner: 'smsuser', platform: 'ios', model: 'iPhone 16', role: 'newPhone' });
    while (answer.error === null) answer = sim.addPhone({ owner: 'smsuser', platform: 'ios', model: 'iPhone 16', role: 'newPhone' });
    expect(answer.error).toMatchObject({ code: 'add_phone_refused', params: { reason: 'too_many_phones', max: 100 } });
    expect(sim.getWorld({}).phones).toHaveLength(100);
  });

  it('refuses malformed requests before the simulation sees them (an id of the wrong form, a model too long, an unknown role)', () => {
    const sim = demoSim();
    for (const payload of [
      { phoneId: 'Bad Id!', owner: 'ibkeyios', platform: 'ios', model: 'iPhone 16', role: 'newPhone' },
      { owner: 'ibkeyios', platform: 'ios', model: 'x'.repeat(61), role: 'newPhone' },
      { owner: 'ibkeyios', platform: 'ios', model: 'iPhone 16', role: 'spare' },
      { owner: 'ibkeyios', platform: 'windows', model: 'iPhone 16', role: 'newPhone' },
    ]) expect(dispatch(sim, 'addPhone', payload)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('offers only models its frames and platform know', () => {
    expect(PHONE_MODELS.ios).toContain('iPhone 16');
    expect(PHONE_MODELS.android).toContain('Google Pixel 9');
    for (const model of PHONE_MODELS.android) expect(model).not.toMatch(/iPhone|iPad/);
  });

  it('an export keeps the added phone; a reset starts from the file without it', () => {
    const sim = demoSim();
    sim.addPhone({ phoneId: 'spare-pixel', owner: 'ibkeyandroid', platform: 'android', model: 'Google Pixel 9 Pro', role: 'tradingDevice' });
    const saved = parseScenario(sim.exportWorld({}).text, 'saved.yaml');
    expect(saved.ok && saved.scenario.phones.find((p) => p.id === 'spare-pixel')).toMatchObject({ model: 'Google Pixel 9 Pro', owner: 'ibkeyandroid', appInstalled: true });
    sim.resetWorld({});
    expect(sim.getWorld({}).phones.some((p) => p.id === 'spare-pixel')).toBe(false);
  });
});
