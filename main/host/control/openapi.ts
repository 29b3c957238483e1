// The OpenAPI 3.1 document of the control API, made from the route table and the contract's zod schemas (never written by hand).
//
// Every route of routes.ts is a path here, and `/op/:name` one path per operation of the contract,
// so a new route or operation is documented by being added. Requests are the operations' own
// schemas (less what the path or the route fills in); answers are main/api/answer-schemas.ts.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { answerSchemas, errorEnvelopeSchema, viewSchemas } from '../../api/answer-schemas.js';
import type { ApiErrorCode } from '../../api/dispatch.js';
import { operationNames, type OperationName } from '../../api/names.js';
import { requestSchemas } from '../../api/operations.js';
import { phoneStatePatchSchema } from '../../api/phone-state.js';
import { YAML_MEDIA_TYPES } from './access.js';
import type { ParameterDoc, RouteInfo } from './route-doc.js';

type Json = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** The refusals every route may answer, with the error code each carries. */
const COMMON_REFUSALS: Record<number, { description: string; code: ApiErrorCode }> = {
  400: { description: 'The request is not valid: a field, the query, the JSON; `error.issues` names each problem.', code: 'invalid_request' },
  401: { description: 'No control token, or a wrong one (`WWW-Authenticate: Bearer`).', code: 'unauthorized' },
  403: { description: 'Sent for a web page (an Origin header, Sec-Fetch-Site other than none) or to a foreign Host name.', code: 'untrusted_sender' },
  404: { description: 'No such phone, user, login, fob or operation; also any address under /control that is no route.', code: 'not_found' },
  500: { description: 'A bug in the simulator; the simulation carries on.', code: 'internal' },
};
/** The refusals of routes that run an operation or take a body. */
const OPERATION_REFUSALS: Record<number, { description: string; code: ApiErrorCode }> = {
  409: { description: 'The operation does not fit the login\'s step (a code typed where a response is asked).', code: 'wrong_state' },
};
const BODY_REFUSALS: Record<number, { description: string; code: ApiErrorCode }> = {
  413: { description: 'The body is larger than the route takes (64 KB; 1.1 MB for a scenario).', code: 'invalid_request' },
  415: { description: 'The body is not application/json (nor a scenario file as application/yaml, where a route takes one).', code: 'invalid_request' },
};

/** `/control/phones/:id` → `/control/phones/{id}` and its path names. */
function openApiPath(path: string): { path: string; names: string[] } {
  const names: string[] = [];
  const converted = path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_match, name: string) => {
    names.push(name);
    return `{${name}}`;
  });
  return { path: converted, names };
}

/**
 * `POST /control/phones/:id/state` → `postControlPhonesByIdState`: unique for each method and path,
 * and never an operation's name (those are the ids of `/control/op/<name>`).
 */
function operationIdOf(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

/** The schemas the document names, each made once and referred to from the paths. */
class Components {
  readonly #registry = z.registry<{ id: string }>();
  readonly #ids = new Set<string>();

  /** Its `$ref`, registering the schema under `id` unless it already has a name. */
  name(schema: z.ZodType, id: string): { $ref: string } {
    const known = this.#registry.get(schema)?.id;
    if (known) return ref(known);
    if (this.#ids.has(id)) throw new Error(`Two schemas named ${id} in the OpenAPI document`);
    this.#ids.add(id);
    this.#registry.add(schema, { id });
    return ref(id);
  }

  schemas(): Record<string, Json> {
    const { schemas } = z.toJSONSchema(this.#registry, { io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
    // OpenAPI 3.1's dialect is JSON Schema 2020-12 already, and each is found by its place, not an $id.
    return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]));
  }
}

const okEnvelope = (value: Json): Json => ({
  type: 'object',
  description: 'Done: `value` is the answer.',
  properties: { ok: { const: true }, value },
  required: ['ok', 'value'],
  additionalProperties: false,
});

/** An object schema's fields, without those the path or the route fills in. */
function bodyOf(schema: z.ZodType, leaveOut: readonly string[]): z.ZodType | null {
  if (!(schema instanceof z.ZodObject)) return schema;
  const keep = Object.keys(schema.shape).filter((key) => !leaveOut.includes(key));
  if (keep.length === Object.keys(schema.shape).length) return schema;
  return keep.length === 0 ? null : schema.pick(Object.fromEntries(keep.map((key) => [key, true])) as Record<string, true>);
}

