// The scenario reader as a compiler: every mistake of a file in one pass, each at its line with its own reason.
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario } from '../../../../main/sim/scenario/load.js';
import { closest } from '../../../../main/sim/scenario/suggest.js';

/** Ten different mistakes, across phones, users, timeline, script and expect. */
const tenMistakes = `name: ten-mistakes
title: Ten mistakes
seed: 1
phones:
  - id: iphone
    name: iPhone
    platform: ios
    model: iPhone 15
    number: "+13125550142"
    state: { doNotDistrub: true }
  - id: pixel
    name: Pixel
    platform: android
    model: Pixel 7
    number: "+13125550143"
users:
  - username: smsuser
    password: Demo1234
    region: US
    mobile: { number: "+13125550142" }
    devices: [{ id: sms, kind: sms }]
  - username: droid
    password: Demo1234
    region: USA
    devices: [{ id: ibkey, kind: ibkey, phone: pixel }]
timeline:
  - at: 2 minutes
    phone: iphone
    set: { airplane: true }
  - at: 1m30s
    phone: iphone
    set: { doNotDisturb: yes }
  - at: 3m
    restart: ipone
script:
  - login: { user: smsusr }
  - login: { user: smsuser }
  - chooseDevice: fob
  - aprovePush: { method: faceid }
  - wait: 5s
expect:
  - notDelivered: push
    reason: dnd
`;

/** The same phones and users with their mistakes fixed, for the tests of one section. */
const base = tenMistakes
  .slice(0, tenMistakes.indexOf('timeline:'))
  .replace('region: USA', 'region: US')
  .replace('doNotDistrub', 'doNotDisturb')
  .replace('platform: android', 'platform: android\n    pin: "1234"');

const STEPS = 'login, wait, chooseDevice, enterCode, requestCode, answerCall, approvePush, challengeResponse, dscplus, codeCard, temporaryPasscode, acceptPaperWarning, continueLogin, cancel, enrolSms, confirmEnrolment, verifyNumber, confirmNumber, saveSeamless, optOut, installApp, uninstallApp, activateIbKey, migrateIbKey, set, restart, clearAppData, seamless, setLocale';

const problemsOf = (text: string, file = 's.yaml') => {
  const result = parseScenario(text, file);
  if (result.ok) throw new Error('the file should have been refused');
  return result.problems.map(formatProblem);
};

describe('scenario problems, all in one pass', () => {
  it('reports ten different mistakes across every section as ten messages, each at its line with its reason', () => {
    expect(problemsOf(tenMistakes, 'ten.yaml')).toEqual([
      'ten.yaml:10:14: phones[0].state.doNotDistrub: unknown field "doNotDistrub"; did you mean "doNotDisturb"?',
      'ten.yaml:24:13: users[1].region: unknown value "USA"; did you mean "US"? (valid: US, CA, EU, UK, CH, HK, IN, CN, JP, SG, AU)',
      'ten.yaml:25:48: users[1].devices[0].phone: Android phone "pixel" needs a pin for IB Key',
      'ten.yaml:27:9: timeline[0].at: "2 minutes" is not a duration (use e.g. 30s, 10m, 1m30s, 24h or 1:30)',
      'ten.yaml:32:26: timeline[1].set.doNotDisturb: expected true or false, not "yes"',
      'ten.yaml:34:14: timeline[2].restart: unknown phone "ipone"; did you mean "iphone"? (phones: iphone, pixel)',
      'ten.yaml:36:20: script[0].login.user: unknown user "smsusr"; did you mean "smsuser"? (users: smsuser, droid)',
      'ten.yaml:38:19: script[2].chooseDevice: smsuser has no device "fob" (devices: sms)',
      `ten.yaml:39:5: script[3].aprovePush: unknown step "aprovePush"; did you mean "approvePush"? (steps: ${STEPS})`,
      expect.stringMatching(/^ten\.yaml:43:13: expect\[0\]\.reason: unknown value "dnd"; did you mean "dnd_silenced"\? \(valid: phone_off, .*\bdnd_silenced\b.*\)$/),
    ]);
  });

  it('names an unknown user or phone in expect, and an unknown expectation or timeline action', () => {
    expect(
      problemsOf(`${base}timeline:\n  - at: 1m\n    reboot: iphone\nexpect:\n  - loggedIn: nobody\n  - delivered: sms\n    to: iphon\n  - logedIn: smsuser\n`),
    ).toEqual([
      's.yaml:29:5: timeline[0].reboot: unknown timeline entry "reboot" (timeline entries: set, restart, clearAppData, seamless, setLocale)',
      's.yaml:31:15: expect[0].loggedIn: unknown user "nobody" (users: smsuser, droid)',
      's.yaml:33:9: expect[1].to: unknown phone "iphon"; did you mean "iphone"? (phones: iphone, pixel)',
      's.yaml:34:5: expect[2].logedIn: unknown expectation "logedIn"; did you mean "loggedIn"? (expectations: delivered, notDelivered, loggedIn, notLoggedIn, enrolled, locked, dialog, disconnected, numberVerified, optOut, loginFailed)',
    ]);
  });

  it("names a phone's unknown owner", () => {
    expect(problemsOf(base.replace('model: Pixel 7', 'model: Pixel 7\n    owner: droyd'))).toEqual([
      's.yaml:16:12: phones[1].owner: unknown user "droyd"; did you mean "droid"? (users: smsuser, droid)',
    ]);
  });

  it('says so when a file is empty, holds only comments, or is not a map', () => {
    expect(problemsOf('', 'e.yaml')).toEqual(['e.yaml:1:1: (file): the file is empty; a scenario needs at least name, title, seed and users']);
    expect(problemsOf('# nothing yet\n', 'e.yaml')).toEqual(['e.yaml:1:1: (file): the file is empty; a scenario needs at least name, title, seed and users']);
    expect(problemsOf('- a\n- b\n', 'l.yaml')).toEqual(['l.yaml:1:1: (file): a scenario file is a map of fields (name:, title:, seed:, users:, ...), not a list']);
  });

  it('refuses a step that does two things, and names the field a step is missing', () => {
    expect(problemsOf(`${base}script:\n  - login: { user: smsuser }\n    wait: 5s\n  - approvePush: {}\n  - approvePush: { method: face }\n`)).toEqual([
      's.yaml:29:5: script[0].wait: a step does one thing; this one has "login" and "wait" (make them two)',
      's.yaml:30:18: script[1].approvePush.method: missing required field',
      's.yaml:31:28: script[2].approvePush.method: unknown value "face"; did you mean "faceid"? (valid: faceid, touchid, fingerprint, passcode, pin)',
    ]);
  });
});

