// The current route as state, updated when the hash changes.
import { parseRoute, type Route } from './route';

export type { Route };

export class RouteState {
  current = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash));

  connect(): () => void {
    const update = () => (this.current = parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }
}
