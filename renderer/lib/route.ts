// Which view a window shows, from its URL hash: #stage (default), #login, #phone or #phone/<id>.

export type Route = { view: 'stage' } | { view: 'login' } | { view: 'phone'; phoneId: string | null };

export function parseRoute(hash: string): Route {
  const [view, id] = hash.replace(/^#\/?/, '').split('/');
  if (view === 'login') return { view: 'login' };
  if (view === 'phone') {
    let phoneId: string | null = null;
    try {
      phoneId = id ? decodeURIComponent(id) : null;
    } catch {
      // A malformed escape: no particular phone.
    }
    return { view: 'phone', phoneId };
  }
  return { view: 'stage' };
}
