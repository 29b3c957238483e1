// The window's route as state: read from the hash at start, and followed as the hash changes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouteState } from '../../../renderer/lib/route.svelte.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RouteState', () => {
  it('is the stage where there is no address (not a browser)', () => {
    expect(new RouteState().current).toEqual({ view: 'stage' });
  });

  it('starts from the hash and follows hashchange until disconnected', () => {
    const location = { hash: '#phone/ios-phone' };
    const target = new EventTarget();
    vi.stubGlobal('location', location);
    vi.stubGlobal('window', target);
    const route = new RouteState();
    expect(route.current).toEqual({ view: 'phone', phoneId: 'ios-phone' });
    const stop = route.connect();
    location.hash = '#fob/SNA-52903318';
    target.dispatchEvent(new Event('hashchange'));
    expect(route.current).toEqual({ view: 'fob', serial: 'SNA-52903318' });
    stop();
    location.hash = '#login';
    target.dispatchEvent(new Event('hashchange'));
    expect(route.current).toEqual({ view: 'fob', serial: 'SNA-52903318' });
  });
});
