// The one IPC registration helper: every contract operation on its channel, and host events to windows.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch, failure, type Envelope } from '../api/dispatch.js';
import type { HostEvent } from '../api/events.js';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames } from '../api/names.js';
import type { Service } from '../api/operations.js';

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  service: Service;
  /** Whether the message comes from the main frame of one of our windows (security.ts). */
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  /** Where a bug in the simulation is reported; the renderer only sees an "internal" envelope. */
  onInternalError?: (error: unknown) => void;
}

/**
 * Registers a handler for every operation of the contract. A handler never throws: whatever arrives
 * (an unknown sender, a malformed payload, a simulation bug), the renderer gets an envelope.
 * Returns a function that removes the handlers again.
 */
export function registerIpc({ ipcMain, service, isTrusted, onInternalError }: IpcOptions): () => void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, payload: unknown): Envelope => {
      try {
        if (!isTrusted(event)) return failure('untrusted_sender', `Refused ${name}: the message did not come from one of the app's own windows`);
        return dispatch(service, name, payload, onInternalError);
      } catch (error) {
        // dispatch never throws; this guards the trust check and keeps the main process alive regardless.
        onInternalError?.(error);
        return failure('internal', `Internal error in ${name}`);
      }
    });
  }
  return () => {
    for (const name of operationNames) ipcMain.removeHandler(ipcChannel(name));
  };
}

export interface EventSource {
  on(listener: (event: HostEvent) => void): () => void;
}

/**
 * Sends every host event to every live window, as the event alone (the renderer's preload hands it
 * on without the IPC envelope). Returns the unsubscribe function.
 */
export function forwardEvents(source: EventSource, windows: () => Iterable<BrowserWindow>): () => void {
  return source.on((event) => {
    for (const win of windows()) {
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
      win.webContents.send(IPC_EVENT_CHANNEL, event);
    }
  });
}
