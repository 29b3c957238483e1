// The browser host: the built renderer and the simulation's API over HTTP and Server-Sent Events, on 127.0.0.1 only;
// and the control API for automation (/control/*), which Electron's --control-port serves alone.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { dispatch } from '../api/dispatch.js';
import { HTTP_EVENTS_PATH, HTTP_OP_PREFIX } from '../api/bridge.js';
import type { Simulation } from '../sim/simulation.js';
import { CONTROL_PREFIX, generateControlToken, registerControlRoutes, sameToken } from './control.js';
import { EventStreams } from './event-stream.js';
import { BODY_LIMIT, describeFrameworkError, SCENARIO_BODY_LIMIT, sendEnvelope, sendError } from './reply.js';
import { isAllowedHost, isAllowedOrigin, isJsonContentType, securityHeaders } from './security.js';
import { hasSession, isPublicFile, NEEDS_TOKEN_PAGE, pagePath, sessionCookie, sessionCookieName, TOKEN_PARAM, tokenInUrl, UNAUTHORIZED_MESSAGE } from './session.js';

export { BODY_LIMIT, SCENARIO_BODY_LIMIT };

export interface WebServerOptions {
  sim: Simulation;
  /**
   * The built renderer (dist/renderer), served with the windows' API (/api/*). Without it the
   * server is the control API alone: Electron's --control-port, whose windows talk over IPC.
   */
  rendererDir?: string;
  /** 0 picks any free port. */
  port: number;
  /** Loopback only. */
  host?: '127.0.0.1';
  heartbeatMs?: number;
  /** The control API (/control/*): on unless false. */
  control?: false;
  /** The start-up secret of the pages' session and the control API; a fresh random one by default. */
  token?: string;
  /** Told about bugs the envelope hides from the page ("internal" errors). */
  onInternalError?: (error: unknown) => void;
}

export interface WebServer {
  /** The address to open: the stage, with the session token (`http://127.0.0.1:<port>/?token=…`). */
  readonly url: string;
  /** `http://127.0.0.1:<port>/`, for building other addresses (they need the session or the token). */
  readonly origin: string;
  /** The start-up secret: the pages' session (in `url`) and the control API's bearer token. */
  readonly token: string;
  readonly port: number;
  readonly app: FastifyInstance;
  /** The bearer token every /control/* request must carry; null when the control API is off. */
  readonly controlToken: string | null;
  /** http://127.0.0.1:<port>/control, or null when the control API is off. */
  readonly controlUrl: string | null;
  /** Open event streams (pages and journal streams connected). */
  readonly openStreams: number;
  close(): Promise<void>;
}

const isControlPath = (url: string) => url === CONTROL_PREFIX || url.startsWith(`${CONTROL_PREFIX}/`) || url.startsWith(`${CONTROL_PREFIX}?`);

export async function createWebServer(options: WebServerOptions): Promise<WebServer> {
  const { sim, rendererDir, host = '127.0.0.1' } = options;
  if (host !== '127.0.0.1') throw new Error('The simulator listens on 127.0.0.1 only');
  const app = fastify({ logger: false, bodyLimit: BODY_LIMIT, onProtoPoisoning: 'error', onConstructorPoisoning: 'error' });
  const streams = new EventStreams(sim, { heartbeatMs: options.heartbeatMs });
  const token = options.token ?? generateControlToken();
  const controlToken = options.control === false ? null : token;
  let port = options.port;

  app.addHook('onRequest', async (request, reply) => {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own name in Host.
    if (!isAllowedHost(request.headers.host, port)) return sendError(reply, 403, 'untrusted_sender', 'Unexpected Host header');
    // The router decodes the address (/%61pi/op/x is /api/op/x) and the static files resolve it
    // (//, /assets/../index.html are the page), so requests are judged by the route they reach and
    // the decoded path, never by the raw address.
    const route = request.routeOptions.url;
    // The control routes check Origin, the token and their body types themselves (control.ts), as
    // does their not-found handler.
    if (isControlPath(route ?? request.url)) return;
    if (!isAllowedOrigin(request.headers.origin, port)) return sendError(reply, 403, 'untrusted_sender', 'Requests from other sites are refused');
    if (rendererDir !== undefined) {
      // Without a renderer (Electron's --control-port) there are no pages and no windows' API: 404 below.
      const page = pagePath(request.url);
      const api = route?.startsWith('/api/') === true || page === null || page === '/api' || page.startsWith('/api/');
      const reading = request.method === 'GET' || request.method === 'HEAD';
      if (api || !isPublicFile(page)) {
        const cookie = sessionCookieName(port);
        // The printed address: trade its token for the session cookie, and drop it from the address bar.
        const presented = tokenInUrl(request.url);
        if (!api && reading && (page === '/' || page === '/index.html') && presented !== null && sameToken(presented, token)) {
          return reply.code(303).header('set-cookie', sessionCookie(cookie, token)).header('location', '/').header('cache-control', 'no-store').send();
        }
        if (!hasSession(request.headers, token, cookie)) {
          if (api || !reading) return sendError(reply, 401, 'unauthorized', UNAUTHORIZED_MESSAGE);
          return reply.code(401).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NEEDS_TOKEN_PAGE);
        }
      }
    }
    if (request.method === 'POST' && !isJsonContentType(request.headers['content-type'])) {
      return sendError(reply, 415, 'invalid_request', 'Send the request body as application/json');
    }
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value);
    return payload;
  });
  app.addHook('preClose', async () => streams.closeAll());

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, code, message } = describeFrameworkError(error, request);
    if (status === 500) options.onInternalError?.(error);
    return sendError(reply, status, code, message);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 100)}`);
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  if (controlToken !== null) await registerControlRoutes(app, { sim, token: controlToken, streams, onInternalError: options.onInternalError });

  if (rendererDir !== undefined) {
    const operation = (name: string, body: unknown) => dispatch(sim, name, body, options.onInternalError);
    // A scenario file's text is the one large request; every other operation keeps the small limit.
    app.post(`${HTTP_OP_PREFIX}loadScenario`, { bodyLimit: SCENARIO_BODY_LIMIT }, async (request, reply) => sendEnvelope(reply, operation('loadScenario', request.body)));
    app.post<{ Params: { name: string }; Body: unknown }>(`${HTTP_OP_PREFIX}:name`, async (request, reply) => sendEnvelope(reply, operation(request.params.name, request.body)));

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
  }

  await app.listen({ port: options.port, host });
  port = (app.server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}/`;
  return {
    url: `${origin}?${TOKEN_PARAM}=${token}`,
    origin,
    token,
    port,
    app,
    controlToken,
    controlUrl: controlToken === null ? null : `http://${host}:${port}${CONTROL_PREFIX}`,
    get openStreams() {
      return streams.size;
    },
    close: () => app.close(),
  };
}
