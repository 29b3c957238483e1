// The one table of what each desktop window may call and receive: the Director has everything, the login window no secret.
import { describe, expect, it } from 'vitest';
import { hostEventTypes } from '../../../main/api/events.js';
import { operationNames } from '../../../main/api/names.js';
import type { PendingView } from '../../../main/api/views.js';
import { eventGrants, grantFor, operationGrants, pendingNamesOnly, receivesEvent, roleOf, windowRoles, type WindowRole } from '../../../main/electron/window-allowance.js';

const allowed = (role: WindowRole) => operationNames.filter((name) => grantFor(name, role) !== null);

describe('the window allowance', () => {
  it('places every operation and every event, and the Director may do all of it in full', () => {
    expect(Object.keys(operationGrants).sort()).toEqual([...operationNames].sort());
    expect(Object.keys(eventGrants).sort()).toEqual([...hostEventTypes].sort());
    for (const name of operationNames) expect(grantFor(name, 'director'), name).toBe('full');
    for (const type of hostEventTypes) expect(receivesEvent(type, 'director'), type).toBe(true);
  });

  it('gives the login window its login steps and nothing that carries a code', () => {
    expect(allowed('login').sort()).toEqual(
      [
        'submitCredentials',
        'chooseDevice',
        'changeDevice',
        'submitCode',
        'requestNewCode',
        'requestChallenge',
        'submitResponse',
        'continueLogin',
        'acceptPaperWarning',
        'cancelLogin',
        'logOut',
        'getLogin',
        'enrolSms',
        'confirmSmsEnrolment',
        'finishSmsEnrolment',
        'getWorld',
        'getClock',
      ].sort(),
    );
    expect(hostEventTypes.filter((type) => receivesEvent(type, 'login')).sort()).toEqual(['clock', 'login', 'world']);
  });

  it('gives the phone its own operations, the devices theirs, and the scenario, time and journal to the Director alone', () => {
    for (const name of ['getPhone', 'setPhoneState', 'restartPhone', 'clearAppData', 'approvePush', 'generateResponse', 'answerCall', 'endCall', 'markMessagesRead'] as const) {
      expect(grantFor(name, 'phone'), name).toBe('full');
      expect(grantFor(name, 'login'), name).toBeNull();
    }
    expect(allowed('fob').sort()).toEqual(['fobEnter', 'fobPress', 'getClock', 'getFob', 'getWorld', 'listPending']);
    expect(allowed('card').sort()).toEqual(['getClock', 'getCodeCard', 'getWorld', 'listPending']);
    for (const name of ['loadScenario', 'listScenarios', 'resetWorld', 'advanceClock', 'setClockRunning', 'getJournal', 'setSeamless', 'setLocale', 'resetFob', 'getScenario', 'getReasons'] as const) {
      expect(windowRoles.filter((role) => grantFor(name, role) !== null), name).toEqual(['director']);
    }
    expect(windowRoles.filter((role) => grantFor('listPending', role) === 'full')).toEqual(['director']);
    expect(windowRoles.filter((role) => receivesEvent('phone', role))).toEqual(['phone', 'director']);
    expect(windowRoles.filter((role) => receivesEvent('journal', role))).toEqual(['director']);
  });

  it('gives the stage window (login, phone, devices and the docked Director in one) the Director\'s role, and every other window its own', () => {
    expect(roleOf('stage')).toBe('director');
    for (const role of windowRoles) expect(roleOf(role)).toBe(role);
    expect(windowRoles).not.toContain('stage');
  });

  it('knows no role beyond the windows, not even one named after an object property', () => {
    expect(grantFor('getWorld', 'constructor' as WindowRole)).toBeNull();
    expect(grantFor('getWorld', '__proto__' as WindowRole)).toBeNull();
  });

  it('keeps who waits for which step in listPending for the devices, and drops every secret', () => {
    const pending: PendingView[] = [
      { username: 'dscuser', loginId: 'L1', step: 'dscplus', kind: 'challenge', code: null, challenge: '074257', cardIndexes: null, expectedResponse: '99153422', expiresAt: null },
      { username: 'carduser', loginId: 'L2', step: 'codecard', kind: 'card', code: null, challenge: null, cardIndexes: [62, 196], expectedResponse: '3B3BGV', expiresAt: null },
      { username: 'smsuser', loginId: 'L3', step: 'securityCode', kind: 'code', code: '123456', challenge: null, cardIndexes: null, expectedResponse: null, expiresAt: 600_000 },
    ];
    expect(pendingNamesOnly(pending)).toEqual([
      { username: 'dscuser', loginId: 'L1', step: 'dscplus', kind: 'challenge', code: null, challenge: null, cardIndexes: null, expectedResponse: null, expiresAt: null },
      { username: 'carduser', loginId: 'L2', step: 'codecard', kind: 'card', code: null, challenge: null, cardIndexes: null, expectedResponse: null, expiresAt: null },
      { username: 'smsuser', loginId: 'L3', step: 'securityCode', kind: 'code', code: null, challenge: null, cardIndexes: null, expectedResponse: null, expiresAt: 600_000 },
    ]);
  });
});
