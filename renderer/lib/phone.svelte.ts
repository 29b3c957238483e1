// The simulated phone on screen: which phone, what it shows (lock screen, home, Messages) and its banner.
import { blankLoginView } from '../../main/api/blank-login-view';
import type { LoginView, NotificationView, PhoneView, WorldView } from '../../main/api/views';
import type { Client } from './client';
import type { ClockState } from './clock.svelte';
import { CallState } from './calls.svelte';
import { IbkrAppState } from './ibkr-app.svelte';
import { AppStoreState } from './app-store.svelte';
import { deskDevices } from './desk-devices';
import type { WorldState } from './world.svelte';

export type PhoneScreen = 'lock' | 'home' | 'messages' | 'settings' | 'app' | 'recents' | 'store';

/** How long a banner stays, in virtual time (so a paused clock also pauses the banner). */
export const BANNER_MS = 6_000;

export class PhoneState {
  id = $state<string | null>(null);
  view = $state.raw<PhoneView | null>(null);
  screen = $state<PhoneScreen>('lock');
  /** The newest notification that arrived while this phone was on screen. */
  banner = $state.raw<NotificationView | null>(null);
  /** iOS: the lock screen's list pulled down from the top left while unlocked (Notification Center), not the locked phone. */
  centre = $state(false);
  /** Set by `#phone/<id>`: the phone stays, whoever logs in. */
  pinned = false;
  // Bookkeeping that nothing on screen reads, so a plain Set (no reactivity needed).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #seen = new Set<string>();
  #reading = false;
  /** The broker's mobile app on this phone (IB Key, Authenticate, its own login). */
  readonly app: IbkrAppState;
  /** The call ringing or in progress, and the call log. */
  readonly calls: CallState;
  /** The phone's app store (App Store, Google Play): installing and removing the broker's app. */
  readonly store: AppStoreState;

  readonly showBanner = $derived.by(() => {
    const b = this.banner;
    if (!b?.banner || this.screen === 'lock') return false;
    if (this.screen === 'messages' && b.source.kind === 'sms') return false;
    // A persistent banner (iOS Banner Style) stays until it is touched.
    return b.banner === 'persistent' || this.clock.now < b.at + BANNER_MS;
  });

  constructor(
    private readonly api: Client,
    private readonly clock: ClockState,
    private readonly world: WorldState,
  ) {
    this.app = new IbkrAppState(api, clock, this);
    this.calls = new CallState(api, clock, this, (view) => this.#show(view));
    this.store = new AppStoreState(api, clock, this);
  }

  connect(): () => void {
    const offPhone = this.api.on('phone', ({ phone }) => {
      if (phone.id === this.id) this.#show(phone);
    });
    // Another window's login (the login window on its own beside this phone); a login that ended names nobody.
    const offLogin = this.api.on('login', ({ login }) => {
      if (login.loginId !== null) this.follow(login);
    });
    const offWorld = this.api.on('world', ({ world, change }) => {
      // The same world in another language, or with a phone added: the phone stays where it is.
      if (change) return;
      const keep = this.id !== null && world.phones.some((p) => p.id === this.id);
      void this.select(keep ? this.id : this.firstOf(world), true);
    });
    return () => {
      offPhone();
      offLogin();
      offWorld();
    };
  }

  /** Shows a phone, on its lock screen, as if it had been lying on the desk. */
  async select(id: string | null, force = false): Promise<void> {
    if (id === this.id && !force) return;
    this.id = id;
    this.view = null;
    this.banner = null;
    this.screen = 'lock';
    this.centre = false;
    this.app.reset();
    this.calls.reset();
    this.store.reset();
    if (id === null) return;
    try {
      const view = await this.api.getPhone({ phoneId: id });
      if (this.id === id) this.#show(view);
    } catch {
      // The phone is not in this scenario (a stale link): show none.
      if (this.id === id) this.id = null;
    }
  }

  /**
   * The phone follows the user logging in (the login in progress, else the name typed): the phone
   * their login concerns, else their first. A user without one leaves it where it is (the stage hides it).
   */
  follow(login: LoginView, typed = ''): void {
    if (this.pinned) return;
    const id = deskDevices(login, typed, this.world.view).phones[0] ?? null;
    if (id !== null && id !== this.id) void this.select(id);
  }

  /** The phone a window shows before anyone logs in: the scenario's first user's, else its first phone. */
  firstOf(world: WorldView): string | null {
    return deskDevices(blankLoginView('live'), '', world).phones[0] ?? world.phones[0]?.id ?? null;
  }

  #show(view: PhoneView): void {
    // An answer can arrive after a newer event; virtual time orders them.
    if (this.view && this.view.id === view.id && view.now < this.view.now) return;
    // What was already there when the phone came on screen raises no banner.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see #seen
    if (!this.view || this.view.id !== view.id) this.#seen = new Set(view.notifications.map((n) => n.id));
    this.view = view;
    this.clock.observe(view.now);
    for (const n of view.notifications) {
      if (this.#seen.has(n.id)) continue;
      this.#seen.add(n.id);
      if (n.banner) this.banner = n;
    }
    if (this.screen === 'messages' && view.unread > 0) void this.#readAll();
  }

  /** A phone's state answered by an operation this window made: shown at once, not when the event comes. */
  received(view: PhoneView): void {
    if (view.id === this.id) this.#show(view);
  }

  async #apply(request: Promise<PhoneView>): Promise<void> {
    try {
      this.#show(await request);
    } catch {
      // The phone changed under us (a notification already gone): the next event has the truth.
    }
  }

