// The browser host: the built renderer and the simulation's API over HTTP and Server-Sent Events, on 127.0.0.1 only.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { dispatch, failure, type ApiErrorCode, type Envelope } from '../api/dispatch.js';
import { HTTP_EVENTS_PATH, HTTP_OP_PREFIX, httpStatus } from '../api/bridge.js';
import type { Simulation } from '../sim/simulation.js';
import { EventStreams } from './event-stream.js';
import { isAllowedHost, isAllowedOrigin, isJsonContentType, securityHeaders } from './security.js';

export interface WebServerOptions {
  sim: Simulation;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Loopback only: the API drives the simulation and has no authentication. */
  host?: '127.0.0.1';
  heartbeatMs?: number;
  /** Told about bugs the envelope hides from the page ("internal" errors). */
  onInternalError?: (error: unknown) => void;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly app: FastifyInstance;
  /** Open event streams (pages connected). */
  readonly openStreams: number;
  close(): Promise<void>;
}

/** Requests are small JSON objects; a scenario file sent to loadScenario is the largest. */
export const BODY_LIMIT = 64 * 1024;

function sendEnvelope(reply: FastifyReply, envelope: Envelope, status?: number): FastifyReply {
  return reply
    .code(status ?? (envelope.ok ? 200 : httpStatus(envelope.error.code)))
    .header('Cache-Control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(envelope);
}

function sendError(reply: FastifyReply, status: number, code: ApiErrorCode, message: string): FastifyReply {
  return sendEnvelope(reply, failure(code, message), status);
}

/** Fastify's own refusals (parsing, limits) as envelopes with a message a person can act on. */
function describeFrameworkError(error: FastifyError): { status: number; code: ApiErrorCode; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid_request', message: 'The request body is not valid JSON' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid_request', message: 'The request body is empty; send a JSON object, e.g. {}' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'invalid_request', message: `The request body is larger than ${BODY_LIMIT / 1024} KB` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'invalid_request', message: 'Send the request body as application/json' };
    default:
      break;
  }
  if (error instanceof SyntaxError) return { status: 400, code: 'invalid_request', message: 'The request body is not valid JSON' };
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  return status === 500 ? { status, code: 'internal', message: 'Internal error' } : { status, code: 'invalid_request', message: error.message };
}

export async function createWebServer(options: WebServerOptions): Promise<WebServer> {
  const { sim, rendererDir, host = '127.0.0.1' } = options;
  const app = fastify({ logger: false, bodyLimit: BODY_LIMIT, onProtoPoisoning: 'error', onConstructorPoisoning: 'error' });
  const streams = new EventStreams(sim, { heartbeatMs: options.heartbeatMs });
  let port = options.port;

  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedHost(request.headers.host, port)) return sendError(reply, 403, 'untrusted_sender', 'Unexpected Host header');
    if (!isAllowedOrigin(request.headers.origin, port)) return sendError(reply, 403, 'untrusted_sender', 'Requests from other sites are refused');
    if (request.method === 'POST' && !isJsonContentType(request.headers['content-type'])) {
      return sendError(reply, 415, 'invalid_request', 'Send the request body as application/json');
    }
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value);
    return payload;
  });
  app.addHook('preClose', async () => streams.closeAll());

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const { status, code, message } = describeFrameworkError(error);
    if (status === 500) options.onInternalError?.(error);
    return sendError(reply, status, code, message);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 100)}`);
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  app.post<{ Params: { name: string }; Body: unknown }>(`${HTTP_OP_PREFIX}:name`, async (request, reply) => {
    const envelope = dispatch(sim, request.params.name, request.body, options.onInternalError);
    return sendEnvelope(reply, envelope);
  });

  app.get(HTTP_EVENTS_PATH, (_request, reply) => {
    reply.hijack();
    streams.attach(reply.raw);
  });

  // The renderer's files; revalidated on each load so a rebuilt renderer shows at once.
  await app.register(fastifyStatic, {
    root: path.resolve(rendererDir),
    index: 'index.html',
    cacheControl: false,
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });

  await app.listen({ port: options.port, host });
  port = (app.server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    app,
    get openStreams() {
      return streams.size;
    },
    close: () => app.close(),
  };
}
