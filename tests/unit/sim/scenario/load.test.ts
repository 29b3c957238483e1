import { describe, expect, it } from 'vitest';
import { parseScenario, formatProblem } from '../../../../main/sim/scenario/load.js';
import { DURATION_PATTERN, parseDuration } from '../../../../main/sim/scenario/durations.js';
import { defaultScenarioText } from '../../helpers.js';

const minimal = (users: string) => `name: t\ntitle: T\nseed: 7\n${users}`;

describe('scenario files', () => {
  it('loads the embedded default with every demo account of the README', () => {
    const result = parseScenario(defaultScenarioText, 'default.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.scenario.users.map((u) => u.username)).toEqual([
      'smsuser', 'ibkeyios', 'ibkeyandroid', 'multidevice', 'dscuser', 'carduser', 'nodevice', 'hkuser', 'inuser',
    ]);
    expect(result.scenario.users.every((u) => u.password === 'Demo1234')).toBe(true);
    expect(result.scenario.timing).toMatchObject({ codeLifetime: 600_000, resendInterval: 120_000, pushWindow: 180_000 });
  });

  it('reports a missing field with its line', () => {
    const result = parseScenario(minimal('users:\n  - username: abc\n    password: x\n'), 'a.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ file: 'a.yaml', line: 5, column: 5, field: 'users[0].region', message: 'missing required field' }]);
  });

  it('reports a wrong type at the line of the value', () => {
    const result = parseScenario(minimal('users:\n  - username: abc\n    password: x\n    region: US\n    devices: 12\n'), 'b.yaml');
    if (result.ok) throw new Error('should fail');
    expect(result.problems[0]).toMatchObject({ line: 8, field: 'users[0].devices' });
    expect(result.problems[0]!.message).toMatch(/expected array/);
  });

  it('reports an unknown device reference', () => {
    const text = minimal('users:\n  - username: abc\n    password: x\n    region: US\n    devices:\n      - { id: k, kind: ibkey, phone: nophone }\n');
    const result = parseScenario(text, 'c.yaml');
    if (result.ok) throw new Error('should fail');
    expect(result.problems).toEqual([
      { file: 'c.yaml', line: 9, column: 38, field: 'users[0].devices[0].phone', message: 'unknown phone "nophone" (the scenario has no phones)' },
    ]);
  });

  it('takes a call that is not delivered, but not one held: calls are never held', () => {
    const users = 'users:\n  - username: abc\n    password: x\n    region: US\n';
    expect(parseScenario(minimal(`${users}expect:\n  - { notDelivered: call, reason: phone_off }\n`), 'd.yaml').ok).toBe(true);
    expect(parseScenario(minimal(`${users}expect:\n  - { notDelivered: sms, reason: phone_off, held: true }\n`), 'd.yaml').ok).toBe(true);
    const held = parseScenario(minimal(`${users}expect:\n  - { notDelivered: call, reason: phone_off, held: true }\n`), 'd.yaml');
    expect(held.ok).toBe(false);
    if (!held.ok) expect(held.problems[0]).toMatchObject({ field: 'expect[0]' });
  });

  it('reports a YAML syntax error with its line', () => {
    const result = parseScenario('name: t\ntitle: T\nusers: [\n  - a\n', 'd.yaml');
    if (result.ok) throw new Error('should fail');
    expect(result.problems[0]!.field).toBe('(syntax)');
    expect(result.problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(formatProblem(result.problems[0]!)).toMatch(/^d\.yaml:\d+:\d+: \(syntax\): /);
  });

  it('reports every problem, not only the first', () => {
    const result = parseScenario('name: Bad Name\ntitle: 5\nseed: x\nusers: []\n', 'e.yaml');
    if (result.ok) throw new Error('should fail');
    expect(result.problems.map((p) => p.field)).toEqual(['name', 'title', 'users']);
  });

  it('reads durations in words', () => {
    const result = parseScenario(minimal('timing: { codeLifetime: 30s, resendInterval: 1m, lockout: { duration: 2h } }\nusers:\n  - { username: abc, password: x, region: US }\n'));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.scenario.timing).toMatchObject({ codeLifetime: 30_000, resendInterval: 60_000, lockout: { duration: 7_200_000, failures: 10 } });
    const bad = parseScenario(minimal('timing: { codeLifetime: soon }\nusers:\n  - { username: abc, password: x, region: US }\n'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.message).toBe('"soon" is not a duration (use e.g. 30s, 10m, 1m30s, 24h or 1:30)');
  });

  it.each([
    ['1m30s', 90_000],
    ['2h15m', 8_100_000],
    ['2h 15m', 8_100_000],
    ['1d2h3m4s5ms', 93_784_005],
    ['1.5m', 90_000],
    ['1:30', 90_000],
    ['1500ms', 1_500],
  ])('reads the compound duration %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['1m1m', '30s1m', 'm', '10', '', '1 minute', '1m-30s'])('refuses %j as a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('takes the README\'s timeline example, at: 1m30s', () => {
    const result = parseScenario(
      minimal('users:\n  - { username: abc, password: x, region: US }\nphones:\n  - { id: p, name: iPhone, platform: ios, model: iPhone 15, number: "+15555550100", carrier: AT&T, region: US, unlock: faceid }\ntimeline:\n  - at: 1m30s\n    phone: p\n    set: { airplane: true }\n'),
    );
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.scenario.timeline[0]).toMatchObject({ at: 90_000 });
  });

  it('describes durations in words to editors by a pattern that accepts compound ones', () => {
    const pattern = new RegExp(DURATION_PATTERN);
    for (const text of ['1m30s', '2h15m', '30s', '1:30', '1500ms']) expect(text).toMatch(pattern);
    for (const text of ['soon', '1 minute', '']) expect(text).not.toMatch(pattern);
  });
});