/** Whether a body with this schema may be left out (every field optional: no body is {}). */
function bodyOptional(schema: z.ZodType): boolean {
  return schema.safeParse({}).success;
}

class DocumentBuilder {
  readonly components = new Components();
  readonly paths: Record<string, Record<string, Json>> = {};

  constructor() {
    for (const [id, schema] of Object.entries(viewSchemas)) this.components.name(schema, id);
    this.components.name(errorEnvelopeSchema, 'ErrorEnvelope');
    this.components.name(phoneStatePatchSchema, 'PhoneStatePatch');
  }

  /** `eachOperation`: the route standing for every operation (`/control/op/:name`), whose paths are named by the operation. */
  add(route: RouteInfo, eachOperation: RouteInfo | undefined): void {
    const { operation } = route.doc;
    if (operation && eachOperation && route.method === eachOperation.method && route.path === eachOperation.path.replace(':name', operation)) {
      this.operation(route, operation, 'operations');
      return;
    }
    if (route.doc.eachOperation) {
      for (const name of operationNames) {
        const path = route.path.replace(':name', name);
        // An operation with a route of its own at that very path (loadScenario's larger body) is documented there.
        if (this.paths[path]?.[route.method.toLowerCase()]) continue;
        this.operation({ ...route, path, description: `${route.description}: ${name}`, doc: { operation: name } }, name, 'operations');
      }
      return;
    }
    this.operation(route, operationIdOf(route.method, route.path), 'control');
  }

