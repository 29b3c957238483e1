// Server-Sent Events: every HostEvent of the simulation to every open page, with a heartbeat, within bounds.
//
// A stream is a long-lived response the host keeps writing to. A client that stops reading would make
// Node queue every later message for it without end, so each stream has a bound on what waits unsent
// (past it the socket is destroyed, which frees the queue at once: ending it would wait for a reader
// that never comes), and the host serves a bounded number of streams.
import type { ServerResponse } from 'node:http';
import type { HostEvent } from '../../api/events.js';
import { SECURITY_HEADERS } from '../security-headers.js';

export interface HostEventSource {
  on(listener: (event: HostEvent) => void): () => void;
}

/** What one stream sends: a first batch of messages, and each event as a message (null: not for this stream). */
export interface StreamFormat {
  preamble?: readonly string[];
  format?: (event: HostEvent) => string | Buffer | null;
  /** Streams of a group can be closed together (the pages' streams when their session is renewed). */
  group?: string;
}

/** A Server-Sent Events message: optional id, then the data line. */
export function sseMessage(data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`;
}

/**
 * What may wait unsent per stream. A page that reads keeps this near zero; the largest message (a
 * world view after a scenario loads) is a few KB, so a healthy page that is busy for a moment never
 * comes near it, and one that stopped reading costs at most this much before it is cut (its
 * EventSource reconnects and the page reads the state again).
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;
/** Open streams at most (pages and journal streams together): far more than a trainer's windows. */
export const MAX_STREAMS = 128;
/**
 * What may wait unsent in all streams together. Without it, 100 stalled clients could hold 100 ×
 * the per-stream bound; past it, the stream holding the most is cut first.
 */
export const MAX_BUFFERED_TOTAL = 2 * 1024 * 1024;

export interface EventStreamOptions {
  /** A comment line this often keeps proxies and the browser from dropping an idle stream. */
  heartbeatMs?: number;
  /** A client that stops reading is cut once this much waits unsent. */
  maxBufferedBytes?: number;
  /** Beyond this many open streams, new ones are refused (the caller answers 503). */
  maxStreams?: number;
  /** All streams' unsent data together; past it the stream holding the most is cut. */
  maxBufferedTotal?: number;
}

interface OpenStream {
  close: () => void;
  /** Cut: the client stopped reading. */
  cut: () => void;
  group: string | undefined;
  /** Unsent bytes now. */
  unsent: () => number;
  /** Unsent bytes when last counted into the total. */
  counted: number;
}

/** The open streams of one server, so closing the server can end them. */
export class EventStreams {
  readonly #open = new Set<OpenStream>();
  /** Streams cut because their client stopped reading (for tests and figures). */
  cutOff = 0;
  /**
   * The unsent bytes of all streams as last counted: each stream updates its share on every event,
   * so it is a cheap trigger; the exact sum is taken only when it passes the budget.
   */
  #counted = 0;

  constructor(
    private readonly source: HostEventSource,
    private readonly options: EventStreamOptions = {},
  ) {}

  /** The last event's message: every page's stream sends the same bytes, serialised and encoded once. */
  #last: { event: HostEvent; message: Buffer } | null = null;
  #message(event: HostEvent): Buffer {
    if (this.#last?.event !== event) this.#last = { event, message: Buffer.from(sseMessage(event)) };
    return this.#last.message;
  }

  get size(): number {
    return this.#open.size;
  }

  /** Whether a new stream would pass the cap (check before taking over the response). */
  get full(): boolean {
    return this.#open.size >= (this.options.maxStreams ?? MAX_STREAMS);
  }

  get maxStreams(): number {
    return this.options.maxStreams ?? MAX_STREAMS;
  }

  /**
   * Takes over a response: headers now, then one `data:` message per event until the page leaves
   * (every host event unless `stream` picks and shapes them). The caller checks `full` first.
   */
  attach(res: ServerResponse, stream: StreamFormat = {}): void {
    const format = stream.format ?? ((event: HostEvent) => this.#message(event));
    const { heartbeatMs = 15_000, maxBufferedBytes = MAX_BUFFERED_BYTES } = this.options;
    // The server's idle-socket timeout is for requests; a stream is idle between events by design,
    // and the buffer bound (below) is what guards it.
    res.socket?.setTimeout(0);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // The retry hint and a first comment flush the headers, so the page knows it is connected.
    res.write('retry: 1000\n: connected\n\n');
    let preambleBytes = 0;
    for (const message of stream.preamble ?? []) {
      res.write(message);
      preambleBytes += Buffer.byteLength(message);
    }

    // A long journal replay may pass the bound by itself: it is allowed on top, until it has drained.
    let allowance = maxBufferedBytes + preambleBytes;
    let closed = false;
    const send = (chunk: string | Buffer) => {
      if (closed) return;
      if (res.writableLength <= maxBufferedBytes) allowance = maxBufferedBytes;
      // What already waits is judged, not the new message: one large message to a reading page goes.
      if (res.writableLength > allowance) {
        entry.cut();
        return;
      }
      res.write(chunk);
      this.#recount(entry);
    };
    const unsubscribe = this.source.on((event) => {
      const message = format(event);
      if (message !== null) send(message);
      else this.#recount(entry);
    });
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();

    const close = (destroy = false) => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      this.#open.delete(entry);
      this.#counted -= entry.counted;
      entry.counted = 0;
      // A client that does not read would hold an ended stream's queue forever: destroy frees it.
      if (destroy) res.destroy();
      else if (!res.writableEnded) res.end();
    };
    const entry: OpenStream = {
      close: () => close(),
      cut: () => {
        this.cutOff += 1;
        close(true);
      },
      group: stream.group,
      unsent: () => res.writableLength,
      counted: 0,
    };
    this.#open.add(entry);
    res.on('close', () => close());
    res.on('error', () => close(true));
  }

  /** Counts a stream's unsent bytes into the total; past the budget, cuts the streams holding the most. */
  #recount(entry: OpenStream): void {
    const now = entry.unsent();
    this.#counted += now - entry.counted;
    entry.counted = now;
    const budget = this.options.maxBufferedTotal ?? MAX_BUFFERED_TOTAL;
    if (this.#counted <= budget) return;
    // The exact sum (streams that drained since their last count hold less than counted).
    this.#counted = 0;
    for (const open of this.#open) this.#counted += open.counted = open.unsent();
    while (this.#counted > budget) {
      let largest: OpenStream | undefined;
      for (const open of this.#open) if (largest === undefined || open.counted > largest.counted) largest = open;
      if (largest === undefined || largest.counted === 0) return;
      largest.cut();
    }
  }

  /** Ends every stream of `group`. */
  closeGroup(group: string): void {
    for (const stream of [...this.#open]) if (stream.group === group) stream.close();
  }

  closeAll(): void {
    for (const stream of [...this.#open]) stream.close();
  }
}
