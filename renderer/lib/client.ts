// The renderer's one way to the simulation: typed operations and events over IPC (Electron) or HTTP + SSE.
import type { Api, OperationName } from '../../main/api/operations';
import type { ApiErrorBody, ApiErrorCode, Envelope } from '../../main/api/dispatch';
import type { HostEvent, HostEventType } from '../../main/api/events';
import type { NewSessionView } from '../../main/api/bridge';
import type { SavedWorldView } from '../../main/api/views';
import { HTTP_EVENTS_PATH, HTTP_NEW_SESSION_PATH, HTTP_OP_PREFIX } from '../../main/api/vocabulary';

/** How requests and events travel. Replaceable, so tests can run the UI without a host. */
export interface Transport {
  readonly kind: 'electron' | 'http' | 'test';
  call(name: OperationName, request: unknown): Promise<Envelope>;
  /** Calls `listener` for every host event; returns the unsubscribe function. */
  subscribe(listener: (event: HostEvent) => void): () => void;
  /** Resolves once events flow (so nothing between the first read and the subscription is missed). */
  ready(): Promise<void>;
  /** Called when the event stream came back after a break: events may have been missed. */
  onReconnect(listener: () => void): () => void;
  /**
   * The browser host only: a new session secret (the old address and cookies stop working; this
   * page gets the new cookie). Absent where windows have no session (Electron).
   */
  newSession?(): Promise<Envelope<NewSessionView>>;
  /**
   * Electron only: "Export as scenario" through the main process's save dialog (it writes the file).
   * Absent where the page downloads the export itself (the browser host).
   */
  saveWorld?(): Promise<Envelope<SavedWorldView>>;
  /** Electron only: View → Presenter Mode, switched for every window by the main process. Returns the unsubscribe function. */
  onPresenter?(listener: (on: boolean) => void): () => void;
}

/** What a refused operation throws: the envelope's code and message. */
export class ClientError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: { path: string; message: string }[];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ClientError';
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}

const unreachable: ApiErrorBody = { code: 'internal', message: 'The simulator is not responding' };

function bridgeTransport(bridge: NonNullable<Window['sls']>): Transport {
  return {
    kind: 'electron',
    call: async (name, request) => {
      const operation = bridge[name] as (r: unknown) => Promise<Envelope>;
      try {
        return await operation(request);
      } catch {
        return { ok: false, error: unreachable };
      }
    },
    subscribe: (listener) => bridge.onEvent(listener),
    ready: async () => {},
    // IPC does not drop events while the window lives.
    onReconnect: () => () => {},
    saveWorld: async () => {
      try {
        return await bridge.saveWorld();
      } catch {
        return { ok: false, error: unreachable };
      }
    },
    onPresenter: (listener) => bridge.onPresenter(listener),
  };
}

function httpTransport(): Transport {
  const listeners = new Set<(event: HostEvent) => void>();
  const reconnectListeners = new Set<() => void>();
  let opened: Promise<void> | null = null;
  const connect = () => {
    if (opened) return opened;
    opened = new Promise<void>((resolve, reject) => {
      // EventSource reconnects by itself (the server asks for 1 s); every open after the first is a reconnection.
      const source = new EventSource(HTTP_EVENTS_PATH);
      let first = true;
      // Refused for good (no session: the host was restarted with a new token): say so instead of waiting.
      source.addEventListener('error', () => {
        if (source.readyState !== EventSource.CLOSED) return;
        if (first) reject(new ClientError({ code: 'unauthorized', message: 'The event stream was refused' }));
        else for (const listener of reconnectListeners) listener();
      });
      source.addEventListener('open', () => {
        if (first) {
          first = false;
          resolve();
        } else for (const listener of reconnectListeners) listener();
      });
      source.addEventListener('message', (message: MessageEvent<string>) => {
        let event: HostEvent;
        try {
          event = JSON.parse(message.data) as HostEvent;
        } catch {
          return;
        }
        for (const listener of listeners) listener(event);
      });
    });
    return opened;
  };
  return {
    kind: 'http',
    call: async (name, request) => {
      try {
        const response = await fetch(`${HTTP_OP_PREFIX}${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request ?? {}),
        });
        return (await response.json()) as Envelope;
      } catch {
        return { ok: false, error: unreachable };
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      void connect();
      return () => listeners.delete(listener);
    },
    ready: () => connect(),
    onReconnect: (listener) => {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    newSession: async () => {
      try {
        const response = await fetch(HTTP_NEW_SESSION_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        return (await response.json()) as Envelope<NewSessionView>;
      } catch {
        return { ok: false, error: unreachable };
      }
    },
  };
}

/** Electron's preload bridge when present, else the browser host's HTTP API. */
function detectTransport(): Transport {
  return typeof window !== 'undefined' && window.sls ? bridgeTransport(window.sls) : httpTransport();
}

export type EventOf<T extends HostEventType> = Extract<HostEvent, { type: T }>;

export type Client = Api & {
  readonly transport: Transport;
  /** Every host event of one type; returns the unsubscribe function. */
  on<T extends HostEventType>(type: T, listener: (event: EventOf<T>) => void): () => void;
  ready(): Promise<void>;
  /** After a break in the event stream (host restarted, laptop asleep): time to read the state again. */
  onReconnect(listener: () => void): () => void;
  /** Resolves once no operation of this page is waiting for its answer (the autopilot waits for the screen to answer a tap). */
  settled(): Promise<void>;
  /** How many operations this page has called so far (a settle that saw none start meanwhile is quiet). */
  callsMade(): number;
};

export function createClient(transport: Transport): Client {
  const on = <T extends HostEventType>(type: T, listener: (event: EventOf<T>) => void) =>
    transport.subscribe((event) => {
      if (event.type === type) listener(event as EventOf<T>);
    });
  let inFlight = 0;
  let made = 0;
  let waiters: (() => void)[] = [];
  const settled = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)));
  const extras: Record<string, unknown> = {
    transport,
    settled,
    callsMade: () => made,
    on,
    ready: () => transport.ready(),
    onReconnect: (listener: () => void) => transport.onReconnect(listener),
  };
  const operations = new Map<string, (request: unknown) => Promise<unknown>>();
  const operation = (name: string) => async (request: unknown) => {
    inFlight += 1;
    made += 1;
    let envelope: Envelope;
    try {
      envelope = await transport.call(name as OperationName, request ?? {});
    } finally {
      inFlight -= 1;
      if (inFlight === 0) {
        const done = waiters;
        waiters = [];
        // After the caller's own continuation has run (it is queued before these).
        queueMicrotask(() => done.forEach((resolve) => resolve()));
      }
    }
    if (!envelope.ok) throw new ClientError(envelope.error);
    return envelope.value;
  };
  // Operation names come from the contract's types; the host refuses any name it does not know.
  return new Proxy(extras, {
    get: (target, name) => {
      if (typeof name !== 'string') return undefined;
      if (Object.hasOwn(target, name)) return target[name];
      // Not thenable: awaiting the client must not call an operation named "then".
      if (name === 'then' || name === 'toJSON') return undefined;
      let fn = operations.get(name);
      if (!fn) operations.set(name, (fn = operation(name)));
      return fn;
    },
  }) as unknown as Client;
}

let current: Client | null = null;

/** The client of this page; the transport is chosen on first use. */
export function client(): Client {
  current ??= createClient(detectTransport());
  return current;
}

/** For tests: run the UI over another transport. Call before the app starts. */
export function useTransport(transport: Transport): Client {
  current = createClient(transport);
  return current;
}

/** A message for the alert region from anything an operation threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ClientError) return error.message;
  return 'Something went wrong. Try again.';
}
