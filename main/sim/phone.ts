// A simulated phone: its settings, SMS inbox, notification list, calls, and the broker's app.
import type { CallView, MobileAppView, NotificationView, PhoneStatus, PhoneView, SmsView } from '../api/views.js';
import { appBadge, bannerFor, presentation } from './alerts.js';
import { MobileApp, type AppPinRule } from './mobile-app.js';
import type { PhoneSpec } from './scenario/schema.js';
import type { SpokenText } from './world-text.js';

/** A notification as the phone keeps it; where it shows (lock screen, list, text) follows the settings at view time. */
type StoredNotification = Omit<NotificationView, 'lockScreen' | 'centre' | 'preview'>;

interface Call extends CallView {
  /** Spoken only once answered; kept here until then. */
  script: string;
}

/** A phone keeps this many messages, notifications and calls, as a real one scrolls old ones away: a long run stays light. */
export const KEEP = 100;

function trimOldest<T>(list: T[], max: number): void {
  if (list.length > max) list.splice(0, list.length - max);
}

export class Phone {
  readonly status: PhoneStatus;
  readonly messages: SmsView[] = [];
  readonly notifications: StoredNotification[] = [];
  readonly calls: Call[] = [];
  readonly app: MobileApp;
  /** Messages the network keeps for this phone; each returns true once done with (delivered or lost). */
  #held: (() => boolean)[] = [];
  #nextId = 1;

  constructor(
    readonly spec: PhoneSpec,
    seed: string,
    pinRule?: AppPinRule,
  ) {
    this.status = { ...spec.state };
    this.app = new MobileApp(spec, seed, this.status, pinRule);
  }

  get id(): string {
    return this.spec.id;
  }

  hold(retry: () => boolean): void {
    this.#held.push(retry);
  }

  /** After any change of the phone's state, the network tries what it holds again. */
  retryHeld(): void {
    this.#held = this.#held.filter((retry) => !retry());
  }

  #notify(app: string, title: string, body: string, at: number, source: NotificationView['source'], silenced = this.status.doNotDisturb): StoredNotification {
    // Do-not-disturb silences the banner; the notification still waits in the list (article step 2).
    const banner = bannerFor(this.spec.platform, this.status, silenced, source.kind === 'push');
    const n: StoredNotification = { id: `${this.id}-n${this.#nextId++}`, app, title, body, at, silenced, banner, source };
    this.notifications.push(n);
    trimOldest(this.notifications, KEEP);
    return n;
  }

  receiveSms(from: string, text: string, at: number): SmsView {
    const sms: SmsView = { id: `${this.id}-m${this.#nextId++}`, from, text, at, read: false };
    this.messages.push(sms);
    trimOldest(this.messages, KEEP);
    this.#notify('Messages', from, text, at, { kind: 'sms', messageId: sms.id });
    return sms;
  }

  receivePush(appName: string, title: string, body: string, at: number, loginId: string, silenced: boolean): StoredNotification {
    return this.#notify(appName, title, body, at, { kind: 'push', loginId }, silenced);
  }

  /** Removes the app's notification for a login once it is answered or gone. */
  clearPush(loginId: string): boolean {
    const index = this.notifications.findIndex((n) => n.source.kind === 'push' && n.source.loginId === loginId);
    if (index < 0) return false;
    this.notifications.splice(index, 1);
    return true;
  }

  ring(callId: string, from: string, script: SpokenText, at: number): void {
    this.calls.push({ id: callId, from, at, state: 'ringing', transcript: null, script: script.text, language: script.tag });
    // Only calls that are over make room: a ringing or answered call stays.
    while (this.calls.length > KEEP) {
      const over = this.calls.findIndex((c) => c.state === 'ended' || c.state === 'missed');
      if (over < 0) break;
      this.calls.splice(over, 1);
    }
  }

  call(callId: string): Call | undefined {
    return this.calls.find((c) => c.id === callId);
  }

  answer(callId: string): boolean {
    const call = this.call(callId);
    if (!call || call.state !== 'ringing') return false;
    call.state = 'answered';
    call.transcript = call.script;
    return true;
  }

  end(callId: string): boolean {
    const call = this.call(callId);
    if (!call || (call.state !== 'ringing' && call.state !== 'answered')) return false;
    call.state = call.state === 'ringing' ? 'missed' : 'ended';
    return true;
  }

  miss(callId: string, at: number): boolean {
    const call = this.call(callId);
    if (!call || call.state !== 'ringing') return false;
    call.state = 'missed';
    this.#notify('Phone', 'Missed call', call.from, at, { kind: 'call', callId });
    return true;
  }

  markMessagesRead(): void {
    for (const m of this.messages) m.read = true;
  }

  dismissNotification(id: string): boolean {
    const index = this.notifications.findIndex((n) => n.id === id);
    if (index < 0) return false;
    this.notifications.splice(index, 1);
    return true;
  }

  view(now: number, app: MobileAppView): PhoneView {
    const { id, name, platform, model, number, carrier, region } = this.spec;
    return {
      id,
      name,
      platform,
      model,
      number,
      carrier,
      region,
      status: { ...this.status },
      messages: this.messages.map((m) => ({ ...m })),
      notifications: this.notifications.map((n) => ({ ...n, ...presentation(platform, this.status, n.source.kind === 'push') })),
      calls: this.calls.map(({ script: _script, ...c }) => ({ ...c })),
      app,
      unread: this.messages.filter((m) => !m.read).length,
      appBadge: appBadge(this.status, this.notifications),
      now,
    };
  }
}

/** "+13125550142" → "***-***-0142": enough for the owner to recognise, not enough to leak. */
export function maskNumber(number: string): string {
  return `***-***-${number.slice(-4)}`;
}
