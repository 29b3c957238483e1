// A running world saved as a scenario file: what the world holds now, in the scenario schema's input shape, loadable back to the same world.
//
// The running scenario (as loaded) is the base, so every field of the schema passes through unless the
// world changed it; what the world changes is written from its state: the clock's time becomes `start`,
// durations before it (failures, a passcode's issue) and after it (a lock, the timeline still to come)
// are counted from there, enrolments are the accounts' devices, IB Key's state is each phone's `app`,
// and the counters go to `resume` so that ids and codes continue. What is not saved is said in the file.
import { stringify } from 'yaml';
import { phoneStateSchema, type PhoneStatus } from '../api/phone-state.js';
import type { Locale } from '../api/vocabulary.js';
import { formatDuration } from './scenario/durations.js';
import type { ScenarioInput } from './scenario/schema.js';
import { worldActionInput } from './scenario/script-schema.js';
import type { World } from './world.js';

const DEFAULT_PHONE_STATE: PhoneStatus = phoneStateSchema.parse({});

/** What a saved world does not keep, said at the top of every export (README "Saved worlds" says the same). */
export const NOT_SAVED = [
  'A login in progress is not saved (its codes, pushes and held messages die with it): the loaded world starts with',
  'the login window empty. Wrong answers it already counted are in the lockout below. The phones keep their settings',
  "and faults but not their messages, notifications or calls; the script and expectations of the scenario it came",
  'from are left out (they describe a run from that scenario\'s start, not from here).',
];

/** Only what differs from a phone's defaults, so a saved world reads like a scenario someone wrote. */
function changedState(status: PhoneStatus): Partial<PhoneStatus> {
  return Object.fromEntries(Object.entries(status).filter(([key, value]) => DEFAULT_PHONE_STATE[key as keyof PhoneStatus] !== value)) as Partial<PhoneStatus>;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The world as a scenario (the schema's input: durations in words, ids as the file names them). */
export function exportWorld(world: World, locale: Locale): ScenarioInput {
  const { scenario, clock } = world;
  const now = clock.now();
  const { timeline: _timeline, script: _script, expect: _expect, resume: _resume, locale: _locale, timing, connection, phones: _phones, users: _users, ...rest } = scenario;
  const activated = new Set<string>();

  const users = world.directory.all().map(({ spec, lockout }) => {
    const { lockout: _lockout, temporaryPasscode: _passcode, ...user } = spec;
    const passcode = world.temporaryPasscodes.get(spec.username);
    const saved = lockout.saved(now);
    const devices = spec.devices.map((device) => {
      if (device.kind === 'ibkey') activated.add(device.phone);
      if (device.kind !== 'dscplus') return { ...device };
      const { wrongPins: _saved, ...fob } = device;
      const wrongPins = world.fobs.get(device.serial)?.wrongPins ?? 0;
      return wrongPins ? { ...fob, wrongPins } : fob;
    });
    return withoutUndefined({
      ...user,
      mobile: spec.mobile ? { ...spec.mobile } : undefined,
      devices,
      seamless: world.seamless(spec.username),
      temporaryPasscode: passcode ? { code: passcode.code, issued: formatDuration(now - passcode.issuedAt) } : undefined,
      lockout:
        saved.failures.length || saved.lockedUntil !== null
          ? { failures: saved.failures.map((at) => formatDuration(now - at)), lockedFor: formatDuration(saved.lockedUntil === null ? 0 : saved.lockedUntil - now) }
          : undefined,
    });
  });

  const phones = [...world.phones.values()].map((phone) => {
    const { app: _app, state: _state, ...spec } = phone.spec;
    const app = phone.app.saved;
    // A phone no device activates IB Key on reads "cleared" with nothing to clear: that is its fresh state.
    const fresh = app.wrongPins === 0 && (app.ibkey === 'active' || (app.ibkey === 'cleared' && !activated.has(phone.id)));
    const state = changedState(phone.status);
    return withoutUndefined({ ...spec, state: Object.keys(state).length ? state : undefined, app: fresh ? undefined : app });
  });

  const timeline = scenario.timeline.flatMap((entry, index) => {
    if (world.firedTimeline.has(index)) return [];
    const at = formatDuration(Math.max(0, clock.startedAt + entry.at - now));
    return [withoutUndefined({ at, note: entry.note, ...worldActionInput(entry.action) })];
  });

  const counters = world.counters();
  const resume = Object.keys(counters.ids).length || Object.keys(counters.logins).length ? counters : undefined;
  return withoutUndefined({
    ...rest,
    start: new Date(now).toISOString(),
    connection: { ...connection, retryInterval: formatDuration(connection.retryInterval) },
    timing: {
      ...timing,
      ...(timing.sessionTimeout === undefined ? {} : { sessionTimeout: formatDuration(timing.sessionTimeout) }),
      codeLifetime: formatDuration(timing.codeLifetime),
      resendInterval: formatDuration(timing.resendInterval),
      pushWindow: formatDuration(timing.pushWindow),
      smsDelay: formatDuration(timing.smsDelay),
      voiceDelay: formatDuration(timing.voiceDelay),
      autoEnrolDelay: formatDuration(timing.autoEnrolDelay),
      lockout: { ...timing.lockout, window: formatDuration(timing.lockout.window), duration: formatDuration(timing.lockout.duration) },
    },
    phones,
    users,
    timeline: timeline as ScenarioInput['timeline'],
    resume,
    // The windows' language as it is now (a switch since the start included); each user keeps their own above.
    locale,
  }) as ScenarioInput;
}

/** The export as the YAML file a host hands out: a comment saying where it came from and what it leaves out, then the scenario. */
export function exportWorldYaml(world: World, locale: Locale): string {
  const at = new Date(world.clock.now()).toISOString();
  const header = [`Saved world: scenario "${world.scenario.name}" at ${at} (virtual time), seed ${JSON.stringify(world.scenario.seed)}.`, ...NOT_SAVED];
  return `${header.map((line) => `# ${line}`).join('\n')}\n${stringify(exportWorld(world, locale), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** The file name a saved world is offered under: `<scenario>-saved.yaml`. */
export function exportFileName(world: World): string {
  return `${world.scenario.name.replace(/-saved$/, '')}-saved.yaml`;
}
