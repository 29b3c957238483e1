// The browser host: the built renderer and the simulation's API over HTTP and Server-Sent Events, on 127.0.0.1 only;
// and the control API for automation (/control/*), which Electron's --control-port serves alone.
//
// Access is decided by the route the router matched, never by the raw address: each part is a
// Fastify scope with its own onRequest hook, and the router (which decodes %-escapes and accepts
// absolute-form targets) picks the scope. /control/* checks the control token (control.ts); /api/*
// and every page check the pages' session (session.ts). So every spelling the router accepts gets
// the same answer as the plain one, and a spelling it does not accept reaches the pages' scope,
// which needs the session too. The root only checks Host (and an absolute-form target's authority).
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { dispatch } from '../api/dispatch.js';
import type { NewSessionView } from '../api/bridge.js';
import { HTTP_EVENTS_PATH, HTTP_NEW_SESSION_PATH, HTTP_OP_PREFIX } from '../api/vocabulary.js';
import type { Simulation } from '../sim/simulation.js';
import { CONTROL_PREFIX, generateControlToken, pathOf, registerControlRoutes } from './control.js';
import { EventStreams } from './event-stream.js';
import { BODY_LIMIT, describeFrameworkError, SCENARIO_BODY_LIMIT, sendClientError, sendEnvelope, sendError, sendFrameworkError } from './reply.js';
import { isAllowedHost, isAllowedOrigin, isAllowedTarget, isJsonContentType, originForm, securityHeaders } from './security.js';
import { NEEDS_TOKEN_PAGE, PageSession, sessionCookie, sessionCookieName, TOKEN_PARAM, UNAUTHORIZED_MESSAGE } from './session.js';

export { BODY_LIMIT, SCENARIO_BODY_LIMIT };

/** The event streams of the pages, closed when their session is renewed. */
const PAGE_STREAMS = 'pages';
const API_PREFIX = '/api';
/** A path of the windows' API relative to its scope's prefix. */
const inApi = (route: string) => route.slice(API_PREFIX.length);

/**
 * How long a connection may take (milliseconds). A request's headers and body arrive from this
 * machine in well under a second; these limits only stop a client that holds a connection open by
 * sending slowly or not at all. Event streams are exempt from the idle limit once they are open.
 */
export interface WebTimeouts {
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
export const DEFAULT_TIMEOUTS: WebTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 120_000, keepAliveMs: 72_000, checkIntervalMs: 1_000 };

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
  /** The control API's bearer token; a fresh random one by default. */
  token?: string;
  /** Limits of the event streams (defaults in event-stream.ts). */
  maxBufferedBytes?: number;
  maxBufferedTotal?: number;
  maxStreams?: number;
  timeouts?: Partial<WebTimeouts>;
  /** Told about bugs the envelope hides from the page ("internal" errors). */
  onInternalError?: (error: unknown) => void;
  /** Told the new address when a page starts a new session (the terminal shows it). */
  onNewSession?: (url: string) => void;
}

export interface WebServer {
  /** The address to open: the stage, with the current session secret (`http://127.0.0.1:<port>/?token=…`). */
  readonly url: string;
  /** `http://127.0.0.1:<port>/`, for building other addresses (they need the session or the token). */
  readonly origin: string;
  /** The pages' current session secret (in `url` and in the cookie); changes with each new session. */
  readonly sessionToken: string;
  /** The session cookie's name (`sls_session_<port>`). */
  readonly sessionCookieName: string;
  readonly port: number;
  readonly app: FastifyInstance;
  /** The bearer token every /control/* request must carry; null when the control API is off. */
  readonly controlToken: string | null;
  /** http://127.0.0.1:<port>/control, or null when the control API is off. */
  readonly controlUrl: string | null;
  /** Open event streams (pages and journal streams connected). */
  readonly openStreams: number;
  /** Streams cut because their client stopped reading. */
  readonly streamsCutOff: number;
  close(): Promise<void>;
}

