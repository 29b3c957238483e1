// Which view of the app's own login a phone shows: the server's (through the phone's events) or the last answer.
import type { LoginView, PhoneView } from '../../main/api/views';

/**
 * What to show: the phone's view carries the app's login once the server holds one; an answer not yet
 * followed by its event (or a refusal, which starts no login) comes from the operation itself.
 */
export function currentAppLogin(remote: LoginView | null, local: LoginView | null, phone: PhoneView | null): LoginView | null {
  if (remote) {
    if (!local || local.now < remote.now) return remote;
    // Same moment: a different login is the newer one (logged out, started again); the same login, the event.
    return local.now > remote.now || local.loginId !== remote.loginId ? local : remote;
  }
  if (!local) return null;
  // The server holds no login for the app: a refusal or a log-out shows; a login the phone no longer has ended.
  if (local.loginId === null) return local;
  return phone && phone.now > local.now ? null : local;
}
