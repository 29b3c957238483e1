// The control API's routes (/control/*): the simulation's operations for scripts and tools, each checked by the contract's schemas through dispatch.
//
// Who may call them is access.ts's concern; this file says what each route does. The table is what
// Fastify registers, what `GET /control` lists and what `GET /control/openapi.json` documents (each
// route's `doc`, declared with its handler), so neither the listing nor the document can drift from the routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { viewSchemas } from '../../api/answer-schemas.js';
import { dispatch, failure, type Envelope } from '../../api/dispatch.js';
import type { HostEvent } from '../../api/events.js';
import type { OperationName } from '../../api/names.js';
import { requestSchemas } from '../../api/operations.js';
import type { LoadScenarioResult, WorldExportView } from '../../api/views.js';
import { toJsonLines } from '../../api/vocabulary.js';
import { formatProblem } from '../../sim/scenario/load.js';
import type { Simulation } from '../../sim/simulation.js';
import { sseMessage, type EventStreams } from '../http/event-stream.js';
import { refuseOtherMethods, SCENARIO_BODY_LIMIT, sendEnvelope, sendError, type HttpMethod } from '../http/reply.js';
import { pathOf } from '../http/request-target.js';
import { CONTROL_PREFIX, controlAccess, YAML_MEDIA_TYPES } from './access.js';
import { openApiDocument } from './openapi.js';
import type { RouteDoc, RouteInfo } from './route-doc.js';

export interface ControlOptions {
  sim: Simulation;
  token: string;
  streams: EventStreams;
  onInternalError?: (error: unknown) => void;
}

/** One route of the control API, as registered and as `GET /control` lists it. */
interface ControlRoute {
  method: 'GET' | 'POST';
  /** Under /control; `:name` marks a part of the path. */
  path: string;
  description: string;
  /** What the OpenAPI document says of it beyond method, path and description. */
  doc: RouteDoc;
  bodyLimit?: number;
  handler: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

type Query = Record<string, string | string[] | undefined>;
type Params = Record<string, string>;
const params = (request: FastifyRequest) => request.params as Params;
const query = (request: FastifyRequest) => request.query as Query;
type JournalEntries = ReturnType<Simulation['getJournal']>['entries'];

/** A body merged with names from the path must be a JSON object; no body at all is {}. */
function bodyObject(body: unknown): { ok: true; value: Record<string, unknown> } | Envelope<never> {
  if (body === undefined || body === null) return { ok: true, value: {} };
  if (typeof body === 'object' && !Array.isArray(body)) return { ok: true, value: body as Record<string, unknown> };
  return failure('invalid_request', 'The request body must be a JSON object');
}

/** The request fields a route's path fills in: `{ id: 'phoneId' }` and `/phones/sms-phone` → `{ phoneId: 'sms-phone' }`. */
const fromPath = (request: FastifyRequest, names: Readonly<Record<string, string>> = {}) =>
  Object.fromEntries(Object.entries(names).map(([name, field]) => [field, params(request)[name]]));

/** Query numbers arrive as text; digits become a number, anything else goes on for the schema to name. */
const numeric = (value: string | string[] | undefined): unknown => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value);

/** What the route handlers share: the simulation behind dispatch, and the event streams. */
class ControlContext {
  constructor(private readonly options: ControlOptions) {}

  get sim(): Simulation {
    return this.options.sim;
  }

  get streams(): EventStreams {
    return this.options.streams;
  }

  dispatch(op: unknown, payload: unknown): Envelope {
    return dispatch(this.options.sim, op, payload, this.options.onInternalError);
  }

  run(reply: FastifyReply, op: OperationName, payload: unknown): FastifyReply {
    return sendEnvelope(reply, this.dispatch(op, payload));
  }

  /** The body as an object, with the path's names on top (the path wins), then the operation. */
  runWith(reply: FastifyReply, op: OperationName, body: unknown, fromRoute: Record<string, unknown> = {}): FastifyReply {
    const object = bodyObject(body);
    if (!object.ok) return sendEnvelope(reply, object);
    return this.run(reply, op, { ...object.value, ...fromRoute });
  }
}

