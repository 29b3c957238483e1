// The browser host: the built renderer and the simulation's API over HTTP and Server-Sent Events, on 127.0.0.1 only, beside the control API.
//
// Access is decided by the route the router matched, never by the raw address: each part is a
// Fastify scope with its own onRequest hook, and the router (which decodes %-escapes and accepts
// absolute-form targets) picks the scope. /control/* checks the control token
// (main/host/control/access.ts); /api/* and every page check the pages' session (session.ts). So
// every spelling the router accepts gets the same answer as the plain one, and a spelling it does
// not accept reaches the pages' scope, which needs the session too. The root only checks Host (and
// an absolute-form target's authority): main/host/http/server-base.ts.
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { dispatch } from '../api/dispatch.js';
import type { NewSessionView } from '../api/bridge.js';
import { HTTP_EVENTS_PATH, HTTP_NEW_SESSION_PATH, HTTP_OP_PREFIX, PRESENTER_PARAM } from '../api/vocabulary.js';
import type { Simulation } from '../sim/simulation.js';
import { CONTROL_PREFIX } from '../host/control/access.js';
import { registerControlRoutes } from '../host/control/routes.js';
import { tokenProblem } from '../host/control/token.js';
import type { EventStreams } from '../host/http/event-stream.js';
import { refuseOtherMethods, SCENARIO_BODY_LIMIT, sendEnvelope, sendError } from '../host/http/reply.js';
import { pathOf } from '../host/http/request-target.js';
import { createHttpBase, type HttpBaseOptions } from '../host/http/server-base.js';
import { generateSecret } from '../host/secret.js';
import { isAllowedOrigin, isJsonContentType } from './security.js';
import { NEEDS_TOKEN_PAGE, PageSession, sessionCookie, sessionCookieName, TOKEN_PARAM, UNAUTHORIZED_MESSAGE } from './session.js';

/** The event streams of the pages, closed when their session is renewed. */
const PAGE_STREAMS = 'pages';
const API_PREFIX = '/api';
/** A path of the windows' API relative to its scope's prefix. */
const inApi = (route: string) => route.slice(API_PREFIX.length);

export interface WebServerOptions extends Omit<HttpBaseOptions, 'events'> {
  sim: Simulation;
  /** The built renderer (dist/renderer), served with the windows' API (/api/*). */
  rendererDir: string;
  /** The control API (/control/*): on unless false. */
  control?: false;
  /** The control API's bearer token (checked by tokenProblem); a fresh random one by default. */
  token?: string;
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

/** What the pages' and the windows' API's parts share: the session, where it is served, and the streams. */
interface PagesContext {
  sim: Simulation;
  session: PageSession;
  streams: EventStreams;
  port: () => number;
  pageUrl: () => string;
  options: WebServerOptions;
}

/** The pages' and the windows' API's check: from this browser's pages, with the session. */
function pageRefusal(c: PagesContext, request: FastifyRequest): 'other_site' | 'no_session' | null {
  if (!isAllowedOrigin(request.headers.origin, c.port())) return 'other_site';
  return c.session.carriedBy(request.headers, sessionCookieName(c.port())) ? null : 'no_session';
}

/** The windows' API under /api: operations, events, and a new session. */
async function registerWindowsApi(app: FastifyInstance, c: PagesContext): Promise<void> {
  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
        const refused = pageRefusal(c, request);
        if (refused === 'other_site') return sendError(reply, 403, 'untrusted_sender', 'Requests from other sites are refused');
        if (refused === 'no_session') return sendError(reply, 401, 'unauthorized', UNAUTHORIZED_MESSAGE);
        if (request.method === 'POST' && !isJsonContentType(request.headers['content-type'])) {
          return sendError(reply, 415, 'invalid_request', 'Send the request body as application/json');
        }
      });
      const notFound = (request: FastifyRequest, reply: FastifyReply) => sendError(reply, 404, 'not_found', `No route ${request.method} ${pathOf(request.url)}`);
      api.setNotFoundHandler(notFound);

      const operation = (name: string, body: unknown) => dispatch(c.sim, name, body, c.options.onInternalError);
      // A scenario file's text is the one large request; every other operation keeps the small limit.
      api.post(`${inApi(HTTP_OP_PREFIX)}loadScenario`, { bodyLimit: SCENARIO_BODY_LIMIT }, async (request, reply) => sendEnvelope(reply, operation('loadScenario', request.body)));
      api.post<{ Params: { name: string }; Body: unknown }>(`${inApi(HTTP_OP_PREFIX)}:name`, async (request, reply) => sendEnvelope(reply, operation(request.params.name, request.body)));

      api.get(inApi(HTTP_EVENTS_PATH), (_request, reply) => {
        if (c.streams.full) return sendError(reply, 503, 'unavailable', `The host already serves ${c.streams.maxStreams} event streams; close some windows first`);
        reply.hijack();
        c.streams.attach(reply.raw, { group: PAGE_STREAMS });
        return undefined;
      });

      // New session: a new secret; the old cookie and address stop working at once, and the pages'
      // event streams close (this browser's reconnect with the new cookie, others are refused).
      api.post(inApi(HTTP_NEW_SESSION_PATH), async (_request, reply) => {
        c.session.renew();
        c.streams.closeGroup(PAGE_STREAMS);
        const url = c.pageUrl();
        c.options.onNewSession?.(url);
        return sendEnvelope(reply.header('set-cookie', sessionCookie(sessionCookieName(c.port()), c.session.secret)), { ok: true, value: { url } satisfies NewSessionView });
      });

      // A known address asked with another method: 405 with Allow.
      refuseOtherMethods(api, `${inApi(HTTP_OP_PREFIX)}:name`, ['POST']);
      refuseOtherMethods(api, inApi(HTTP_EVENTS_PATH), ['GET', 'HEAD']);
      refuseOtherMethods(api, inApi(HTTP_NEW_SESSION_PATH), ['POST']);

      // Any other address under /api is the API's: reads too (without this the pages' files would
      // take them). Other methods reach the scope's not-found handler by themselves.
      api.route({ method: ['GET', 'HEAD'], url: '/*', handler: notFound });
    },
    { prefix: API_PREFIX },
  );
}

