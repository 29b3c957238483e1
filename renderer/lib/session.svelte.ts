// One window's state, wired to the client: the world, the clock, the login and the phone.
import type { MessageId } from '../i18n/keys';
import { ClientError, type Client } from './client';
import { AutopilotDoor } from './autopilot-door.svelte';
import { ClockState } from './clock.svelte';
import { DirectorDoor } from './director-door.svelte';
import { withLater } from './later';
import { LoginState } from './login.svelte';
import { PhoneState } from './phone.svelte';
import { PresenterState } from './presenter.svelte';
import { PortalState } from './portal.svelte';
import type { Route } from './route.svelte';
import { WorldState } from './world.svelte';

/** What the window says when the host cannot be used (a message id: the words follow the language). */
function failure(error: unknown): MessageId {
  return error instanceof ClientError && error.code === 'unauthorized' ? 'stage.offline.noSession' : 'stage.offline.notResponding';
}

export class Session {
  readonly clock: ClockState;
  readonly world: WorldState;
  readonly login: LoginState;
  readonly phone: PhoneState;
  /** The Client Portal: its own login on the same server, then its settings. */
  readonly portal: PortalState;
  /** The director panel (stage toggle or its own window); fetched, and reading and subscribing, only once shown. */
  readonly director: DirectorDoor;
  /** Plays the scenario's script through this window's stage (the stage and its docked Director drive it); fetched when first used. */
  readonly autopilot: AutopilotDoor;
  /** Presenter mode: nothing on screen but the product (from `?present`, the stage's toggle, Alt+Shift+P, Electron's View menu). */
  readonly presenter = new PresenterState(typeof location === 'undefined' ? '' : location.search);
  /** Events flow and the first state is loaded; tests wait for this (html[data-ready]). */
  ready = $state(false);
  failed = $state<MessageId | null>(null);

  constructor(readonly api: Client) {
    this.clock = new ClockState(api);
    this.world = new WorldState(api);
    // Not every step is announced as an event (the device drop-down is not), so the phone also follows this window's own login.
    this.login = new LoginState(api, this.clock, (view) => this.phone.follow(view, this.login.username));
    this.phone = new PhoneState(api, this.clock, this.world);
    this.portal = new PortalState(api, new LoginState(api, this.clock, () => {}, 'portal'));
    this.director = new DirectorDoor(api, this.clock);
    this.autopilot = new AutopilotDoor(() =>
      withLater(() => import('./autopilot.svelte')).then(({ Autopilot }) => new Autopilot(api, {
        login: () => (this.portal.shown ? this.portal.login.view : this.login.view),
        phone: () => this.phone.view,
        tab: () => (this.portal.shown ? 'portal' : 'platform'),
        show: (tab) => (this.portal.shown = tab === 'portal'),
      })),
    );
  }

  /** Subscribes first, then reads, so no change between the two is missed. Returns the teardown. */
  start(route: Route): () => void {
    const stops = [
      this.clock.connect(),
      this.world.connect(),
      this.login.connect(),
      this.portal.login.connect(),
      this.phone.connect(),
      this.api.onReconnect(() => void this.#resync()),
      this.api.transport.onPresenter?.((on) => this.presenter.set(on)) ?? (() => {}),
    ];
    void this.#load(route);
    return () => stops.forEach((stop) => stop());
  }

  async #resync(): Promise<void> {
    try {
      await Promise.all([this.world.load(), this.clock.load(), this.login.refresh(), this.portal.login.refresh()]);
      await this.phone.select(this.phone.id, true);
      this.failed = null;
    } catch (error) {
      this.failed = failure(error);
    }
  }

  async #load(route: Route): Promise<void> {
    try {
      await this.api.ready();
      await Promise.all([this.world.load(), this.clock.load()]);
      if (route.view !== 'login' && route.view !== 'director' && route.view !== 'portal') {
        const pinned = route.view === 'phone' ? route.phoneId : null;
        this.phone.pinned = pinned !== null;
        await this.phone.select(pinned ?? (this.world.view ? this.phone.firstOf(this.world.view) : null));
      }
      this.ready = true;
    } catch (error) {
      this.failed = failure(error);
    }
  }
}
