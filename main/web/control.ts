// The control API for automation (/control/*): the simulation's operations for scripts and tools, behind a bearer token.
//
// Every route, reads included, needs `Authorization: Bearer <token>`: the pending codes and challenges
// are secrets, and one rule for every route is easier to get right than a list of exceptions. The
// token is random per start and printed by the host. Requests from web pages are refused outright
// (any Origin header, or Sec-Fetch-Site other than "none"), so a site open in the trainer's browser
// cannot drive the simulation even if it learnt the port. Every request is checked by the contract's
// schemas through dispatch, as the windows' requests are.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dispatch, failure, type Envelope } from '../api/dispatch.js';
import type { HostEvent } from '../api/events.js';
import type { OperationName } from '../api/names.js';
import type { LoadScenarioResult } from '../api/views.js';
import { toJsonLines } from '../api/vocabulary.js';
import { formatProblem } from '../sim/scenario/load.js';
import type { Simulation } from '../sim/simulation.js';
import { sseMessage, type EventStreams } from './event-stream.js';
import { SCENARIO_BODY_LIMIT, sendEnvelope, sendError } from './reply.js';

export const CONTROL_PREFIX = '/control';

/** A scenario file may be posted as it is, with one of these types. */
export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'] as const;

/** 256 random bits, URL-safe: fits a header and a shell variable without quoting. */
export function generateControlToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether a presented secret is the token. Both sides are hashed first, so the comparison is
 * constant-time on equal-length buffers whatever was sent, and leaks no length.
 */
export function sameToken(presented: string | undefined, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  const same = timingSafeEqual(digest(presented ?? ''), digest(token));
  return presented !== undefined && token.length > 0 && same;
}

/** Whether an Authorization header carries the token. */
export function tokenMatches(authorization: string | undefined, token: string): boolean {
  const presented = authorization === undefined ? undefined : /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
  return sameToken(presented, token);
}

/** Why a request that a browser sent on a page's behalf is refused (null: not from a page). */
export function browserRefusal(headers: IncomingHttpHeaders): string | null {
  const site = headers['sec-fetch-site'];
  if (headers.origin !== undefined || (site !== undefined && site !== 'none')) {
    return 'The control API does not answer web pages; call it from a script or a tool such as curl';
  }
  return null;
}

export function mediaType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  return contentType.split(';', 1)[0]!.trim().toLowerCase();
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** What the host prints at start-up: where the API is, the token, and a command to copy. */
export function controlBanner(controlUrl: string, token: string): string[] {
  return [
    `Control API at ${controlUrl} (127.0.0.1 only); every request needs the token.`,
    `Control API token: ${token}`,
    `  e.g. curl -H 'Authorization: Bearer ${token}' '${controlUrl}/pending?username=smsuser'`,
  ];
}

export interface ControlOptions {
  sim: Simulation;
  token: string;
  streams: EventStreams;
  onInternalError?: (error: unknown) => void;
}

type Query = Record<string, string | string[] | undefined>;

/** A body merged with names from the path must be a JSON object; no body at all is {}. */
function bodyObject(body: unknown): { ok: true; value: Record<string, unknown> } | Envelope<never> {
  if (body === undefined || body === null) return { ok: true, value: {} };
  if (typeof body === 'object' && !Array.isArray(body)) return { ok: true, value: body as Record<string, unknown> };
  return failure('invalid_request', 'The request body must be a JSON object');
}

/** Query numbers arrive as text; digits become a number, anything else goes on for the schema to name. */
const numeric = (value: string | string[] | undefined): unknown => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value);

