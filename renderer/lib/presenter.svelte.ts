// Presenter mode of one window: on from `?present` in the address, the stage's toggle, Alt+Shift+P,
// or (in the desktop app) View → Presenter Mode, which the main process sends every window.
import { presenterIn, searchWith } from './presenter-address';

export class PresenterState {
  on = $state(false);

  constructor(search: string) {
    this.on = presenterIn(search);
  }

  set(on: boolean): void {
    this.on = on;
    if (typeof location === 'undefined' || typeof history === 'undefined') return;
    const search = searchWith(location.search, on);
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  toggle(): void {
    this.set(!this.on);
  }
}
