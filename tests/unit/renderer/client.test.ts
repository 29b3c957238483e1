// The renderer's client over a stand-in transport: envelopes unwrapped, refusals thrown, events filtered by type.
import { describe, expect, it, vi } from 'vitest';
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