  private operation(route: RouteInfo, operationId: string, tag: 'control' | 'operations'): void {
    const { doc } = route;
    const op = doc.operation;
    const { path, names } = openApiPath(route.path);
    const request = op ? requestSchemas[op] : undefined;
    const requestShape = request instanceof z.ZodObject ? (request.shape as Record<string, z.ZodType>) : {};
    const parameters: Json[] = names.map((name) => {
      const field = doc.fromPath?.[name];
      const schema = field ? requestShape[field] : undefined;
      return { name, in: 'path', required: true, description: schema?.description ?? name, schema: schema ? this.inline(schema) : { type: 'string' } };
    });
    for (const parameter of doc.parameters ?? []) parameters.push(this.parameter(parameter));

    const operation: Json = {
      operationId,
      summary: route.description,
      ...(request?.description ? { description: op ? `${request.description} (operation \`${op}\`)` : request.description } : {}),
      tags: [tag],
      // The contract's operation the route runs, for tools (and the test that every one is documented).
      ...(op ? { 'x-operation': op } : {}),
      ...(parameters.length ? { parameters } : {}),
    };
    const hasBody = route.method === 'POST' && !doc.noBody;
    if (hasBody && request) {
      const leaveOut = [...Object.values(doc.fromPath ?? {}), ...Object.keys(doc.fixed ?? {})];
      const body = doc.bodyField ? (requestShape[doc.bodyField] ?? null) : bodyOf(request, leaveOut);
      if (body) {
        const schema = body === request ? this.components.name(request, `${op}Request`) : this.components.name(body, `${operationId}Body`);
        const content: Json = { 'application/json': { schema } };
        if (doc.yamlBody) for (const type of YAML_MEDIA_TYPES) content[type] = { schema: { type: 'string', description: 'A scenario file, as it is.' } };
        operation.requestBody = { required: doc.bodyField !== undefined || !bodyOptional(body), content };
      }
    }
    operation.responses = this.responses(route, hasBody);
    (this.paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }

  private responses(route: RouteInfo, hasBody: boolean): Json {
    const { doc } = route;
    const responses: Json = {};
    if (doc.only) {
      responses['200'] = { description: doc.only.description, content: { [doc.only.mediaType]: { schema: doc.only.schema ?? (doc.only.mediaType === 'application/json' ? { type: 'object' } : { type: 'string' }) } } };
    } else {
      const value = doc.answer ? this.components.name(doc.answer, `${operationIdOf(route.method, route.path)}Answer`) : doc.operation ? this.answer(doc.operation) : { type: 'object' };
      const content: Json = { 'application/json': { schema: okEnvelope(value) } };
      for (const [type, description] of Object.entries(doc.alsoAnswers ?? {})) content[type] = { schema: { type: 'string', description } };
      responses['200'] = { description: 'Done: the ok envelope.', content };
    }
    const refusals: Record<string, string> = {};
    for (const status of Object.keys(COMMON_REFUSALS)) refusals[status] = `#/components/responses/${status}`;
    if (doc.operation) for (const status of Object.keys(OPERATION_REFUSALS)) refusals[status] = `#/components/responses/${status}`;
    if (hasBody) for (const status of Object.keys(BODY_REFUSALS)) refusals[status] = `#/components/responses/${status}`;
    for (const [status, $ref] of Object.entries(refusals)) responses[status] = { $ref };
    for (const [status, description] of Object.entries(doc.refusals ?? {})) responses[status] = { description, content: { 'application/json': { schema: ref('ErrorEnvelope') } } };
    return responses;
  }

  private answer(op: OperationName): { $ref: string } {
    return this.components.name(answerSchemas[op], `${op}Answer`);
  }

  private parameter(parameter: ParameterDoc): Json {
    return { name: parameter.name, in: parameter.in, required: false, description: parameter.description, schema: this.inline(parameter.schema) };
  }

  /** A small schema written where it is used (a path name, a query parameter). */
  private inline(schema: z.ZodType): Json {
    const { $schema: _dialect, description: _said, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
    return json;
  }
}

const refusalResponses = (): Json =>
  Object.fromEntries(
    Object.entries({ ...COMMON_REFUSALS, ...OPERATION_REFUSALS, ...BODY_REFUSALS }).map(([status, { description, code }]) => [
      status,
      { description: `${description} (error.code ${code})`, content: { 'application/json': { schema: ref('ErrorEnvelope') } } },
    ]),
  );

const DESCRIPTION = [
  "Drives the SLS Simulator from scripts and tests: read the pending codes and the journal, change phones, move the virtual clock, load scenarios, and run any operation of the app's contract (`/control/op/{operation}`).",
  '',
  'Every route needs `Authorization: Bearer <token>` (the control token printed at start-up, or given with --token, SLS_TOKEN or --token-file), reads included. Requests a browser sends for a web page are refused (403).',
  '',
  'Every JSON answer is an envelope: `{"ok":true,"value":…}` or `{"ok":false,"error":{"code","message","issues"}}`. An address under /control that is no route answers 404 with the envelope; a route asked with a method it does not take answers 405 with the envelope and an `Allow` header.',
].join('\n');

/** The whole document for these routes (as `GET /control` lists them, with their docs). */
export function openApiDocument(routes: readonly RouteInfo[]): Json {
  const builder = new DocumentBuilder();
  const eachOperation = routes.find((route) => route.doc.eachOperation);
  for (const route of routes) builder.add(route, eachOperation);
  const components = { schemas: builder.components.schemas() };
  // The document's version is its content's: it changes whenever a route or a shape does, with nobody to remember it.
  const version = `1.0.0+${createHash('sha256').update(JSON.stringify([builder.paths, components])).digest('hex').slice(0, 12)}`;
  return {
    openapi: '3.1.0',
    info: { title: 'SLS Simulator control API', version, description: DESCRIPTION },
    servers: [{ url: 'http://127.0.0.1:{port}', description: 'The host started with --port or --control-port', variables: { port: { default: '4173' } } }],
    security: [{ controlToken: [] }],
    tags: [
      { name: 'control', description: 'Routes for testers: reads, phone faults, the clock, scenarios, the journal.' },
      { name: 'operations', description: "Every operation of the app's contract, with the JSON request the windows send (POST /control/op/<name>)." },
    ],
    paths: builder.paths,
    components: {
      ...components,
      responses: {
        ...refusalResponses(),
        405: {
          description: 'A route asked with a method it does not take (the Allow header lists those it does).',
          headers: { Allow: { description: 'The methods the route takes.', schema: { type: 'string' } } },
          content: { 'application/json': { schema: ref('ErrorEnvelope') } },
        },
      },
      securitySchemes: {
        controlToken: { type: 'http', scheme: 'bearer', description: 'The control token: printed at start-up, or given with --token, SLS_TOKEN or --token-file.' },
      },
    },
  };
}