describe('items become tagged kinds at load', () => {
  it('keeps what the writer wrote beside the parsed value (within: 1m, not 60000)', () => {
    const result = parseScenario(`${base}timeline:\n  - { at: 1m30s, phone: iphone, set: { airplane: true }, note: off }\nscript:\n  - approvePush: { method: faceid }\n  - wait: 1m\nexpect:\n  - loggedIn: droid\n    within: 1m\n`);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const { timeline, script, expect: expectations } = result.scenario;
    expect(timeline[0]).toMatchObject({ at: 90_000, note: 'off', action: { kind: 'setPhone', phone: 'iphone', patch: { airplane: true } } });
    expect(script).toEqual([
      { kind: 'approvePush', method: 'faceid', written: 'approvePush: { method: faceid }' },
      { kind: 'wait', ms: 60_000, written: 'wait: 1m' },
    ]);
    expect(expectations[0]).toMatchObject({ kind: 'loggedIn', user: 'droid', within: 60_000, written: 'loggedIn: droid, within: 1m' });
  });
});

describe('did you mean', () => {
  it.each([
    ['aprovePush', ['login', 'approvePush', 'answerCall'], 'approvePush'],
    ['doNotDistrub', ['doNotDisturb', 'airplane'], 'doNotDisturb'],
    ['dnd', ['phone_off', 'dnd_silenced', 'focus_silenced'], 'dnd_silenced'],
    ['LOGIN', ['login', 'wait'], 'login'],
    ['XX', ['US', 'CA'], null],
    ['reboot', ['set', 'restart', 'clearAppData'], null],
    ['x'.repeat(500), ['x'], null],
  ])('%s among %j → %s', (word, names, guess) => {
    expect(closest(word, names)).toBe(guess);
  });
});

describe('the reasons inside fields', () => {
  it('names a value that is no duration, an unknown device kind and an unknown field of an expectation', () => {
    const text = `${base}timing: { codeLifetime: true }\nscript:\n  - wait: [1]\nexpect:\n  - delivered: sms\n    silence: true\n`.replace('devices: [{ id: sms, kind: sms }]', 'devices: [{ id: sms, kind: fob }]');
    expect(problemsOf(text)).toEqual([
      's.yaml:22:32: users[0].devices[0].kind: unknown value "fob" (valid: sms, ibkey, dscplus, codecard)',
      's.yaml:27:25: timing.codeLifetime: true is not a duration (use a number of seconds, or e.g. 30s, 10m, 1m30s, 24h or 1:30)',
      's.yaml:29:11: script[0].wait: [1] is not a duration (use a number of seconds, or e.g. 30s, 10m, 1m30s, 24h or 1:30)',
      's.yaml:32:5: expect[0].silence: unknown field "silence"; did you mean "silenced"?',
    ]);
  });
});
