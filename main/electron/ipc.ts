// The one IPC registration helper: every contract operation on its channel, each window held to its allowance, and host events to windows.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch, failure, type Envelope } from '../api/dispatch.js';
import type { HostEvent } from '../api/events.js';
import path from 'node:path';
import { IPC_EVENT_CHANNEL, IPC_SAVE_WORLD_CHANNEL, ipcChannel, operationNames } from '../api/names.js';
import type { Service } from '../api/operations.js';
import type { PendingView, SavedWorldView } from '../api/views.js';
import { grantFor, pendingNamesOnly, receivesEvent, saveWorldRoles, type WindowRole } from './window-allowance.js';

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

export interface SaveWorldOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  service: Pick<Service, 'exportWorld'>;
  senderRole: IpcOptions['senderRole'];
  /** Where to save, asked of the user (a save dialog offering `suggested`); null when cancelled. */
  chooseFile: (suggested: string) => Promise<string | null>;
  /** Writes the file (atomically: main/host/saved-world.ts). */
  write: (file: string, text: string) => void;
  onError?: (error: unknown) => void;
}

/**
 * The Director's "Export as scenario": the one channel that writes a file. The page sends nothing on
 * it; the main process exports the world at the click (not after the dialog, while time moves on),
 * lets the user pick the file, writes it, and answers only the file's name.
 */
export function registerSaveWorld({ ipcMain, service, senderRole, chooseFile, write, onError }: SaveWorldOptions): () => void {
  ipcMain.handle(IPC_SAVE_WORLD_CHANNEL, async (event: IpcMainInvokeEvent): Promise<Envelope<SavedWorldView>> => {
    try {
      const role = senderRole(event);
      if (role === null || !saveWorldRoles.includes(role)) return failure('untrusted_sender', `Refused to save the world: ${role === null ? "the message did not come from one of the app's own windows" : `the ${role} window may not`}`);
      const { fileName, text } = service.exportWorld({});
      const file = await chooseFile(fileName);
      if (file === null) return { ok: true, value: { saved: false, fileName: null } };
      write(file, text);
      return { ok: true, value: { saved: true, fileName: path.basename(file) } };
    } catch (error) {
      onError?.(error);
      return failure('internal', `The world could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return () => ipcMain.removeHandler(IPC_SAVE_WORLD_CHANNEL);
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