/** Registers /control/* on the server (inside its own scope, so its hooks and parsers stay there). */
/** One route of the control API, as registered and as `GET /control` lists it. */
export interface ControlRoute {
  method: 'GET' | 'POST';
  /** Under /control; `:name` marks a part of the path. */
  path: string;
  description: string;
  bodyLimit?: number;
  handler: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

type Params = Record<string, string>;
const params = (request: FastifyRequest) => request.params as Params;
const query = (request: FastifyRequest) => request.query as Query;

/** Registers /control/* on the server (inside its own scope, so its hooks and parsers stay there). */
export async function registerControlRoutes(app: FastifyInstance, options: ControlOptions): Promise<void> {
  const { sim, token, streams, onInternalError } = options;
  const run = (reply: FastifyReply, op: OperationName, payload: unknown) => sendEnvelope(reply, dispatch(sim, op, payload, onInternalError));
  /** The body as an object, with the path's names on top (the path wins), then the operation. */
  const runWith = (reply: FastifyReply, op: OperationName, body: unknown, fromPath: Record<string, unknown> = {}) => {
    const object = bodyObject(body);
    if (!object.ok) return sendEnvelope(reply, object);
    return run(reply, op, { ...object.value, ...fromPath });
  };

  const routes: ControlRoute[] = [
    { method: 'GET', path: '', description: 'this list of routes', handler: (_request, reply) => sendEnvelope(reply, { ok: true, value: { routes: listing } }) },
    // Reads.
    {
      method: 'GET',
      path: '/pending',
      description: 'codes, challenges, card indexes and pushes waiting, per user, with the expected answers (?username=)',
      handler: (request, reply) => {
        const { username } = query(request);
        return run(reply, 'listPending', username === undefined ? {} : { username });
      },
    },
    { method: 'GET', path: '/world', description: 'users, devices, phones and the clock', handler: (_request, reply) => run(reply, 'getWorld', {}) },
    { method: 'GET', path: '/clock', description: 'the virtual clock', handler: (_request, reply) => run(reply, 'getClock', {}) },
    { method: 'GET', path: '/scenario', description: 'the running scenario', handler: (_request, reply) => run(reply, 'getScenario', {}) },
    { method: 'GET', path: '/scenarios', description: 'the built-in scenario library', handler: (_request, reply) => run(reply, 'listScenarios', {}) },
    { method: 'GET', path: '/reasons', description: 'the catalogue of reasons a login fails', handler: (_request, reply) => run(reply, 'getReasons', {}) },
    { method: 'GET', path: '/phones/:id', description: 'one phone and its state', handler: (request, reply) => run(reply, 'getPhone', { phoneId: params(request).id }) },
    {
      method: 'GET',
      path: '/journal',
      description: 'journal entries (?after=N, &format=jsonl for JSON Lines)',
      handler: (request, reply) => {
        const { after, format = 'json' } = query(request);
        if (format !== 'json' && format !== 'jsonl') return sendError(reply, 400, 'invalid_request', 'format: must be json or jsonl', [{ path: 'format', message: 'must be json or jsonl' }]);
        const envelope = dispatch(sim, 'getJournal', after === undefined ? {} : { afterSeq: numeric(after) }, onInternalError);
        if (!envelope.ok || format === 'json') return sendEnvelope(reply, envelope);
        // JSON Lines, the journal's export format: one entry per line.
        const page = envelope.value as ReturnType<Simulation['getJournal']>;
        return reply.code(200).header('Cache-Control', 'no-store').type('application/x-ndjson; charset=utf-8').send(toJsonLines(page.entries));
      },
    },
    // Server-Sent Events: each journal entry as it is recorded (`id:` its sequence number).
    // ?after=N first replays the entries after N; a new scenario or a reset starts the journal over.
    {
      method: 'GET',
      path: '/journal/stream',
      description: 'Server-Sent Events, one per journal entry (?after=N replays first)',
      handler: (request, reply) => {
        const after = query(request).after ?? request.headers['last-event-id'];
        let replay: ReturnType<Simulation['getJournal']>['entries'] = [];
        if (after !== undefined) {
          const envelope = dispatch(sim, 'getJournal', { afterSeq: numeric(after) }, onInternalError);
          if (!envelope.ok) return sendEnvelope(reply, envelope);
          replay = (envelope.value as ReturnType<Simulation['getJournal']>).entries;
        }
        if (streams.full) return sendError(reply, 503, 'unavailable', `The host already serves ${streams.maxStreams} event streams; close some first`);
        reply.hijack();
        streams.attach(reply.raw, {
          preamble: replay.map((entry) => sseMessage(entry, entry.seq)),
          format: (event: HostEvent) => {
            if (event.type === 'journal') return sseMessage(event.entry, event.entry.seq);
            // A new world's journal begins before anyone can listen (its "scenario.loaded" entry).
            if (event.type === 'world') return sim.getJournal({}).entries.map((entry) => sseMessage(entry, entry.seq)).join('') || null;
            return null;
          },
        });
        return undefined;
      },
    },

    // Changes.
    { method: 'POST', path: '/phones/:id/state', description: 'a phone-state patch (airplane, signal, doNotDisturb...)', handler: (request, reply) => run(reply, 'setPhoneState', { phoneId: params(request).id, patch: request.body }) },
    { method: 'POST', path: '/phones/:id/restart', description: 'power the phone off and on', handler: (request, reply) => runWith(reply, 'restartPhone', request.body, { phoneId: params(request).id }) },
    { method: 'POST', path: '/phones/:id/clear-app-data', description: "Android's Clear data for the app", handler: (request, reply) => runWith(reply, 'clearAppData', request.body, { phoneId: params(request).id }) },
    { method: 'POST', path: '/clock/advance', description: 'move virtual time ({"ms":…})', handler: (request, reply) => runWith(reply, 'advanceClock', request.body) },
    { method: 'POST', path: '/clock/pause', description: 'stop the virtual clock', handler: (request, reply) => runWith(reply, 'setClockRunning', request.body, { running: false }) },
    { method: 'POST', path: '/clock/resume', description: 'start the virtual clock again', handler: (request, reply) => runWith(reply, 'setClockRunning', request.body, { running: true }) },
    { method: 'POST', path: '/reset', description: 'the running scenario again from its start', handler: (request, reply) => runWith(reply, 'resetWorld', request.body) },
    {
      method: 'POST',
      path: '/users/:username/seamless',
      description: 'Seamless Authentication on or off ({"enabled":…})',
      handler: (request, reply) => runWith(reply, 'setSeamless', request.body, { username: params(request).username }),
    },
    { method: 'POST', path: '/fobs/:serial/reset', description: 'unlock a DSC+ fob locked by wrong PINs', handler: (request, reply) => runWith(reply, 'resetFob', request.body, { serial: params(request).serial }) },

    // A built-in scenario by name ({"name": …}), a file's text as JSON ({"text": …, "fileName": …}),
    // or the YAML file itself (Content-Type: application/yaml, ?fileName= for the messages).
    // A bad file answers 422 with every problem, and the running scenario carries on.
    {
      method: 'POST',
      path: '/scenario',
      description: 'load a scenario: {"name":…}, {"text":…,"fileName":…} or the YAML file itself',
      bodyLimit: SCENARIO_BODY_LIMIT,
      handler: (request, reply) => {
        let payload: unknown;
        if (typeof request.body === 'string') {
          const { fileName = 'scenario.yaml' } = query(request);
          payload = { text: request.body, fileName };
        } else {
          const object = bodyObject(request.body);
          if (!object.ok) return sendEnvelope(reply, object);
          payload = object.value;
        }
        const envelope = dispatch(sim, 'loadScenario', payload, onInternalError);
        if (envelope.ok) {
          const result = envelope.value as LoadScenarioResult;
          if (!result.ok) {
            const count = result.problems.length;
            return sendError(
              reply,
              422,
              'invalid_request',
              `The scenario was not loaded (${count} problem${count === 1 ? '' : 's'}); the running scenario is unchanged`,
              result.problems.map((problem) => ({ path: problem.field, message: formatProblem(problem) })),
            );
          }
        }
        return sendEnvelope(reply, envelope);
      },
    },

    // Any operation of the contract, as the windows call it (POST /control/op/submitCredentials ...).
    {
      method: 'POST',
      path: '/op/loadScenario',
      description: 'the loadScenario operation (a scenario file\'s text may be up to 1.1 MB)',
      bodyLimit: SCENARIO_BODY_LIMIT,
      handler: (request, reply) => sendEnvelope(reply, dispatch(sim, 'loadScenario', request.body ?? {}, onInternalError)),
    },
    { method: 'POST', path: '/op/:name', description: 'any operation of the app with its JSON request', handler: (request, reply) => sendEnvelope(reply, dispatch(sim, params(request).name, request.body ?? {}, onInternalError)) },
  ];
  const listing = routes.map(({ method, path, description }) => ({ method, path: `${CONTROL_PREFIX}${path}`, description }));

  await app.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const refusal = browserRefusal(request.headers);
        if (refusal) return sendError(reply, 403, 'untrusted_sender', refusal);
        if (!tokenMatches(request.headers.authorization, token)) {
          reply.header('WWW-Authenticate', 'Bearer realm="SLS Simulator control API"');
          const message = request.headers.authorization === undefined ? 'This route needs the control API token' : 'The control API token is wrong';
          return sendError(reply, 401, 'unauthorized', `${message}: send "Authorization: Bearer <token>" with the token printed at start-up`);
        }
        if (request.method !== 'POST') return;
        const type = mediaType(request.headers['content-type']);
        if (type === 'application/json') return;
        if (type === null && !hasBody(request.headers)) return;
        const yamlRoute = request.routeOptions.url === `${CONTROL_PREFIX}/scenario`;
        if (yamlRoute && (YAML_MEDIA_TYPES as readonly string[]).includes(type ?? '')) return;
        return sendError(reply, 415, 'invalid_request', `Send the request body as application/json${yamlRoute ? ' (or a scenario file as application/yaml)' : ''}`);
      });
      scope.addContentTypeParser([...YAML_MEDIA_TYPES], { parseAs: 'string' }, (_request, body, done) => done(null, body));
      const notFound = (request: FastifyRequest, reply: FastifyReply) =>
        sendError(reply, 404, 'not_found', `No control route ${request.method} ${pathOf(request.url)}; GET ${CONTROL_PREFIX} lists them`);
      scope.setNotFoundHandler(notFound);
      for (const route of routes) scope.route({ method: route.method, url: route.path, bodyLimit: route.bodyLimit, handler: route.handler });
      // Every other address under /control is this scope's (behind its token): reads too, which the
      // pages' files would take otherwise. Other methods reach the scope's not-found handler by themselves.
      scope.route({ method: ['GET', 'HEAD'], url: '/*', handler: notFound });
    },
    { prefix: CONTROL_PREFIX },
  );
}

/** The path of a request target, short enough to quote in a message. */
export function pathOf(url: string): string {
  return url.split('?', 1)[0]!.slice(0, 100);
}
