// The renderer's client over a stand-in transport: envelopes unwrapped, refusals thrown, events filtered by type.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../main/api/dispatch.js';
import type { HostEvent } from '../../../main/api/events.js';
import { ClientError, createClient, errorMessage, type Transport } from '../../../renderer/lib/client.js';

function fakeTransport(answer: (name: string, request: unknown) => Envelope) {
  const listeners = new Set<(event: HostEvent) => void>();
  const calls: { name: string; request: unknown }[] = [];
  const transport: Transport = {
    kind: 'test',
    call: async (name, request) => {
      calls.push({ name, request });
      return answer(name, request);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: async () => {},
    onReconnect: () => () => {},
  };
  return { transport, calls, emit: (event: HostEvent) => listeners.forEach((l) => l(event)), listeners };
}

describe('client', () => {
  it('calls the operation by name and returns the envelope\'s value', async () => {
    const fake = fakeTransport(() => ({ ok: true, value: { now: 5, running: true, elapsed: 0 } }));
    const api = createClient(fake.transport);
    await expect(api.getClock({})).resolves.toEqual({ now: 5, running: true, elapsed: 0 });
    expect(fake.calls).toEqual([{ name: 'getClock', request: {} }]);
  });

  it('throws a ClientError carrying the code and message of a refusal', async () => {
    const fake = fakeTransport(() => ({ ok: false, error: { code: 'not_found', message: 'No login L9: it ended or never started' } }));
    const api = createClient(fake.transport);
    const error = await api.getLogin({ loginId: 'L9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'not_found', message: 'No login L9: it ended or never started' });
    expect(errorMessage(error)).toBe('No login L9: it ended or never started');
    expect(errorMessage(new TypeError('x'))).toBe('Something went wrong. Try again.');
  });

  it('delivers events of the asked type only, until unsubscribed', () => {
    const fake = fakeTransport(() => ({ ok: true, value: null }));
    const api = createClient(fake.transport);
    const seen = vi.fn();
    const off = api.on('clock', seen);
    fake.emit({ type: 'clock', clock: { now: 1, running: true, elapsed: 1 } });
    fake.emit({ type: 'journal', entry: { type: 'clock.advanced', byMs: 1, seq: 1, at: 1 } });
    off();
    fake.emit({ type: 'clock', clock: { now: 2, running: true, elapsed: 2 } });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]![0]).toMatchObject({ type: 'clock', clock: { now: 1 } });
    expect(fake.listeners.size).toBe(0);
  });

  it('is not mistaken for a promise', async () => {
    const fake = fakeTransport(() => ({ ok: true, value: null }));
    const api = createClient(fake.transport);
    expect(await Promise.resolve(api)).toBe(api);
    expect(fake.calls).toEqual([]);
    expect(api.transport.kind).toBe('test');
  });
});

/** The page's client as the app gets it: the module fresh, so the transport is chosen again. */
async function pageClient() {
  vi.resetModules();
  return (await import('../../../renderer/lib/client.js')).client();
}

describe('client() in Electron', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("calls the preload bridge's function of the same name, and its events", async () => {
    const events = new Set<(event: HostEvent) => void>();
    const bridge = {
      host: 'electron',
      getClock: vi.fn(async () => ({ ok: true, value: { now: 7, running: true, elapsed: 0 } })),
      getWorld: vi.fn(async () => {
        throw new Error('main process gone');
      }),
      onEvent: (listener: (event: HostEvent) => void) => (events.add(listener), () => events.delete(listener)),
    };
    vi.stubGlobal('window', { sls: bridge });
    const api = await pageClient();
    expect(api.transport.kind).toBe('electron');
    await expect(api.getClock({})).resolves.toMatchObject({ now: 7 });
    expect(bridge.getClock).toHaveBeenCalledWith({});
    // A bridge that throws is a simulator not responding, not a crash.
    await expect(api.getWorld({})).rejects.toMatchObject({ code: 'internal', message: 'The simulator is not responding' });
    const seen: number[] = [];
    const off = api.on('clock', ({ clock }) => seen.push(clock.now));
    events.forEach((l) => l({ type: 'clock', clock: { now: 9, running: true, elapsed: 2 } }));
    off();
    expect(seen).toEqual([9]);
    expect(events.size).toBe(0);
    await expect(api.ready()).resolves.toBeUndefined();
    expect(typeof api.onReconnect(() => {})).toBe('function');
    expect(api.transport.newSession).toBeUndefined();
  });
});

