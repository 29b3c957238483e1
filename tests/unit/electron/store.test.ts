// The settings store: defaults, persistence, and a bad file set aside with a backup and a word to the user.
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backupName,
  MemorySettings,
  openStoreSafely,
  settingsDefaults,
  settingsSchema,
  type OpenStoreDeps,
  type Settings,
  type SettingsStore,
  type StoreNotice,
} from '../../../main/electron/store.js';

// electron-store is Conf with Electron's userData folder as cwd; Conf is what reads, validates and writes.
const createStore: OpenStoreDeps['createStore'] = ({ name, ...options }) => new Conf<Settings>({ ...options, configName: name }) as unknown as SettingsStore;

let dir: string;
let notices: StoreNotice[];
const fs = { existsSync, renameSync };
const at = new Date('2026-11-28T12:00:00.123Z');

function open(overrides: Partial<OpenStoreDeps> = {}) {
  return openStoreSafely({ directory: dir, createStore, fs, notify: (n) => notices.push(n), now: () => at, ...overrides });
}
const file = () => path.join(dir, 'settings.json');

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sls-store-'));
  notices = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openStoreSafely', () => {
  it('starts from the defaults and keeps what is set', () => {
    const { store, backup } = open();
    expect(backup).toBeNull();
    expect(store.get('locale')).toBe('en');
    expect(store.get('windowBounds')).toEqual({});
    store.set('windowBounds', { login: { x: 10, y: 20, width: 420, height: 560 } });
    store.set('lastScenarioPath', '/scenarios/roaming.yaml');
    const again = open().store;
    expect(again.get('windowBounds').login).toEqual({ x: 10, y: 20, width: 420, height: 560 });
    expect(again.get('lastScenarioPath')).toBe('/scenarios/roaming.yaml');
    expect(notices).toEqual([]);
  });

  it('refuses to write values outside the schema', () => {
    const { store } = open();
    expect(() => store.set('windowBounds', { login: { x: 0, y: 0, width: 5, height: 560 } })).toThrow(/schema/);
    // The JSON Schema is derived from the zod schema: unknown windows, extra fields and long paths are refused too.
    expect(() => store.set('windowBounds', { stranger: { x: 0, y: 0, width: 400, height: 400 } } as Settings['windowBounds'])).toThrow(/schema/);
    expect(() => store.set('windowBounds', { login: { x: 0, y: 0, width: 400, height: 400, z: 1 } } as Settings['windowBounds'])).toThrow(/schema/);
    expect(() => store.set('lastScenarioPath', 'x'.repeat(4097))).toThrow(/schema/);
    expect(() => store.set('locale', 'not a locale')).toThrow(/schema/);
    expect(store.get('locale')).toBe('en');
  });

  it('takes its defaults and its JSON Schema from one zod schema', () => {
    expect(settingsDefaults).toEqual({ windowBounds: {}, locale: 'en', lastScenarioPath: null });
    expect(Object.keys(settingsSchema).sort()).toEqual(Object.keys(settingsDefaults).sort());
    for (const [key, schema] of Object.entries(settingsSchema)) expect(schema.default, key).toEqual(settingsDefaults[key as keyof Settings]);
  });

  it('sets an unparseable file aside as a timestamped backup, uses the defaults and tells the user', () => {
    writeFileSync(file(), '{"locale": "fr", "windowBounds": {');
    const { store, backup, persistent } = open();

    const expected = path.join(dir, 'settings.json.corrupt-2026-11-28T12-00-00.json');
    expect(backup).toBe(expected);
    expect(readFileSync(expected, 'utf8')).toBe('{"locale": "fr", "windowBounds": {');
    expect(persistent).toBe(true);
    expect(store.get('locale')).toBe(settingsDefaults.locale);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ locale: 'en', windowBounds: {} });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/could not be read/);
    expect(notices[0]!.detail).toContain('not valid JSON');
    expect(notices[0]!.detail).toContain(expected);
  });

  it('does the same for a file that parses but breaks the schema', () => {
    writeFileSync(file(), JSON.stringify({ locale: 'fr', windowBounds: { login: { x: 'left', y: 0, width: 420, height: 560 } } }));
    const { store, backup } = open();
    expect(backup).not.toBeNull();
    expect(existsSync(backup!)).toBe(true);
    expect(store.get('locale')).toBe('en');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.detail).toMatch(/does not match the expected format/);
  });

  it('never overwrites an earlier backup', () => {
    writeFileSync(file(), 'first');
    open();
    writeFileSync(file(), 'second');
    open();
    const backups = readdirSync(dir).filter((f) => f.includes('.corrupt-')).sort();
    expect(backups).toEqual(['settings.json.corrupt-2026-11-28T12-00-00-1.json', 'settings.json.corrupt-2026-11-28T12-00-00.json']);
    expect(backups.map((b) => readFileSync(path.join(dir, b), 'utf8')).sort()).toEqual(['first', 'second']);
  });

  it('keeps settings in memory, and says so, when even a fresh file cannot be made', () => {
    const failing = vi.fn(() => {
      throw Object.assign(new Error("EACCES: permission denied, open '/locked/settings.json'"), { code: 'EACCES' });
    });
    const opened = open({ createStore: failing });
    expect(opened.persistent).toBe(false);
    expect(opened.store).toBeInstanceOf(MemorySettings);
    expect(opened.store.get('locale')).toBe('en');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toBe('Settings are not saved');
  });

  it('does not throw when the backup cannot be made', () => {
    writeFileSync(file(), 'not json');
    const opened = open({
      fs: {
        existsSync,
        renameSync: () => {
          throw new Error('EBUSY');
        },
      },
    });
    expect(opened.persistent).toBe(false);
    expect(opened.backup).toBeNull();
    expect(notices).toHaveLength(1);
  });
});

describe('backupName', () => {
  it('is settings.json.corrupt-<UTC time>.json, safe on every file system', () => {
    expect(backupName('/u/settings.json', at)).toBe('/u/settings.json.corrupt-2026-11-28T12-00-00.json');
    expect(path.basename(backupName('/u/settings.json', at))).not.toMatch(/[:\\*?"<>|]/);
  });
});
