// The preload bridge: exactly the named operations, an event subscription, no way to reach ipcRenderer.
import { build } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../../main/api/bridge.js';
import type { HostEvent } from '../../../main/api/events.js';
import { IPC_EVENT_CHANNEL, IPC_PRESENTER_CHANNEL, IPC_SAVE_WORLD_CHANNEL, ipcChannel, operationNames } from '../../../main/api/names.js';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

let bridge: Bridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../preload/preload.js');
  bridge = contextBridge.exposed.get('sls') as Bridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
});

describe('window.sls', () => {
  it('is exposed once, under "sls" only', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['sls']);
  });

  it('has exactly one function per operation, onEvent, saveWorld, onPresenter and host — nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([...operationNames, 'onEvent', 'saveWorld', 'onPresenter', 'host'].sort());
    expect(bridge.host).toBe('electron');
    for (const name of operationNames) expect(typeof bridge[name]).toBe('function');
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'removeListener', 'require', 'process']) {
      expect(bridge).not.toHaveProperty(forbidden);
    }
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
  });

  it('calls each operation on its own fixed channel, with the request as the only argument', async () => {
    await bridge.getPhone({ phoneId: 'sms-phone' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel('getPhone'), { phoneId: 'sms-phone' });
    for (const name of operationNames) {
      ipcRenderer.invoke.mockClear();
      await (bridge[name] as (r: unknown) => Promise<unknown>)({});
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel(name), {});
    }
  });

  it('asks for the save dialog on its own channel, sending nothing the page could choose', async () => {
    await (bridge.saveWorld as (...args: unknown[]) => Promise<unknown>)('/etc/passwd', 'text');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_SAVE_WORLD_CHANNEL);
  });

  it('hands listeners the event payload only, never the IpcRendererEvent, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent(listener);
    const event: HostEvent = { type: 'clock', clock: { now: 5, running: true, elapsed: 5 } };
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, event);
    expect(listener).toHaveBeenCalledExactlyOnceWith(event);
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    ipcRenderer.deliver(IPC_EVENT_CHANNEL, event);
    expect(listener).toHaveBeenCalledOnce();
    expect(ipcRenderer.listeners.get(IPC_EVENT_CHANNEL)?.size ?? 0).toBe(0);
  });

  it('listens on the event channel only', () => {
    const stop = bridge.onEvent(() => {});
    expect(ipcRenderer.on).toHaveBeenLastCalledWith(IPC_EVENT_CHANNEL, expect.any(Function));
    stop();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.onEvent('alert(1)' as unknown as () => void)).toThrow(TypeError);
    expect(() => bridge.onPresenter('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });

  it('tells presenter mode as a boolean only, on its own channel, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onPresenter(listener);
    expect(ipcRenderer.on).toHaveBeenLastCalledWith(IPC_PRESENTER_CHANNEL, expect.any(Function));
    ipcRenderer.deliver(IPC_PRESENTER_CHANNEL, true);
    ipcRenderer.deliver(IPC_PRESENTER_CHANNEL, { on: true });
    expect(listener.mock.calls).toEqual([[true], [false]]);
    unsubscribe();
    ipcRenderer.deliver(IPC_PRESENTER_CHANNEL, true);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(ipcRenderer.listeners.get(IPC_PRESENTER_CHANNEL)?.size ?? 0).toBe(0);
  });
});

describe('the preload bundle', () => {
  it('is CommonJS that requires nothing but electron, and carries no schema code', async () => {
    const result = await build({
      entryPoints: ['preload/preload.ts'],
      bundle: true,
      format: 'cjs',
      platform: 'browser',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).sort();
    expect(inputs).toEqual(['main/api/names.ts', 'preload/preload.ts']);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).not.toMatch(/zod/);
  });
});
