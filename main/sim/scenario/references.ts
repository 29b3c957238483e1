// What a schema alone cannot check in a scenario file: ids unique, and every phone, user and device named exists.
//
// Read from the file's raw value, not the schema's output, so that these problems are reported in the
// same pass as the schema's own (zod runs an object's refinements only once the object is valid).
import { didYouMean } from './suggest.js';

interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

type Raw = Record<string, unknown>;
const map = (v: unknown): Raw | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : null);
const list = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((item) => map(item) ?? {}) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The valid names, a few of them when there are many. */
function some(noun: string, names: readonly string[]): string {
  if (names.length === 0) return `the scenario has no ${noun}`;
  const shown = names.slice(0, 12).join(', ');
  return `${noun}: ${shown}${names.length > 12 ? `, … (${names.length} in all)` : ''}`;
}

/** Steps and timeline entries that name a phone, by the key that names it. */
const PHONE_KEYS = ['phone', 'restart', 'clearAppData', 'installApp', 'uninstallApp'] as const;
/** Expectations that name a user, by their key. */
const USER_KEYS = ['loggedIn', 'notLoggedIn', 'enrolled', 'locked', 'loginFailed'] as const;

export function checkReferences(data: unknown): ReferenceProblem[] {
  const scenario = map(data);
  if (!scenario) return [];
  const problems: ReferenceProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });

  const phones = list(scenario.phones);
  const phoneById = new Map<string, Raw>();
  phones.forEach((phone, i) => {
    const id = text(phone.id);
    if (id === undefined) return;
    if (phoneById.has(id)) add(['phones', i, 'id'], `duplicate phone id "${id}"`);
    else phoneById.set(id, phone);
  });
  const phoneIds = [...phoneById.keys()];
  const knownPhone = (path: (string | number)[], id: unknown): Raw | undefined => {
    if (typeof id !== 'string') return undefined;
    const phone = phoneById.get(id);
    if (!phone) add(path, `unknown phone "${id}"${didYouMean(id, phoneIds)} (${some('phones', phoneIds)})`);
    return phone;
  };

  const users = list(scenario.users);
  const devicesOf = new Map<string, string[]>();
  const ibkeyHolders = new Map<string, string>();
  users.forEach((user, u) => {
    const username = text(user.username) ?? '';
    if (devicesOf.has(username)) add(['users', u, 'username'], `duplicate user "${username}"`);
    const deviceIds: string[] = [];
    devicesOf.set(username, deviceIds);
    let holdsIbkey = false;
    list(user.devices).forEach((device, d) => {
      const path = ['users', u, 'devices', d];
      const id = text(device.id);
      if (id !== undefined && deviceIds.includes(id)) add([...path, 'id'], `duplicate device id "${id}"`);
      if (id !== undefined) deviceIds.push(id);
      if (device.kind === 'sms' && !map(user.mobile)) add(path, "an SMS device needs the user's mobile number");
      if (device.kind !== 'ibkey') return;
      const phoneId = text(device.phone);
      const phone = knownPhone([...path, 'phone'], phoneId);
      if (phone && phoneId !== undefined) {
        if (phone.platform === 'android' && phone.pin === undefined) add([...path, 'phone'], `Android phone "${phoneId}" needs a pin for IB Key`);
        const holder = ibkeyHolders.get(phoneId);
        if (holder !== undefined && holder !== username) add([...path, 'phone'], `phone "${phoneId}" already holds IB Key for ${holder}`);
        ibkeyHolders.set(phoneId, username);
      }
      if (holdsIbkey) add(path, 'IB Key is active on one phone at a time');
      holdsIbkey = true;
    });
  });
  const usernames = [...devicesOf.keys()].filter((n) => n !== '');
  const knownUser = (path: (string | number)[], name: unknown): boolean => {
    if (typeof name !== 'string') return false;
    if (devicesOf.has(name)) return true;
    add(path, `unknown user "${name}"${didYouMean(name, usernames)} (${some('users', usernames)})`);
    return false;
  };

  phones.forEach((phone, i) => {
    if (phone.owner !== undefined) knownUser(['phones', i, 'owner'], phone.owner);
  });

  // The timeline and the script act on phones and users; the script's chooseDevice picks one of
  // the devices of the user its last login step logs in.
  const actions = (section: 'timeline' | 'script') => {
    let loggingIn: string | null = null;
    list(scenario[section]).forEach((item, i) => {
      for (const key of PHONE_KEYS) {
        if (!(key in item)) continue;
        const phone = knownPhone([section, i, key], item[key]);
        if (key === 'clearAppData' && phone && phone.platform !== 'android') {
          add([section, i, key], `"${String(item[key])}" is an iOS phone: clearing the app's data is an Android setting (on iOS the app is reinstalled)`);
        }
      }
      const seamless = map(item.seamless);
      if (seamless) knownUser([section, i, 'seamless', 'user'], seamless.user);
      const login = map(item.login);
      if (login) {
        loggingIn = knownUser([section, i, 'login', 'user'], login.user) ? text(login.user)! : null;
        if (login.phone !== undefined) knownPhone([section, i, 'login', 'phone'], login.phone);
      }
      for (const key of ['activateIbKey', 'migrateIbKey'] as const) {
        const activation = map(item[key]);
        if (!activation) continue;
        knownUser([section, i, key, 'user'], activation.user);
        knownPhone([section, i, key, 'phone'], activation.phone);
      }
      const device = text(item.chooseDevice);
      if (device !== undefined && loggingIn !== null && !devicesOf.get(loggingIn)!.includes(device)) {
        const devices = devicesOf.get(loggingIn)!;
        add([section, i, 'chooseDevice'], `${loggingIn} has no device "${device}"${didYouMean(device, devices)} (${some('devices', devices)})`);
      }
    });
  };
  actions('timeline');
  actions('script');

  list(scenario.expect).forEach((item, i) => {
    for (const key of USER_KEYS) if (key in item) knownUser(['expect', i, key], item[key]);
    if ('delivered' in item && item.to !== undefined) knownPhone(['expect', i, 'to'], item.to);
  });
  return problems;
}
