// Server-Sent Events: every HostEvent of the simulation to every open page, with a heartbeat.
import type { ServerResponse } from 'node:http';
import type { HostEvent } from '../api/events.js';
import { securityHeaders } from './security.js';

export interface HostEventSource {
  on(listener: (event: HostEvent) => void): () => void;
}

export interface EventStreamOptions {
  /** A comment line this often keeps proxies and the browser from dropping an idle stream. */
  heartbeatMs?: number;
  /** A page that stops reading is dropped once this much waits unsent (its EventSource reconnects). */
  maxBufferedBytes?: number;
}

/** The open streams of one server, so closing the server can end them. */
export class EventStreams {
  readonly #open = new Set<() => void>();

  constructor(
    private readonly source: HostEventSource,
    private readonly options: EventStreamOptions = {},
  ) {}

  get size(): number {
    return this.#open.size;
  }

  /** Takes over a response: headers now, then one `data:` message per event until the page leaves. */
  attach(res: ServerResponse): void {
    const { heartbeatMs = 15_000, maxBufferedBytes = 4 * 1024 * 1024 } = this.options;
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // The retry hint and a first comment flush the headers, so the page knows it is connected.
    res.write('retry: 1000\n: connected\n\n');

    const send = (chunk: string) => {
      if (res.writableLength > maxBufferedBytes) {
        close();
        return;
      }
      res.write(chunk);
    };
    const unsubscribe = this.source.on((event) => send(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();

    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      this.#open.delete(close);
      if (!res.writableEnded) res.end();
    };
    this.#open.add(close);
    res.on('close', close);
    res.on('error', close);
  }

  closeAll(): void {
    for (const close of [...this.#open]) close();
  }
}
