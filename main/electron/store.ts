// The desktop app's settings (window positions, locale, last scenario), opened so that a bad file never stops the app.
import path from 'node:path';
import { z } from 'zod';

/** The app's windows: the stage pair, the director, the DSC+ fob, the Security Code Card, the Client Portal and the stage in one window. */
export const windowNames = ['login', 'phone', 'director', 'fob', 'card', 'portal', 'stage'] as const;
export type WindowName = (typeof windowNames)[number];

const coordinate = z.int().min(-100_000).max(100_000);
const extent = z.int().min(200).max(20_000);
const boundsSchema = z.strictObject({ x: coordinate, y: coordinate, width: extent, height: extent });
export type Bounds = z.output<typeof boundsSchema>;

/** The settings file, one zod schema: the type, the defaults and the JSON Schema electron-store checks all come from it. */
const settingsObject = z.object({
  windowBounds: z.partialRecord(z.enum(windowNames), boundsSchema).default({}),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).default('en'),
  lastScenarioPath: z.string().max(4096).nullable().default(null),
});
export type Settings = z.output<typeof settingsObject>;

export const SETTINGS_NAME = 'settings';

export const settingsDefaults: Settings = settingsObject.parse({});

/** JSON Schema (draft 2020-12, checked by electron-store's Ajv) of each top-level key, derived from the zod schema. */
export type SettingsSchema = Record<keyof Settings, Record<string, unknown>>;
export const settingsSchema = (z.toJSONSchema(settingsObject) as unknown as { properties: SettingsSchema }).properties;

/** The part of electron-store the app uses. */
export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}

export interface StoreOptions {
  name: string;
  cwd: string;
  schema: SettingsSchema;
  defaults: Settings;
  /** We set the bad file aside ourselves (with a backup), so the library must not wipe it. */
  clearInvalidConfig: false;
}

/** What the user is told when the settings file had to be set aside. */
export interface StoreNotice {
  title: string;
  message: string;
  detail: string;
}

export interface OpenStoreDeps {
  /** The folder holding settings.json (Electron's userData folder). */
  directory: string;
  /** Builds the store (electron-store in the app); throws on an unreadable or schema-invalid file. */
  createStore: (options: StoreOptions) => SettingsStore;
  fs: { existsSync(file: string): boolean; renameSync(from: string, to: string): void };
  notify: (notice: StoreNotice) => void;
  now?: () => Date;
}

export interface OpenedStore {
  store: SettingsStore;
  /** Where a bad file was moved to, if one was. */
  backup: string | null;
  /** False when even a fresh file could not be written: settings last for this run only. */
  persistent: boolean;
}

/** settings.json.corrupt-2026-11-28T12-00-00.json: sorts by time, valid on every file system. */
export function backupName(file: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replaceAll(':', '-');
  return `${file}.corrupt-${stamp}.json`;
}

/** Settings kept in memory only, when the settings folder cannot be written at all. */
export class MemorySettings implements SettingsStore {
  #values: Settings = structuredClone(settingsDefaults);
  get<K extends keyof Settings>(key: K): Settings[K] {
    return structuredClone(this.#values[key]);
  }
  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    this.#values[key] = structuredClone(value);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof SyntaxError) return 'it is not valid JSON';
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Config schema violation:')) return `it does not match the expected format (${message.slice(25).trim()})`;
  return message.split('\n')[0] ?? 'unknown error';
}

/**
 * Opens the settings store. A file that cannot be parsed or breaks the schema is renamed to a
 * timestamped backup, the defaults are used, and the user is told; nothing here throws.
 */
export function openStoreSafely(deps: OpenStoreDeps): OpenedStore {
  const { directory, createStore, fs, notify } = deps;
  const now = deps.now ?? (() => new Date());
  const options: StoreOptions = {
    name: SETTINGS_NAME,
    cwd: directory,
    schema: settingsSchema,
    defaults: structuredClone(settingsDefaults),
    clearInvalidConfig: false,
  };
  let firstError: unknown;
  try {
    return { store: createStore(options), backup: null, persistent: true };
  } catch (error) {
    firstError = error;
  }

  const file = path.join(directory, `${SETTINGS_NAME}.json`);
  let backup: string | null = null;
  try {
    if (fs.existsSync(file)) {
      let candidate = backupName(file, now());
      for (let n = 1; fs.existsSync(candidate); n++) candidate = backupName(file, now()).replace(/\.json$/, `-${n}.json`);
      fs.renameSync(file, candidate);
      backup = candidate;
    }
  } catch {
    backup = null;
  }

  const reason = reasonOf(firstError);
  try {
    const store = createStore(options);
    notify({
      title: 'Settings were reset',
      message: 'The settings file could not be read, so the simulator starts with default settings.',
      detail: `${file} was set aside because ${reason}.${backup ? `\nIt was kept as ${backup}.` : ''}\nWindow positions, language and the last scenario are back to their defaults.`,
    });
    return { store, backup, persistent: true };
  } catch (error) {
    notify({
      title: 'Settings are not saved',
      message: 'The settings file could not be read or replaced, so settings will not be saved in this session.',
      detail: `${file}: ${reason}.${backup ? `\nIt was kept as ${backup}.` : ''}\nThen: ${reasonOf(error)}.`,
    });
    return { store: new MemorySettings(), backup, persistent: false };
  }
}