export async function createWebServer(options: WebServerOptions): Promise<WebServer> {
  const { sim, rendererDir, host = '127.0.0.1' } = options;
  if (host !== '127.0.0.1') throw new Error('The simulator listens on 127.0.0.1 only');
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = fastify({
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
  const streams = new EventStreams(sim, {
    heartbeatMs: options.heartbeatMs,
    maxBufferedBytes: options.maxBufferedBytes,
    maxBufferedTotal: options.maxBufferedTotal,
    maxStreams: options.maxStreams,
  });
  const session = new PageSession();
  const controlToken = options.control === false ? null : (options.token ?? generateControlToken());
  if (controlToken !== null && controlToken === session.secret) throw new Error('The control token and the session secret must differ');
  let port = options.port;
  const origin = () => `http://${host}:${port}/`;
  const pageUrl = () => `${origin()}?${TOKEN_PARAM}=${session.secret}`;

  app.addHook('onRequest', async (request, reply) => {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own name in Host (or in
    // an absolute-form target, which HTTP says wins over Host).
    if (!isAllowedHost(request.headers.host, port) || !isAllowedTarget(request.originalUrl, port)) return sendError(reply, 403, 'untrusted_sender', 'Unexpected Host header');
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

  if (controlToken !== null) await registerControlRoutes(app, { sim, token: controlToken, streams, onInternalError: options.onInternalError });

  if (rendererDir === undefined) {
    // Electron's --control-port: no pages, no windows' API.
    app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `No route ${request.method} ${pathOf(request.url)}`));
  } else {
    // The port is known once listening (0 picks one).
    const cookieName = () => sessionCookieName(port);
    /** The pages' and the windows' API's check: from this browser's pages, with the session. */
    const refusal = (request: FastifyRequest): 'other_site' | 'no_session' | null => {
      if (!isAllowedOrigin(request.headers.origin, port)) return 'other_site';
      return session.carriedBy(request.headers, cookieName()) ? null : 'no_session';
    };

    // The windows' API: operations, events, and a new session.
    await app.register(
      async (api) => {
        api.addHook('onRequest', async (request, reply) => {
          const refused = refusal(request);
          if (refused === 'other_site') return sendError(reply, 403, 'untrusted_sender', 'Requests from other sites are refused');
          if (refused === 'no_session') return sendError(reply, 401, 'unauthorized', UNAUTHORIZED_MESSAGE);
          if (request.method === 'POST' && !isJsonContentType(request.headers['content-type'])) {
            return sendError(reply, 415, 'invalid_request', 'Send the request body as application/json');
          }
        });
        const notFound = (request: FastifyRequest, reply: FastifyReply) => sendError(reply, 404, 'not_found', `No route ${request.method} ${pathOf(request.url)}`);
        api.setNotFoundHandler(notFound);

        const operation = (name: string, body: unknown) => dispatch(sim, name, body, options.onInternalError);
        // A scenario file's text is the one large request; every other operation keeps the small limit.
        api.post(`${inApi(HTTP_OP_PREFIX)}loadScenario`, { bodyLimit: SCENARIO_BODY_LIMIT }, async (request, reply) => sendEnvelope(reply, operation('loadScenario', request.body)));
        api.post<{ Params: { name: string }; Body: unknown }>(`${inApi(HTTP_OP_PREFIX)}:name`, async (request, reply) => sendEnvelope(reply, operation(request.params.name, request.body)));

        api.get(inApi(HTTP_EVENTS_PATH), (_request, reply) => {
          if (streams.full) return sendError(reply, 503, 'unavailable', `The host already serves ${streams.maxStreams} event streams; close some windows first`);
          reply.hijack();
          streams.attach(reply.raw, { group: PAGE_STREAMS });
          return undefined;
        });

        // New session: a new secret; the old cookie and address stop working at once, and the pages'
        // event streams close (this browser's reconnect with the new cookie, others are refused).
        api.post(inApi(HTTP_NEW_SESSION_PATH), async (_request, reply) => {
          session.renew();
          streams.closeGroup(PAGE_STREAMS);
          const url = pageUrl();
          options.onNewSession?.(url);
          return sendEnvelope(reply.header('set-cookie', sessionCookie(cookieName(), session.secret)), { ok: true, value: { url } satisfies NewSessionView });
        });

        // Any other address under /api is the API's: reads too (without this the pages' files would
        // take them). Other methods reach the scope's not-found handler by themselves.
        api.route({ method: ['GET', 'HEAD'], url: '/*', handler: notFound });
      },
      { prefix: API_PREFIX },
    );

    // The pages: the renderer's files, the printed address's token traded for the cookie, and the
    // page that says where to find the address.
    await app.register(async (pages) => {
      pages.addHook('onRequest', async (request, reply) => {
        const reading = request.method === 'GET' || request.method === 'HEAD';
        const refused = refusal(request);
        if (refused === 'other_site') return sendError(reply, 403, 'untrusted_sender', 'Requests from other sites are refused');
        // The printed address (the route `/`): trade its token for the cookie and drop it from the address bar.
        if (reading && request.routeOptions.url === '/' && session.matches((request.query as Record<string, unknown>)[TOKEN_PARAM])) {
          return reply.code(303).header('set-cookie', sessionCookie(cookieName(), session.secret)).header('location', '/').header('cache-control', 'no-store').send();
        }
        if (refused === 'no_session') {
          if (!reading) return sendError(reply, 401, 'unauthorized', UNAUTHORIZED_MESSAGE);
          return reply.code(401).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NEEDS_TOKEN_PAGE);
        }
      });
      pages.setNotFoundHandler((_request, reply) => reply.code(404).type('text/plain; charset=utf-8').send('Not found'));
      // Every file needs the session, the renderer's scripts and styles included: they hold no
      // secret, but one rule with no exception cannot be got around by spelling a path oddly.
      // Revalidated on each load so a rebuilt renderer shows at once.
      await pages.register(fastifyStatic, {
        root: path.resolve(rendererDir),
        index: 'index.html',
        cacheControl: false,
        setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
      });
      // The printed address's route, of its own so the hook above knows it by the route matched.
      pages.get('/', (_request, reply) => reply.sendFile('index.html'));
    });
  }

  await app.listen({ port: options.port, host });
  port = (app.server.address() as AddressInfo).port;
  return {
    get url() {
      return pageUrl();
    },
    origin: origin(),
    get sessionToken() {
      return session.secret;
    },
    sessionCookieName: sessionCookieName(port),
    port,
    app,
    controlToken,
    controlUrl: controlToken === null ? null : `http://${host}:${port}${CONTROL_PREFIX}`,
    get openStreams() {
      return streams.size;
    },
    get streamsCutOff() {
      return streams.cutOff;
    },
    close: () => app.close(),
  };
}
