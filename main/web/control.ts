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
import { toJsonLines } from '../sim/journal.js';
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
export async function registerControlRoutes(app: FastifyInstance, options: ControlOptions): Promise<void> {
  const { sim, token, streams, onInternalError } = options;
  const run = (reply: FastifyReply, op: OperationName, payload: unknown) => sendEnvelope(reply, dispatch(sim, op, payload, onInternalError));
  /** The body as an object, with the path's names on top (the path wins), then the operation. */
  const runWith = (reply: FastifyReply, op: OperationName, body: unknown, fromPath: Record<string, unknown> = {}) => {
    const object = bodyObject(body);
    if (!object.ok) return sendEnvelope(reply, object);
    return run(reply, op, { ...object.value, ...fromPath });
  };

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
      scope.setNotFoundHandler((request, reply) =>
        sendError(reply, 404, 'not_found', `No control route ${request.method} ${request.url.split('?')[0]!.slice(0, 100)}`),
      );

      // Reads.
      scope.get<{ Querystring: Query }>('/pending', (request, reply) => {
        const { username } = request.query;
        return run(reply, 'listPending', username === undefined ? {} : { username });
      });
      scope.get('/world', (_request, reply) => run(reply, 'getWorld', {}));
      scope.get('/clock', (_request, reply) => run(reply, 'getClock', {}));
      scope.get('/scenario', (_request, reply) => run(reply, 'getScenario', {}));
      scope.get('/scenarios', (_request, reply) => run(reply, 'listScenarios', {}));
      scope.get('/reasons', (_request, reply) => run(reply, 'getReasons', {}));
      scope.get<{ Params: { id: string } }>('/phones/:id', (request, reply) => run(reply, 'getPhone', { phoneId: request.params.id }));

      scope.get<{ Querystring: Query }>('/journal', (request, reply) => {
        const { after, format = 'json' } = request.query;
        if (format !== 'json' && format !== 'jsonl') return sendError(reply, 400, 'invalid_request', 'format: must be json or jsonl', [{ path: 'format', message: 'must be json or jsonl' }]);
        const envelope = dispatch(sim, 'getJournal', after === undefined ? {} : { afterSeq: numeric(after) }, onInternalError);
        if (!envelope.ok || format === 'json') return sendEnvelope(reply, envelope);
        // JSON Lines, the journal's export format: one entry per line.
        const page = envelope.value as ReturnType<Simulation['getJournal']>;
        return reply.code(200).header('Cache-Control', 'no-store').type('application/x-ndjson; charset=utf-8').send(toJsonLines(page.entries));
      });

      // Server-Sent Events: each journal entry as it is recorded (`id:` its sequence number).
      // ?after=N first replays the entries after N; a new scenario or a reset starts the journal over.
      scope.get<{ Querystring: Query }>('/journal/stream', (request, reply) => {
        const after = request.query.after ?? request.headers['last-event-id'];
        let replay: ReturnType<Simulation['getJournal']>['entries'] = [];
        if (after !== undefined) {
          const envelope = dispatch(sim, 'getJournal', { afterSeq: numeric(after) }, onInternalError);
          if (!envelope.ok) return sendEnvelope(reply, envelope);
          replay = (envelope.value as ReturnType<Simulation['getJournal']>).entries;
        }
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
      });

      // Changes.
      scope.post<{ Params: { id: string } }>('/phones/:id/state', (request, reply) => run(reply, 'setPhoneState', { phoneId: request.params.id, patch: request.body }));
      scope.post<{ Params: { id: string } }>('/phones/:id/restart', (request, reply) => runWith(reply, 'restartPhone', request.body, { phoneId: request.params.id }));
      scope.post<{ Params: { id: string } }>('/phones/:id/clear-app-data', (request, reply) => runWith(reply, 'clearAppData', request.body, { phoneId: request.params.id }));
      scope.post('/clock/advance', (request, reply) => runWith(reply, 'advanceClock', request.body));
      scope.post('/clock/pause', (request, reply) => runWith(reply, 'setClockRunning', request.body, { running: false }));
      scope.post('/clock/resume', (request, reply) => runWith(reply, 'setClockRunning', request.body, { running: true }));
      scope.post('/reset', (request, reply) => runWith(reply, 'resetWorld', request.body));
      scope.post<{ Params: { username: string } }>('/users/:username/seamless', (request, reply) =>
        runWith(reply, 'setSeamless', request.body, { username: request.params.username }),
      );
      scope.post<{ Params: { serial: string } }>('/fobs/:serial/reset', (request, reply) => runWith(reply, 'resetFob', request.body, { serial: request.params.serial }));

      // A built-in scenario by name ({"name": …}), a file's text as JSON ({"text": …, "fileName": …}),
      // or the YAML file itself (Content-Type: application/yaml, ?fileName= for the messages).
      // A bad file answers 422 with every problem, and the running scenario carries on.
      scope.post<{ Querystring: Query }>('/scenario', { bodyLimit: SCENARIO_BODY_LIMIT }, (request, reply) => {
        let payload: unknown;
        if (typeof request.body === 'string') {
          const { fileName = 'scenario.yaml' } = request.query;
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
      });

      // Any operation of the contract, as the windows call it (POST /control/op/submitCredentials ...).
      const anyOperation = (request: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) =>
        sendEnvelope(reply, dispatch(sim, request.params.name, request.body ?? {}, onInternalError));
      scope.post('/op/loadScenario', { bodyLimit: SCENARIO_BODY_LIMIT }, (request, reply) => sendEnvelope(reply, dispatch(sim, 'loadScenario', request.body ?? {}, onInternalError)));
      scope.post<{ Params: { name: string } }>('/op/:name', anyOperation);
    },
    { prefix: CONTROL_PREFIX },
  );
}