/** The pages: the renderer's files, the printed address's token traded for the cookie, and the page that says where to find the address. */
async function registerPages(app: FastifyInstance, c: PagesContext, rendererDir: string): Promise<void> {
  await app.register(async (pages) => {
    pages.addHook('onRequest', async (request, reply) => {
      const reading = request.method === 'GET' || request.method === 'HEAD';
      const refused = pageRefusal(c, request);
      if (refused === 'other_site') return sendError(reply, 403, 'untrusted_sender', 'Requests from other sites are refused');
      // The printed address (the route `/`): trade its token for the cookie and drop it from the address bar
      // (presenter mode, `&present`, stays in it).
      const query = request.query as Record<string, unknown>;
      if (reading && request.routeOptions.url === '/' && c.session.matches(query[TOKEN_PARAM])) {
        const location = Object.hasOwn(query, PRESENTER_PARAM) ? `/?${PRESENTER_PARAM}` : '/';
        return reply.code(303).header('set-cookie', sessionCookie(sessionCookieName(c.port()), c.session.secret)).header('location', location).header('cache-control', 'no-store').send();
      }
      if (refused === 'no_session') {
        if (!reading) return sendError(reply, 401, 'unauthorized', UNAUTHORIZED_MESSAGE);
        return reply.code(401).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NEEDS_TOKEN_PAGE);
      }
    });
    // A browser asking for a file that is not there gets a word; any other method, the envelope tools read.
    pages.setNotFoundHandler((request, reply) =>
      request.method === 'GET' || request.method === 'HEAD'
        ? reply.code(404).type('text/plain; charset=utf-8').send('Not found')
        : sendError(reply, 404, 'not_found', `No route ${request.method} ${pathOf(request.url)}`),
    );
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

/** The control token the server is to use: none, the caller's (if strong enough), or a fresh one; never the session's. */
function controlTokenFor(options: WebServerOptions, session: PageSession): string | null {
  if (options.control === false) return null;
  if (options.token !== undefined) {
    const problem = tokenProblem(options.token);
    if (problem) throw new Error(`The control API token ${problem}`);
  }
  const token = options.token ?? generateSecret();
  if (token === session.secret) throw new Error('The control token and the session secret must differ');
  return token;
}

export async function createWebServer(options: WebServerOptions): Promise<WebServer> {
  const { sim, rendererDir } = options;
  const base = createHttpBase({ ...options, events: sim });
  const { app, streams, host } = base;
  const session = new PageSession();
  const controlToken = controlTokenFor(options, session);
  const origin = () => `http://${host}:${base.port()}/`;
  const pageUrl = () => `${origin()}?${TOKEN_PARAM}=${session.secret}`;
  const context: PagesContext = { sim, session, streams, port: base.port, pageUrl, options };

  if (controlToken !== null) await registerControlRoutes(app, { sim, token: controlToken, streams, onInternalError: options.onInternalError });
  await registerWindowsApi(app, context);
  await registerPages(app, context, rendererDir);

  const port = await base.listen();
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
