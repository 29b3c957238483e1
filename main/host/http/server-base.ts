// What every HTTP host of the simulator is before its routes: Fastify on 127.0.0.1 with its limits, the Host check, the security headers and envelopes for every refusal.
//
// Both hosts build on it: the browser host adds the pages and the windows' API (main/web/server.ts),
// and Electron's --control-port serves the control API alone on it (main/host/control/server.ts).
import type { AddressInfo } from 'node:net';
import fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { EventStreams, type HostEventSource } from './event-stream.js';
import { BODY_LIMIT, describeFrameworkError, sendClientError, sendError, sendFrameworkError } from './reply.js';
import { isAllowedHost, isAllowedTarget, originForm } from './request-target.js';
import { SECURITY_HEADERS } from '../security-headers.js';

/**
 * How long a connection may take (milliseconds). A request's headers and body arrive from this
 * machine in well under a second; these limits only stop a client that holds a connection open by
 * sending slowly or not at all. Event streams are exempt from the idle limit once they are open.
 */
export interface HttpTimeouts {
  /** The request line and headers complete (Node's headersTimeout). */
  headersMs: number;
  /** The whole request, body included (Node's requestTimeout). */
  requestMs: number;
  /** A connection with nothing sent either way, e.g. one that never sends a request (the socket's timeout). */
  idleMs: number;
  /** A kept-alive connection between requests. */
  keepAliveMs: number;
  /** How often Node looks for requests past their time. */
  checkIntervalMs: number;
}

/**
 * A kept-alive connection is held longer than clients keep idle ones (a client reusing one the server
 * has just closed sees its request fail), as Fastify does by default.
 */
export const DEFAULT_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 120_000, keepAliveMs: 72_000, checkIntervalMs: 1_000 };

export interface HttpBaseOptions {
  /** The simulation whose events the streams carry. */
  events: HostEventSource;
  /** 0 picks any free port. */
  port: number;
  /** Loopback only. */
  host?: '127.0.0.1';
  heartbeatMs?: number;
  /** Limits of the event streams (defaults in event-stream.ts). */
  maxBufferedBytes?: number;
  maxBufferedTotal?: number;
  maxStreams?: number;
  timeouts?: Partial<HttpTimeouts>;
  /** Told about bugs the envelope hides from the client ("internal" errors). */
  onInternalError?: (error: unknown) => void;
}

export interface HttpBase {
  app: FastifyInstance;
  streams: EventStreams;
  host: '127.0.0.1';
  /** The port asked for until listening, then the one listened on (0 picks one). */
  port(): number;
  /** Listens; resolves to the port. */
  listen(): Promise<number>;
}

function fastifyFor(timeouts: HttpTimeouts): FastifyInstance {
  return fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
    // An absolute-form target (`GET http://127.0.0.1:4173/api/events`) is routed by its path; the
    // static files and every handler then see the path alone. Its authority is checked below.
    rewriteUrl: (raw) => originForm(raw.url ?? '/'),
    clientErrorHandler: sendClientError,
    frameworkErrors: sendFrameworkError,
  });
}

/** A Fastify server on 127.0.0.1 with the hooks every route shares; the caller adds its routes, then listens. */
export function createHttpBase(options: HttpBaseOptions): HttpBase {
  const { host = '127.0.0.1' } = options;
  if (host !== '127.0.0.1') throw new Error('The simulator listens on 127.0.0.1 only');
  const app = fastifyFor({ ...DEFAULT_TIMEOUTS, ...options.timeouts });
  const streams = new EventStreams(options.events, {
    heartbeatMs: options.heartbeatMs,
    maxBufferedBytes: options.maxBufferedBytes,
    maxBufferedTotal: options.maxBufferedTotal,
    maxStreams: options.maxStreams,
  });
  let port = options.port;

  app.addHook('onRequest', async (request, reply) => {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own name in Host (or in
    // an absolute-form target, which HTTP says wins over Host).
    if (!isAllowedHost(request.headers.host, port) || !isAllowedTarget(request.originalUrl, port)) return sendError(reply, 403, 'untrusted_sender', 'Unexpected Host header');
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });
  app.addHook('preClose', async () => streams.closeAll());
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, code, message } = describeFrameworkError(error, request);
    if (status === 500) options.onInternalError?.(error);
    return sendError(reply, status, code, message);
  });

  return {
    app,
    streams,
    host,
    port: () => port,
    listen: async () => {
      await app.listen({ port: options.port, host });
      port = (app.server.address() as AddressInfo).port;
      return port;
    },
  };
}
