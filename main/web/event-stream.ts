// Server-Sent Events: every HostEvent of the simulation to every open page, with a heartbeat.
import type { ServerResponse } from 'node:http';
import type { HostEvent } from '../api/events.js';
import { securityHeaders } from './security.js';

export interface HostEventSource {
  on(listener: (event: HostEvent) => void): () => void;
}

/** What one stream sends: a first batch of messages, and each event as a message (null: not for this stream). */
export interface StreamFormat {
  preamble?: readonly string[];
  format?: (event: HostEvent) => string | null;
}

/** A Server-Sent Events message: optional id, then the data line. */
export function sseMessage(data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`;
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

  /**
   * Takes over a response: headers now, then one `data:` message per event until the page leaves
   * (every host event unless `stream` picks and shapes them).
   */
  attach(res: ServerResponse, stream: StreamFormat = {}): void {
    const format = stream.format ?? ((event: HostEvent) => sseMessage(event));
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
    for (const message of stream.preamble ?? []) res.write(message);

    const send = (chunk: string) => {
      if (res.writableLength > maxBufferedBytes) {
        close();
        return;
      }
      res.write(chunk);
    };
    const unsubscribe = this.source.on((event) => {
      const message = format(event);
      if (message !== null) send(message);
    });
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
