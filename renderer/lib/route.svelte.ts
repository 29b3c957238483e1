// Which view this window shows, from the URL hash: #stage (default), #login, #phone or #phone/<id>.

export type Route = { view: 'stage' } | { view: 'login' } | { view: 'phone'; phoneId: string | null };

export function parseRoute(hash: string): Route {
  const [view, id] = hash.replace(/^#\/?/, '').split('/');
  if (view === 'login') return { view: 'login' };
  if (view === 'phone') return { view: 'phone', phoneId: id ? decodeURIComponent(id) : null };
  return { view: 'stage' };
}

export class RouteState {
  current = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash));

  connect(): () => void {
    const update = () => (this.current = parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }
}
