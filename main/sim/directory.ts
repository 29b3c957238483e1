// The user directory: accounts, their devices and password checks that do not reveal who exists.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DeviceChoice } from '../api/views.js';
import { Lockout, type LockoutRule } from './lockout.js';
import { maskNumber } from './phone.js';
import type { DeviceSpec, PhoneSpec, UserSpec } from './scenario/schema.js';

export interface Account {
  spec: UserSpec;
  digest: Buffer;
  lockout: Lockout;
}

/** Per-process key: the stored digests are not the passwords, and mean nothing elsewhere. */
const pepper = randomBytes(32);

function digest(password: string): Buffer {
  return createHmac('sha256', pepper).update(password, 'utf8').digest();
}

/** Compared against when the user is unknown, so that case costs the same as a wrong password. */
const decoy = digest('\u0000no such user\u0000');

export class Directory {
  readonly #accounts = new Map<string, Account>();

  constructor(
    users: readonly UserSpec[],
    rule: LockoutRule,
    private readonly phones: readonly PhoneSpec[],
  ) {
    // Each run has its own copy: an enrolment adds a device to this run only, and a reset starts from the file again.
    for (const spec of users) this.#accounts.set(spec.username, { spec: structuredClone(spec), digest: digest(spec.password), lockout: new Lockout(rule) });
  }

  get(username: string): Account | undefined {
    return this.#accounts.get(username);
  }

  all(): Account[] {
    return [...this.#accounts.values()];
  }

  /** Looks the user up and checks the password in constant time, whether or not the user exists. */
  checkPassword(username: string, password: string): { account: Account | undefined; passwordOk: boolean } {
    const account = this.#accounts.get(username);
    const ok = timingSafeEqual(account?.digest ?? decoy, digest(password));
    return { account, passwordOk: ok && account !== undefined };
  }

  describeDevice(account: Account, device: DeviceSpec): DeviceChoice {
    const serial = device.kind === 'dscplus' || device.kind === 'codecard' ? device.serial : null;
    return { id: device.id, kind: device.kind, label: this.#label(account, device), phoneId: this.#phoneId(account, device), serial };
  }

  #phoneId(account: Account, device: DeviceSpec): string | null {
    if (device.kind === 'ibkey') return device.phone;
    if (device.kind === 'sms') return this.phones.find((p) => p.number === account.spec.mobile?.number)?.id ?? null;
    return null;
  }

  #label(account: Account, device: DeviceSpec): string {
    switch (device.kind) {
      case 'sms':
        return `SMS (${maskNumber(account.spec.mobile?.number ?? '')})`;
      case 'ibkey': {
        const phone = this.phones.find((p) => p.id === device.phone);
        return `IB Key (${phone?.model ?? 'phone'})`;
      }
      case 'dscplus':
        return `Digital Security Card+ (${device.serial})`;
      case 'codecard':
        return `Security Code Card (${device.serial})`;
    }
  }
}
