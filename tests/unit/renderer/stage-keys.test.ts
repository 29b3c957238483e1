// The stage's keys and presenter mode's address: Alt+Shift+P and D by the physical key, `?present` kept with the rest of the query.
import { describe, expect, it } from 'vitest';
import { AUTOPILOT_KEYS } from '../../../renderer/lib/autopilot-keys';
import { presenterIn, searchWith } from '../../../renderer/lib/presenter-address';
import { STAGE_KEYS, stageKey } from '../../../renderer/lib/stage-keys';

const key = (code: string, mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = { altKey: true, shiftKey: true }) => ({
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  code,
  ...mods,
});

describe('stageKey', () => {
  it('reads Alt+Shift+P as presenter mode and Alt+Shift+D as the Director, on any layout', () => {
    expect(stageKey(key('KeyP'))).toBe('presenter');
    expect(stageKey(key('KeyD'))).toBe('director');
  });

  it('leaves every other key, and these keys with other modifiers, to the page', () => {
    expect(stageKey(key('KeyA'))).toBeNull();
    expect(stageKey(key('KeyP', { altKey: true }))).toBeNull();
    expect(stageKey(key('KeyP', { shiftKey: true }))).toBeNull();
    expect(stageKey(key('KeyP', { altKey: true, shiftKey: true, ctrlKey: true }))).toBeNull();
    expect(stageKey(key('KeyD', { altKey: true, shiftKey: true, metaKey: true }))).toBeNull();
  });

  it('shares no key with the autopilot', () => {
    const autopilot = Object.values(AUTOPILOT_KEYS).map((k) => k.code);
    for (const { code } of Object.values(STAGE_KEYS)) expect(autopilot).not.toContain(code);
  });
});

describe('presenter mode in the address', () => {
  it('is on with ?present, with or without a value, among other parameters', () => {
    expect(presenterIn('?present')).toBe(true);
    expect(presenterIn('?present=1')).toBe(true);
    expect(presenterIn('?a=1&present')).toBe(true);
    expect(presenterIn('')).toBe(false);
    expect(presenterIn('?presenter')).toBe(false);
  });

  it('is added or removed, the rest of the query kept', () => {
    expect(searchWith('', true)).toBe('?present');
    expect(searchWith('?present', false)).toBe('');
    expect(searchWith('?a=1', true)).toBe('?a=1&present');
    expect(searchWith('?a=1&present=1', false)).toBe('?a=1');
    expect(searchWith('?present', true)).toBe('?present');
  });
});
