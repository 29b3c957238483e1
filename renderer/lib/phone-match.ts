// Which phone a login concerns: the one its code goes to, or the one holding the user's IB Key.
import type { DeviceChoice, LoginView, PhoneSummary } from '../../main/api/views';

function phoneForDevice(device: DeviceChoice, username: string, phones: readonly PhoneSummary[]): PhoneSummary | undefined {
  if (device.phoneId !== null) return phones.find((p) => p.id === device.phoneId);
  if (device.kind === 'ibkey') return phones.find((p) => p.ibkeyUser === username);
  return undefined;
}
/** The phone to show beside a login, or null when no phone is involved (yet). */
export function phoneForLogin(login: LoginView, phones: readonly PhoneSummary[]): string | null {
  // Enrolling: the phone answering the number typed.
  if (login.enrolment?.phoneId) return login.enrolment.phoneId;
  const candidates = login.device ? [login.device] : login.devices;
  for (const device of candidates) {
    const phone = phoneForDevice(device, login.username, phones);
    if (phone) return phone.id;
  }
  return null;
}