  /** Reading the conversation marks it read and clears its notifications, as on a real phone. */
  async #readAll(): Promise<void> {
    const phoneId = this.id;
    const view = this.view;
    if (!phoneId || !view || this.#reading) return;
    this.#reading = true;
    try {
      if (view.unread > 0) await this.#apply(this.api.markMessagesRead({ phoneId }));
      for (const n of view.notifications) {
        if (n.source.kind === 'sms') await this.#apply(this.api.dismissNotification({ phoneId, notificationId: n.id }));
      }
    } finally {
      this.#reading = false;
    }
    // Something arrived while reading: read that too (once per change, so a refusal cannot loop).
    const latest = this.view as PhoneView | null;
    if (this.screen === 'messages' && latest && latest !== view && latest.unread > 0 && latest.now > view.now) void this.#readAll();
  }

  openMessages(): void {
    this.screen = 'messages';
    this.banner = null;
    void this.#readAll();
  }

  /** Tapping a notification opens its app: Messages, IB Key on the login request, or the missed calls. */
  openNotification(n: NotificationView): void {
    if (n.source.kind === 'sms') this.openMessages();
    else if (n.source.kind === 'push') {
      this.app.approve(n.source.loginId);
      this.screen = 'app';
      this.banner = null;
    } else this.openRecents();
  }

  /** The broker's app from its icon: its first screen (the login, "Services" and "Authenticate"), or the activation it was left on. */
  openApp(): void {
    this.app.resume();
    this.screen = 'app';
  }

  /** The phone's app store (App Store on iOS, Google Play on Android), open on the broker's app. */
  openStore(): void {
    this.screen = 'store';
  }

  /** The Phone app's Recents: seeing the missed calls clears their notifications, as on a real phone. */
  openRecents(): void {
    this.screen = 'recents';
    this.banner = null;
    const phoneId = this.id;
    if (!phoneId) return;
    for (const n of this.view?.notifications ?? []) {
      if (n.source.kind === 'call') void this.#apply(this.api.dismissNotification({ phoneId, notificationId: n.id }));
    }
  }

  /** The phone's own Settings app (notifications, Focus, battery, network; Android: the app's storage). */
  openSettings(): void {
    this.screen = 'settings';
  }

  goHome(): void {
    this.screen = 'home';
  }

  lock(): void {
    this.screen = 'lock';
    this.centre = false;
  }

  /** iOS: Notification Center, pulled down from the top left over an unlocked screen. */
  openCentre(): void {
    this.screen = 'lock';
    this.centre = true;
  }
}
