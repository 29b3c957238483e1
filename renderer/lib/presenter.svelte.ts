// Presenter mode of one window: on from `?present` in the address, the stage's toggle, Alt+Shift+P,
// or (in the desktop app) View → Presenter Mode, which the main process sends every window.
import { PRESENTER_PARAM } from '../../main/api/vocabulary';

/** Whether an address's query (`location.search`) asks for presenter mode. */
export function presenterIn(search: string): boolean {
  return new URLSearchParams(search).has(PRESENTER_PARAM);
}

/** The query with presenter mode on or off and every other parameter kept, so a reload opens the window the same way. */
export function searchWith(search: string, on: boolean): string {
  const rest = new URLSearchParams(search);
  rest.delete(PRESENTER_PARAM);
  const kept = rest.toString();
  const parts = [...(kept ? [kept] : []), ...(on ? [PRESENTER_PARAM] : [])];
  return parts.length ? `?${parts.join('&')}` : '';
}

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
