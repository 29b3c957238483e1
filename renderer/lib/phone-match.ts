// Which phone a login concerns: the one its code goes to, or the one holding the user's IB Key.
import type { DeviceChoice, LoginView, PhoneSummary } from '../../main/api/views';

function phoneForDevice(device: DeviceChoice, username: string, phones: readonly PhoneSummary[]): PhoneSummary | undefined {
  if (device.kind === 'ibkey') return phones.find((p) => p.ibkeyUser === username);
  if (device.kind === 'sms' || device.kind === 'voice') {
    // The label shows the number masked ("SMS (***-***-0142)"): its last four digits pick the phone.
    const last4 = /(\d{4})\D*$/.exec(device.label)?.[1];
    return last4 ? phones.find((p) => p.number.replace(/\D/g, '').endsWith(last4)) : undefined;
  }
  return undefined;
}

/** The phone to show beside a login, or null when no phone is involved (yet). */
export function phoneForLogin(login: LoginView, phones: readonly PhoneSummary[]): string | null {
  const candidates = login.device ? [login.device] : login.devices;
  for (const device of candidates) {
    const phone = phoneForDevice(device, login.username, phones);
    if (phone) return phone.id;
  }
  return null;
}
