// Presenter mode in a window's address: `?present`, added or removed with the rest of the query kept.
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