/** The reads: pending secrets, the world, the clock, the scenario and library, the reasons, a phone. */
function readRoutes(c: ControlContext): ControlRoute[] {
  const read = (path: string, operation: OperationName, description: string, names?: Record<string, string>): ControlRoute => ({
    method: 'GET',
    path,
    description,
    doc: { operation, noBody: true, fromPath: names },
    handler: (request, reply) => c.run(reply, operation, fromPath(request, names)),
  });
  return [
    {
      method: 'GET',
      path: '/pending',
      description: 'codes, challenges, card indexes and pushes waiting, per user, with the expected answers (?username=)',
      doc: {
        operation: 'listPending',
        noBody: true,
        parameters: [{ name: 'username', in: 'query', description: "Only this user's entries.", schema: requestSchemas.listPending.shape.username }],
      },
      handler: (request, reply) => {
        const { username } = query(request);
        return c.run(reply, 'listPending', username === undefined ? {} : { username });
      },
    },
    read('/world', 'getWorld', 'users, devices, phones and the clock'),
    read('/clock', 'getClock', 'the virtual clock'),
    read('/scenario', 'getScenario', 'the running scenario'),
    read('/scenarios', 'listScenarios', 'the built-in scenario library'),
    read('/reasons', 'getReasons', 'the catalogue of reasons a login fails'),
    read('/phones/:id', 'getPhone', 'one phone and its state', { id: 'phoneId' }),
    {
      method: 'GET',
      path: '/scenario/export',
      description: 'the running world as a scenario file (YAML) that loads back to the same world; a login in progress is not saved',
      doc: { operation: 'exportWorld', noBody: true, only: { mediaType: 'text/yaml', description: 'The running world as a scenario file (a download: Content-Disposition names it).' } },
      handler: (_request, reply) => {
        const envelope = c.dispatch('exportWorld', {});
        if (!envelope.ok) return sendEnvelope(reply, envelope);
        const { fileName, text } = envelope.value as WorldExportView;
        return reply.code(200).header('Cache-Control', 'no-store').header('Content-Disposition', `attachment; filename="${fileName}"`).type('text/yaml; charset=utf-8').send(text);
      },
    },
  ];
}

const afterParameter = {
  name: 'after',
  in: 'query',
  description: 'Only the entries after this sequence number.',
  schema: requestSchemas.getJournal.shape.afterSeq,
} as const;

/** The journal as a page (JSON or JSON Lines) and as Server-Sent Events. */
function journalRoutes(c: ControlContext): ControlRoute[] {
  return [
    {
      method: 'GET',
      path: '/journal',
      description: 'journal entries (?after=N, &format=jsonl for JSON Lines)',
      doc: {
        operation: 'getJournal',
        noBody: true,
        parameters: [afterParameter, { name: 'format', in: 'query', description: 'json (the default): the envelope; jsonl: the entries alone, one JSON object per line.', schema: z.enum(['json', 'jsonl']) }],
        alsoAnswers: { 'application/x-ndjson': 'With format=jsonl: one journal entry (JournalEntry) per line.' },
      },
      handler: (request, reply) => {
        const { after, format = 'json' } = query(request);
        if (format !== 'json' && format !== 'jsonl') return sendError(reply, 400, 'invalid_request', 'format: must be json or jsonl', [{ path: 'format', message: 'must be json or jsonl' }]);
        const envelope = c.dispatch('getJournal', after === undefined ? {} : { afterSeq: numeric(after) });
        if (!envelope.ok || format === 'json') return sendEnvelope(reply, envelope);
        // JSON Lines, the journal's export format: one entry per line.
        const page = envelope.value as ReturnType<Simulation['getJournal']>;
        return reply.code(200).header('Cache-Control', 'no-store').type('application/x-ndjson; charset=utf-8').send(toJsonLines(page.entries));
      },
    },
    // Each journal entry as it is recorded (`id:` its sequence number). ?after=N first replays the
    // entries after N; a new scenario or a reset starts the journal over.
    {
      method: 'GET',
      path: '/journal/stream',
      description: 'Server-Sent Events, one per journal entry (?after=N replays first)',
      doc: {
        noBody: true,
        parameters: [
          afterParameter,
          { name: 'Last-Event-ID', in: 'header', description: 'The same as after, as an EventSource sends it when it reconnects.', schema: z.string() },
        ],
        only: {
          mediaType: 'text/event-stream',
          description: 'One event per journal entry as it is recorded: `id:` its sequence number, `data:` the entry (JournalEntry) as JSON. A new scenario or a reset starts over at 1.',
        },
        refusals: { 503: 'The host already serves as many event streams as it allows.' },
      },
      handler: (request, reply) => {
        const after = query(request).after ?? request.headers['last-event-id'];
        let replay: JournalEntries = [];
        if (after !== undefined) {
          const envelope = c.dispatch('getJournal', { afterSeq: numeric(after) });
          if (!envelope.ok) return sendEnvelope(reply, envelope);
          replay = (envelope.value as ReturnType<Simulation['getJournal']>).entries;
        }
        if (c.streams.full) return sendError(reply, 503, 'unavailable', `The host already serves ${c.streams.maxStreams} event streams; close some first`);
        reply.hijack();
        c.streams.attach(reply.raw, {
          preamble: replay.map((entry) => sseMessage(entry, entry.seq)),
          format: (event: HostEvent) => {
            if (event.type === 'journal') return sseMessage(event.entry, event.entry.seq);
            // A new world's journal begins before anyone can listen (its "scenario.loaded" entry); another language is the same journal.
            if (event.type === 'world' && event.change !== 'locale') return c.sim.getJournal({}).entries.map((entry) => sseMessage(entry, entry.seq)).join('') || null;
            return null;
          },
        });
        return undefined;
      },
    },
  ];
}

