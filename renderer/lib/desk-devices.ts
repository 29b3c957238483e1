// Which devices the stage puts on the desk: the phones, the DSC+ fob and the Security Code Card of the user logging in.
import type { DeviceChoice, LoginView, PhoneSummary, WorldView } from '../../main/api/views';

/** What the stage shows beside the login window. */
export interface DeskDevices {
  /** Whose devices these are: the user logging in, or (nobody named yet) the scenario's first user with a device; null when nobody has one. */
  user: string | null;
  /** Their phones, the one the login concerns now first (the code's phone, the phone holding IB Key, the phone being enrolled). */
  phones: string[];
  /** Their DSC+ fob's serial. */
  fob: string | null;
  /** Their Security Code Card's serial. */
  card: string | null;
}

/** What the choice reads of the world (a window before its first `getWorld` has none of it). */
export type DeskWorld = Pick<WorldView, 'users' | 'phones' | 'fobs' | 'cards'>;

function phoneOf(device: DeviceChoice, username: string, phones: readonly PhoneSummary[]): string | null {
  if (device.phoneId !== null && phones.some((p) => p.id === device.phoneId)) return device.phoneId;
  if (device.kind === 'ibkey') return phones.find((p) => p.ibkeyUser === username)?.id ?? null;
  return null;
}

/** The user logging in: the one of the attempt in progress, else the user name typed when it names a user of the scenario. */
function userLoggingIn(login: LoginView, typed: string, world: DeskWorld): string | null {
  if (login.loginId !== null && login.username !== '') return login.username;
  const name = typed.trim();
  return world.users.some((u) => u.username === name) ? name : null;
}

/** The devices of one user; the login's own first when it is theirs. */
function devicesOf(username: string, login: LoginView | null, world: DeskWorld): DeskDevices {
  const phones: string[] = [];
  const add = (id: string | null | undefined) => {
    if (id && !phones.includes(id)) phones.push(id);
  };
  const devices = world.users.find((u) => u.username === username)?.devices ?? [];
  if (login) {
    add(login.enrolment?.phoneId);
    // The Client Portal verifying a number: the phone that number reaches.
    add(login.portal?.verification?.phoneId);
    for (const device of login.device ? [login.device] : login.devices) add(phoneOf(device, username, world.phones));
  }
  for (const device of devices) add(phoneOf(device, username, world.phones));
  for (const phone of world.phones) if (phone.ibkeyUser === username || phone.owner === username) add(phone.id);

  const serial = (kind: 'dscplus' | 'codecard', owned: WorldView['fobs']) =>
    (login?.device?.kind === kind ? login.device.serial : null) ?? owned.find((d) => d.owner === username)?.serial ?? null;
  return { user: username, phones, fob: serial('dscplus', world.fobs), card: serial('codecard', world.cards) };
}

const nothing = (world: DeskWorld): DeskDevices => ({ user: null, phones: world.phones.slice(0, 1).map((p) => p.id), fob: null, card: null });

/**
 * The devices on the desk. The user logging in (the attempt in progress, else the name typed) brings
 * theirs, none for a user without any. Before anyone is named: the scenario's first user with a
 * device, else the scenario's first phone lying on the desk.
 */
export function deskDevices(login: LoginView, typed: string, world: DeskWorld | null): DeskDevices {
  if (!world) return { user: null, phones: [], fob: null, card: null };
  const user = userLoggingIn(login, typed, world);
  if (user !== null) return devicesOf(user, login.loginId !== null ? login : null, world);
  for (const { username } of world.users) {
    const set = devicesOf(username, null, world);
    if (set.phones.length || set.fob || set.card) return set;
  }
  return nothing(world);
}
