// The shapes the transports share: the preload bridge, and the HTTP routes of the browser host.
import type { ApiErrorCode, Envelope } from './dispatch.js';
import type { HostEvent } from './events.js';
import type { OperationName } from './names.js';
import type { RequestOf, ResponseOf } from './operations.js';
import type { SavedWorldView } from './views.js';

/**
 * What the Electron preload exposes as `window.sls`: one named function per operation (never a
 * generic invoke), and a subscription that returns its own unsubscribe function.
 */
export type Bridge = {
  readonly [N in OperationName]: (request: RequestOf<N>) => Promise<Envelope<ResponseOf<N>>>;
} & {
  readonly onEvent: (listener: (event: HostEvent) => void) => () => void;
  /** The Director's "Export as scenario": a save dialog of the main process, which writes the file (IPC_SAVE_WORLD_CHANNEL). */
  readonly saveWorld: () => Promise<Envelope<SavedWorldView>>;
  /** View → Presenter Mode switched in the main process (IPC_PRESENTER_CHANNEL); returns its own unsubscribe function. */
  readonly onPresenter: (listener: (on: boolean) => void) => () => void;
  readonly host: 'electron';
};

/** What the browser host's "New session" (HTTP_NEW_SESSION_PATH in vocabulary.ts) answers. */
export interface NewSessionView {
  /** The address to open from now on, with the new session token. */
  url: string;
}

/** HTTP status for an error envelope (the body always carries the envelope). */
export function httpStatus(code: ApiErrorCode): number {
  switch (code) {
    case 'invalid_request':
      return 400;
    case 'unauthorized':
      return 401;
    case 'untrusted_sender':
      return 403;
    case 'unknown_operation':
    case 'not_found':
      return 404;
    case 'wrong_state':
      return 409;
    case 'internal':
      return 500;
    // The host is at a limit (the browser host's cap on open event streams).
    case 'unavailable':
      return 503;
  }
}