/** The changes: phones, the clock, a reset, Seamless Authentication, the windows' language, a fob. */
function changeRoutes(c: ControlContext): ControlRoute[] {
  const phone = { id: 'phoneId' };
  /** Runs `operation` with the body's fields, the path's names and the route's own fields on top. */
  const change = (path: string, operation: OperationName, description: string, names?: Record<string, string>, fixed?: Record<string, unknown>): ControlRoute => ({
    method: 'POST',
    path,
    description,
    doc: { operation, fromPath: names, fixed },
    handler: (request, reply) => c.runWith(reply, operation, request.body, { ...fromPath(request, names), ...fixed }),
  });
  return [
    {
      method: 'POST',
      path: '/phones/:id/state',
      description: 'a phone-state patch (airplane, signal, doNotDisturb...)',
      doc: { operation: 'setPhoneState', fromPath: phone, bodyField: 'patch' },
      handler: (request, reply) => c.run(reply, 'setPhoneState', { ...fromPath(request, phone), patch: request.body }),
    },
    change('/phones', 'addPhone', 'add a phone to the running scenario ({"owner","platform","model","role"[,"phoneId"]}); refused with a message code'),
    change('/phones/:id/restart', 'restartPhone', 'power the phone off and on', phone),
    change('/phones/:id/clear-app-data', 'clearAppData', "Android's Clear data for the app", phone),
    change('/clock/advance', 'advanceClock', 'move virtual time ({"ms":…})'),
    change('/clock/pause', 'setClockRunning', 'stop the virtual clock', undefined, { running: false }),
    change('/clock/resume', 'setClockRunning', 'start the virtual clock again', undefined, { running: true }),
    change('/reset', 'resetWorld', 'the running scenario again from its start'),
    change('/users/:username/seamless', 'setSeamless', 'Seamless Authentication on or off ({"enabled":…})', { username: 'username' }),
    change('/locale', 'setLocale', 'the windows\' language ({"locale":"fr"}); what users are sent keeps their own language'),
    change('/fobs/:serial/reset', 'resetFob', 'unlock a DSC+ fob locked by wrong PINs', { serial: 'serial' }),
  ];
}

/**
 * A built-in scenario by name ({"name": …}), a file's text as JSON ({"text": …, "fileName": …}), or
 * the YAML file itself (Content-Type: application/yaml, ?fileName= for the messages). A bad file
 * answers 422 with every problem, and the running scenario carries on.
 */
function loadScenario(c: ControlContext, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let payload: unknown;
  if (typeof request.body === 'string') {
    const { fileName = 'scenario.yaml' } = query(request);
    payload = { text: request.body, fileName };
  } else {
    const object = bodyObject(request.body);
    if (!object.ok) return sendEnvelope(reply, object);
    payload = object.value;
  }
  const envelope = c.dispatch('loadScenario', payload);
  if (!envelope.ok) return sendEnvelope(reply, envelope);
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
  // The HTTP status and the envelope already say it loaded: one envelope, {"ok":true,"value":{"world":…}}.
  return sendEnvelope(reply, { ok: true, value: { world: result.world } });
}