describe('client() in the browser host', () => {
  /** An EventSource stand-in the test opens, breaks and feeds. */
  class FakeSource extends EventTarget {
    static readonly CLOSED = 2;
    static last: FakeSource | null = null;
    readyState = 0;
    constructor(readonly url: string) {
      super();
      FakeSource.last = this;
    }
    open() {
      this.readyState = 1;
      this.dispatchEvent(new Event('open'));
    }
    fail(closed: boolean) {
      this.readyState = closed ? FakeSource.CLOSED : 0;
      this.dispatchEvent(new Event('error'));
    }
    send(data: string) {
      this.dispatchEvent(Object.assign(new Event('message'), { data }));
    }
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    FakeSource.last = null;
  });

  function browser(answer: (url: string, init: RequestInit) => Promise<Response>) {
    const fetches: { url: string; body: unknown }[] = [];
    vi.stubGlobal('EventSource', FakeSource);
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      fetches.push({ url, body: JSON.parse(String(init.body)) });
      return answer(url, init);
    });
    return fetches;
  }

  it('POSTs each operation as JSON to its path and unwraps the envelope; a failed fetch is a simulator not responding', async () => {
    let up = true;
    const fetches = browser(async () => {
      if (!up) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ ok: true, value: { now: 3, running: false, elapsed: 0 } }));
    });
    const api = await pageClient();
    expect(api.transport.kind).toBe('http');
    await expect(api.getClock({})).resolves.toMatchObject({ now: 3 });
    expect(fetches).toEqual([{ url: '/api/op/getClock', body: {} }]);
    up = false;
    await expect(api.getClock({})).rejects.toMatchObject({ code: 'internal' });
    await expect(api.transport.newSession!()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('opens the event stream once, delivers its events, skips what is not JSON, and tells of reconnections', async () => {
    browser(async () => new Response('{}'));
    const api = await pageClient();
    const seen: number[] = [];
    const reconnected = vi.fn();
    api.onReconnect(reconnected);
    api.on('clock', ({ clock }) => seen.push(clock.now));
    const ready = api.ready();
    const source = FakeSource.last!;
    expect(source.url).toBe('/api/events');
    api.on('world', () => {});
    expect(FakeSource.last).toBe(source);
    source.open();
    await expect(ready).resolves.toBeUndefined();
    source.send(JSON.stringify({ type: 'clock', clock: { now: 1, running: true, elapsed: 0 } }));
    source.send('not json');
    source.send(JSON.stringify({ type: 'clock', clock: { now: 2, running: true, elapsed: 1 } }));
    expect(seen).toEqual([1, 2]);
    // A break the browser retries by itself, then the stream back: time to read the state again.
    source.fail(false);
    expect(reconnected).not.toHaveBeenCalled();
    source.open();
    expect(reconnected).toHaveBeenCalledTimes(1);
    // Closed for good after it had worked: also a reconnection to handle (the page reads and fails there).
    source.fail(true);
    expect(reconnected).toHaveBeenCalledTimes(2);
  });

  it('says the session is gone when the stream is refused before it ever opened', async () => {
    browser(async () => new Response('{}'));
    const api = await pageClient();
    const ready = api.ready();
    FakeSource.last!.fail(true);
    await expect(ready).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('starts a new session by POSTing to the session path', async () => {
    const fetches = browser(async () => new Response(JSON.stringify({ ok: true, value: { url: 'http://127.0.0.1:5180/?s=new' } })));
    const api = await pageClient();
    await expect(api.transport.newSession!()).resolves.toEqual({ ok: true, value: { url: 'http://127.0.0.1:5180/?s=new' } });
    expect(fetches).toEqual([{ url: '/api/session', body: {} }]);
  });
});

describe('useTransport', () => {
  it('makes the page client run over the transport given', async () => {
    vi.resetModules();
    const module = await import('../../../renderer/lib/client.js');
    const fake = fakeTransport(() => ({ ok: true, value: null }));
    const api = module.useTransport(fake.transport);
    expect(module.client()).toBe(api);
    expect(api.transport).toBe(fake.transport);
  });
});

describe('the in-process host the renderer specs use', () => {
  it("refuses what the contract refuses, through dispatch, and sends events after the answer, as copies", async () => {
    const { simHost } = await import('./sim-host.js');
    const host = simHost();
    const error = await host.api.getPhone({ phoneId: 42 as unknown as string }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_request' });
    await expect(host.api.getPhone({ phoneId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    const order: string[] = [];
    host.api.on('phone', () => order.push('event'));
    const answer = host.api.setPhoneState({ phoneId: 'sms-phone', patch: { wifi: false } }).then((view) => {
      order.push('answer');
      return view;
    });
    const view = await answer;
    await host.settle();
    expect(order).toEqual(['answer', 'event']);
    view.status.wifi = true;
    expect(host.sim.getPhone({ phoneId: 'sms-phone' }).status.wifi).toBe(false);
  });
});
