// A simulated phone: its settings, its SMS inbox and its notification list.
import type { NotificationView, PhoneStatus, PhoneView, SmsView } from '../api/views.js';
import type { PhoneSpec } from './scenario/schema.js';

export class Phone {
  readonly status: PhoneStatus;
  readonly messages: SmsView[] = [];
  readonly notifications: NotificationView[] = [];
  #nextId = 1;

  constructor(readonly spec: PhoneSpec) {
    this.status = { ...spec.state };
  }

  get id(): string {
    return this.spec.id;
  }

  /** Stores an arrived SMS and its notification (silenced, not lost, under do-not-disturb). */
  receiveSms(from: string, text: string, at: number): SmsView {
    const sms: SmsView = { id: `${this.id}-m${this.#nextId++}`, from, text, at, read: false };
    this.messages.push(sms);
    this.notifications.push({
      id: `${this.id}-n${this.#nextId++}`,
      app: 'Messages',
      title: from,
      body: text,
      at,
      silenced: this.status.doNotDisturb,
      source: { kind: 'sms', messageId: sms.id },
    });
    return sms;
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

  view(now: number): PhoneView {
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
      notifications: this.notifications.map((n) => ({ ...n })),
      unread: this.messages.filter((m) => !m.read).length,
      now,
    };
  }
}

/** "+13125550142" → "***-***-0142": enough for the owner to recognise, not enough to leak. */
export function maskNumber(number: string): string {
  return `***-***-${number.slice(-4)}`;
}