/** Loading a scenario, and any operation of the contract as the windows call it (POST /control/op/submitCredentials ...). */
function operationRoutes(c: ControlContext): ControlRoute[] {
  return [
    {
      method: 'POST',
      path: '/scenario',
      description: 'load a scenario: {"name":…}, {"text":…,"fileName":…} or the YAML file itself',
      doc: {
        operation: 'loadScenario',
        yamlBody: true,
        parameters: [{ name: 'fileName', in: 'query', description: 'With a YAML body: the name its problems give the file.', schema: z.string().max(260).default('scenario.yaml') }],
        answer: z.object({ world: viewSchemas.WorldView }),
        refusals: { 422: 'The file has problems, each as file:line:column: field: message in error.issues; the running scenario carries on.' },
      },
      bodyLimit: SCENARIO_BODY_LIMIT,
      handler: (request, reply) => loadScenario(c, request, reply),
    },
    {
      method: 'POST',
      path: '/op/loadScenario',
      description: "the loadScenario operation (a scenario file's text may be up to 1.1 MB)",
      doc: { operation: 'loadScenario' },
      bodyLimit: SCENARIO_BODY_LIMIT,
      handler: (request, reply) => sendEnvelope(reply, c.dispatch('loadScenario', request.body ?? {})),
    },
    { method: 'POST', path: '/op/:name', description: 'any operation of the app with its JSON request', doc: { eachOperation: true }, handler: (request, reply) => sendEnvelope(reply, c.dispatch(params(request).name, request.body ?? {})) },
  ];
}

/** What `GET /control` answers. */
const routeListing = z
  .object({ routes: z.array(z.object({ method: z.enum(['GET', 'POST']), path: z.string(), description: z.string() })) })
  .describe('Every route of the control API: method, path (`:name` marks a part of the path) and what it does.');

/** Every route, `GET /control` (the listing of them all) and `GET /control/openapi.json` (their document) first. */
function controlRoutes(options: ControlOptions): ControlRoute[] {
  const c = new ControlContext(options);
  const routes = [...readRoutes(c), ...journalRoutes(c), ...changeRoutes(c), ...operationRoutes(c)];
  const self = {
    listing: { method: 'GET', path: '', description: 'this list of routes', doc: { noBody: true, answer: routeListing } },
    document: {
      method: 'GET',
      path: '/openapi.json',
      description: 'the OpenAPI 3.1 document of these routes and every operation',
      doc: { noBody: true, only: { mediaType: 'application/json', description: 'This document (OpenAPI 3.1), as it is: no envelope.' } },
    },
  } satisfies Record<string, Omit<ControlRoute, 'handler'>>;
  const infos: RouteInfo[] = [self.listing, self.document, ...routes].map(({ method, path, description, doc }) => ({ method, path: `${CONTROL_PREFIX}${path}`, description, doc }));
  const listing = infos.map(({ method, path, description }) => ({ method, path, description }));
  // Made once, on the first request: the routes and schemas do not change while the host runs.
  let document: string | undefined;
  return [
    { ...self.listing, handler: (_request, reply) => sendEnvelope(reply, { ok: true, value: { routes: listing } }) },
    {
      ...self.document,
      handler: (_request, reply) => {
        document ??= JSON.stringify(openApiDocument(infos));
        return reply.code(200).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(document);
      },
    },
    ...routes,
  ];
}

/** Each path of the table with the methods it takes (HEAD wherever GET is, as Fastify adds it). */
function methodsByPath(routes: readonly ControlRoute[]): Map<string, HttpMethod[]> {
  const byPath = new Map<string, HttpMethod[]>();
  for (const route of routes) {
    const methods = byPath.get(route.path) ?? [];
    methods.push(...(route.method === 'GET' ? (['GET', 'HEAD'] as const) : [route.method]));
    byPath.set(route.path, methods);
  }
  return byPath;
}

/** Registers /control/* on the server, inside its own scope, so its hooks and parsers stay there. */
export async function registerControlRoutes(app: FastifyInstance, options: ControlOptions): Promise<void> {
  const routes = controlRoutes(options);
  await app.register(
    async (scope) => {
      scope.addHook('onRequest', controlAccess(options.token));
      scope.addContentTypeParser([...YAML_MEDIA_TYPES], { parseAs: 'string' }, (_request, body, done) => done(null, body));
      const notFound = (request: FastifyRequest, reply: FastifyReply) =>
        sendError(reply, 404, 'not_found', `No control route ${request.method} ${pathOf(request.url)}; GET ${CONTROL_PREFIX} lists them`);
      scope.setNotFoundHandler(notFound);
      for (const route of routes) scope.route({ method: route.method, url: route.path, bodyLimit: route.bodyLimit, handler: route.handler });
      for (const [path, allowed] of methodsByPath(routes)) refuseOtherMethods(scope, path, allowed, `GET ${CONTROL_PREFIX} lists the routes`);
      // Every other address under /control is this scope's (behind its token): reads too, which the
      // pages' files would take otherwise. Other methods reach the scope's not-found handler by themselves.
      scope.route({ method: ['GET', 'HEAD'], url: '/*', handler: notFound });
    },
    { prefix: CONTROL_PREFIX },
  );
}
