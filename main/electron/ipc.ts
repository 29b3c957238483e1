// The one IPC registration helper: every contract operation on its channel, each window held to its allowance, and host events to windows.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch, failure, type Envelope } from '../api/dispatch.js';
import type { HostEvent } from '../api/events.js';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames } from '../api/names.js';
import type { Service } from '../api/operations.js';
import type { PendingView } from '../api/views.js';
import { grantFor, pendingNamesOnly, receivesEvent, type WindowRole } from './window-allowance.js';

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  service: Service;
  /**
   * The role of the window a message came from, or null when it is not the main frame of one of our
   * windows (security.ts decides that). Told by the sender's web contents, never by its page.
   */
  senderRole: (event: IpcMainInvokeEvent) => WindowRole | null;
  /** Where a bug in the simulation is reported; the renderer only sees an "internal" envelope. */
  onInternalError?: (error: unknown) => void;
}

/**
 * Registers a handler for every operation of the contract. A handler never throws: whatever arrives
 * (an unknown sender, an operation outside the window's allowance, a malformed payload, a simulation
 * bug), the renderer gets an envelope. Returns a function that removes the handlers again.
 */
export function registerIpc({ ipcMain, service, senderRole, onInternalError }: IpcOptions): () => void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, payload: unknown): Envelope => {
      try {
        const role = senderRole(event);
        if (role === null) return failure('untrusted_sender', `Refused ${name}: the message did not come from one of the app's own windows`);
        // Checked before the payload, so a window learns nothing about an operation it may not call.
        const grant = grantFor(name, role);
        if (grant === null) return failure('untrusted_sender', `Refused ${name}: the ${role} window may not call it`);
        const envelope = dispatch(service, name, payload, onInternalError);
        if (grant === 'names' && envelope.ok) return { ok: true, value: pendingNamesOnly(envelope.value as PendingView[]) };
        return envelope;
      } catch (error) {
        // dispatch never throws; this guards the sender check and keeps the main process alive regardless.
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
 * Sends each host event to the live windows whose role receives it (window-allowance.ts), as the
 * event alone (the renderer's preload hands it on without the IPC envelope). Returns the unsubscribe function.
 */
export function forwardEvents(source: EventSource, windows: () => Iterable<readonly [WindowRole, BrowserWindow]>): () => void {
  return source.on((event) => {
    for (const [role, win] of windows()) {
      if (!receivesEvent(event.type, role)) continue;
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
      win.webContents.send(IPC_EVENT_CHANNEL, event);
    }
  });
}
