// The preload of every window: `window.sls`, one named function per operation and an event subscription.
// Bundled to CommonJS for the sandbox; imports nothing but electron and the zod-free list of names.
// Checklist 20: no Electron API reaches the page, only these functions.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../main/api/bridge.js';
import type { HostEvent } from '../main/api/events.js';
import { IPC_EVENT_CHANNEL, IPC_PRESENTER_CHANNEL, IPC_SAVE_WORLD_CHANNEL, ipcChannel, operationNames } from '../main/api/names.js';

type Operations = Omit<Bridge, 'onEvent' | 'saveWorld' | 'onPresenter' | 'host'>;

/** The part of ipcRenderer the bridge uses; the bridge never hands ipcRenderer itself to the page. */
type BridgeIpc = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

function createBridge(ipc: BridgeIpc): Bridge {
  const operations: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const name of operationNames) {
    // One fixed channel per name: the page cannot choose a channel.
    const channel = ipcChannel(name);
    operations[name] = (request: unknown) => ipc.invoke(channel, request);
  }
  const onEvent = (listener: (event: HostEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent expects a function');
    // Only the event goes to the page, never the IpcRendererEvent (it carries the sender).
    const forward = (_event: IpcRendererEvent, payload: HostEvent) => listener(payload);
    ipc.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipc.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  };
  // Nothing goes from the page on this channel: the main process picks the file (a dialog) and writes the export.
  const saveWorld = () => ipc.invoke(IPC_SAVE_WORLD_CHANNEL) as ReturnType<Bridge['saveWorld']>;
  // Only a boolean reaches the page: whatever else came on the channel reads as off.
  const onPresenter = (listener: (on: boolean) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onPresenter expects a function');
    const forward = (_event: IpcRendererEvent, on: unknown) => listener(on === true);
    ipc.on(IPC_PRESENTER_CHANNEL, forward);
    return () => {
      ipc.removeListener(IPC_PRESENTER_CHANNEL, forward);
    };
  };
  return Object.freeze({ ...(operations as Operations), onEvent, saveWorld, onPresenter, host: 'electron' as const });
}

contextBridge.exposeInMainWorld('sls', createBridge(ipcRenderer));
