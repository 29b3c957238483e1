// The director's phone controls: every field of the phone's state has one, in the right group, with plain labels.
import { describe, expect, it } from 'vitest';
import { phoneStateSchema } from '../../../main/api/phone-state.js';
import { controlLabel, describeChange, durationText, fieldGroups, fromFormValue, groupsFor, optionsWith, toFormValue } from '../../../renderer/lib/phone-fields.js';
import { MAX_SCENARIO_BYTES, MAX_SCENARIO_CHARS } from '../../../main/api/vocabulary.js';
import { checkScenarioFile, checkScenarioText } from '../../../renderer/lib/scenario-drop.js';

const fields = (groups = fieldGroups) => groups.flatMap((g) => g.controls.map((c) => c.field));

describe('phone fields', () => {
  it('offers a control for every field of the phone state, once', () => {
    const all = fields();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(Object.keys(phoneStateSchema.shape).sort());
  });

  it('groups them as SMS, Push, Voice and Phone', () => {
    expect(fieldGroups.map((g) => g.name)).toEqual(['Phone', 'Voice', 'SMS', 'Push']);
    const group = (field: string) => fieldGroups.find((g) => g.controls.some((c) => c.field === field))?.name;
    expect(group('carrierBlocking')).toBe('SMS');
    expect(group('jailbroken')).toBe('Push');
    expect(group('signal')).toBe('Voice');
    expect(group('doNotDisturb')).toBe('Phone');
  });

  it('names settings as each platform does, and shows Google services on Android only', () => {
    const jailbroken = fieldGroups.flatMap((g) => g.controls).find((c) => c.field === 'jailbroken')!;
    expect(controlLabel(jailbroken, 'ios')).toBe('Jailbroken');
    expect(controlLabel(jailbroken, 'android')).toBe('Rooted');
    expect(fields(groupsFor('ios'))).not.toContain('googleServices');
    expect(fields(groupsFor('android'))).toContain('googleServices');
  });

  it('keeps a value a scenario set that the list lacks', () => {
    const delay = fieldGroups.flatMap((g) => g.controls).find((c) => c.field === 'smsDelayMs')!;
    if (delay.kind !== 'choice') throw new Error('SMS delay is a choice');
    expect(optionsWith(delay, '120000')).toBe(delay.options);
    expect(optionsWith(delay, '45000').at(-1)).toEqual({ value: '45000', label: '45 s' });
  });

  it('turns form values into state values and back', () => {
    expect(toFormValue(null)).toBe('');
    expect(toFormValue(3)).toBe('3');
    expect(fromFormValue('focus', '')).toBeNull();
    expect(fromFormValue('focus', 'Sleep')).toBe('Sleep');
    expect(fromFormValue('signal', '0')).toBe(0);
  });

  it('describes a change in words', () => {
    expect(describeChange('doNotDisturb', true)).toBe('Do Not Disturb on');
    expect(describeChange('lowPower', true, 'android')).toBe('Battery Saver on');
    expect(describeChange('poweredOn', true)).toBe('switched on');
    expect(describeChange('signal', 1)).toBe('Signal: 1 bar');
    expect(describeChange('focus', null)).toBe('Focus off');
    expect(describeChange('somethingNew', 5)).toBe('somethingNew: 5');
  });

  it('writes durations plainly', () => {
    expect(durationText(30_000)).toBe('30 s');
    expect(durationText(120_000)).toBe('2 min');
    expect(durationText(90_000)).toBe('1 min 30 s');
    expect(durationText(3_900_000)).toBe('1 h 5 min');
    expect(durationText(7_200_000)).toBe('2 h');
  });
});

describe('scenario files', () => {
  it('takes .yaml and .yml files up to the size the API accepts', () => {
    expect(checkScenarioFile({ name: 'dnd.yaml', size: 900 })).toBeNull();
    expect(checkScenarioFile({ name: 'DND.YML', size: 900 })).toBeNull();
    expect(checkScenarioFile({ name: 'notes.txt', size: 10 })).toBe('not a scenario file: choose a .yaml or .yml file');
    // The byte limit is the hosts' (4 bytes a character at most); the characters are counted once read.
    expect(checkScenarioFile({ name: 'big.yaml', size: MAX_SCENARIO_BYTES })).toBeNull();
    expect(checkScenarioFile({ name: 'huge.yaml', size: MAX_SCENARIO_BYTES + 1 })).toMatch(/^too large for a scenario/);
    expect(checkScenarioText('é'.repeat(MAX_SCENARIO_CHARS))).toBeNull();
    expect(checkScenarioText('x'.repeat(MAX_SCENARIO_CHARS + 1))).toBe('too large for a scenario: the limit is 1,000,000 characters');
  });
});
