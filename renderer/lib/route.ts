// Which view a window shows, from its URL hash: #stage (default), #login, #portal, #director, #phone or #phone/<id>, #fob[/<serial>], #card[/<serial>].

export type Route =
  | { view: 'stage' }
  | { view: 'login' }
  /** The Client Portal alone (its Electron window, or a browser tab). */
  | { view: 'portal' }
  /** The director panel in a window of its own (Electron). */
  | { view: 'director' }
  | { view: 'phone'; phoneId: string | null }
  /** A DSC+ fob or a Security Code Card by serial; without one, the device of the login in progress. */
  | { view: 'fob' | 'card'; serial: string | null };

export function parseRoute(hash: string): Route {
  const [view, id] = hash.replace(/^#\/?/, '').split('/');
  if (view === 'login') return { view: 'login' };
  if (view === 'portal') return { view: 'portal' };
  if (view === 'director') return { view: 'director' };
  if (view === 'phone') {
    let phoneId: string | null = null;
    try {
      phoneId = id ? decodeURIComponent(id) : null;
    } catch {
      // A malformed escape: no particular phone.
    }
    return { view: 'phone', phoneId };
  }
  // A malformed escape names no device: the one of the login in progress.
  if (view === 'fob' || view === 'card') return { view, serial: decodedId(id) };
  return { view: 'stage' };
}

function decodedId(id: string | undefined): string | null {
  try {
    return id ? decodeURIComponent(id) : null;
  } catch {
    return null;
  }
}
