// GET /control/openapi.json: a valid OpenAPI 3.1 document of every control route and every operation, from the route table and the contract's schemas.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchemas, errorEnvelopeSchema } from '../../../main/api/answer-schemas.js';
import { operationNames, type OperationName } from '../../../main/api/names.js';
import { startControlServer, type ControlServer } from '../../../main/host/control/server.js';
import { fileLibrary } from '../../../main/host/scenario-library.js';
import { generateSecret } from '../../../main/host/secret.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { DEMO_PASSWORD, demoScenario, latestCode } from '../helpers.js';

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  'x-operation'?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, Json>;
}
interface Document {
  openapi: string;
  info: { version: string };
  security: Json[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Record<string, Json> };
}

let sim: Simulation;
let server: ControlServer;

async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) {
  const reply = await server.app.inject({
    method,
    url,
    headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.controlToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return { status: reply.statusCode, type: String(reply.headers['content-type']), json: () => JSON.parse(reply.body) as Json };
}

let document: Document;
let routes: { method: string; path: string; description: string }[];

beforeAll(async () => {
  sim = new Simulation(demoScenario(), { library: fileLibrary() });
  server = await startControlServer({ sim, port: 0, token: generateSecret(), heartbeatMs: 60_000 });
  const served = await call('GET', '/control/openapi.json');
  expect(served.status).toBe(200);
  expect(served.type).toContain('application/json');
  document = served.json() as unknown as Document;
  routes = ((await call('GET', '/control')).json().value as { routes: typeof routes }).routes;
});
afterAll(async () => {
  await server.close();
});

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
const operations = () => Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
const resolve = (schema: Json): Json => (typeof schema.$ref === 'string' ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]! : schema);

describe('the OpenAPI document', () => {
  it('validates against the OpenAPI 3.1 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(document.openapi).toBe('3.1.0');
    // The validator does look: the same document without its info is refused.
    const { info: _info, ...broken } = structuredClone(document);
    expect((await new Validator().validate(broken as never)).valid).toBe(false);
  });

  it('has every route GET /control lists, with its method, and no other path but the operations', () => {
    expect(routes).toContainEqual(expect.objectContaining({ method: 'GET', path: '/control/openapi.json' }));
    const expanded = routes.find((r) => r.path.endsWith('/:name'))!;
    for (const route of routes) {
      if (route === expanded) continue;
      expect(document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
    const listed = new Set(routes.map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`));
    const prefix = expanded.path.replace(':name', '');
    for (const { path, method } of operations()) {
      if (!listed.has(`${method} ${path}`)) expect(path.startsWith(prefix) && method === expanded.method.toLowerCase(), `${method} ${path}`).toBe(true);
    }
  });

  it('documents every operation of the contract at POST /control/op/<name>, with its request and its answer', () => {
    for (const name of operationNames) {
      const op = document.paths[`/control/op/${name}`]?.post;
      expect(op?.['x-operation'], name).toBe(name);
      const ok = resolve(op!.responses['200']!.content ? (op!.responses['200'] as { content: Record<string, { schema: Json }> }).content['application/json']!.schema : {});
      expect((ok.properties as Json).value, name).toBeDefined();
      const request = op!.requestBody?.content['application/json']?.schema;
      // Operations whose request has fields document it; the rest take {} or no body at all.
      if (request) expect(resolve(request).type === 'object' || Array.isArray(resolve(request).anyOf), name).toBe(true);
    }
    const login = document.paths['/control/op/submitCredentials']!.post!;
    expect(login.requestBody!.required).toBe(true);
    const body = resolve(login.requestBody!.content['application/json']!.schema);
    expect(Object.keys(body.properties as Json)).toEqual(['username', 'password', 'mode', 'phoneId', 'readOnly', 'surface']);
    expect(body.required).toEqual(['username', 'password', 'mode']);
    expect(((login.responses['200'] as { content: Record<string, { schema: { properties: { value: Json } } }> }).content['application/json']!.schema.properties.value)).toEqual({
      $ref: '#/components/schemas/LoginView',
    });
  });

  it('gives each operation a unique operationId, the operations their own names', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const name of operationNames) expect(document.paths[`/control/op/${name}`]!.post!.operationId).toBe(name);
  });

  it('takes what the path fills in out of the body: /phones/{id}/restart has no body, /users/{username}/seamless only enabled', () => {
    const restart = document.paths['/control/phones/{id}/restart']!.post!;
    expect(restart.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
    expect(restart.requestBody).toBeUndefined();
    const seamless = document.paths['/control/users/{username}/seamless']!.post!;
    expect(Object.keys(resolve(seamless.requestBody!.content['application/json']!.schema).properties as Json)).toEqual(['enabled']);
    const state = document.paths['/control/phones/{id}/state']!.post!;
    expect(state.requestBody!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/PhoneStatePatch' });
    expect(document.paths['/control/pending']!.get!.parameters).toEqual([expect.objectContaining({ name: 'username', in: 'query' })]);
    expect(Object.keys(document.paths['/control/scenario']!.post!.requestBody!.content)).toContain('application/yaml');
  });

  it('documents the envelopes, the 404 and 405 refusals and the bearer token', () => {
    expect(document.components.securitySchemes.controlToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ controlToken: [] }]);
    const envelope = document.components.schemas.ErrorEnvelope!;
    expect(envelope.required).toEqual(['ok', 'error']);
    for (const status of ['400', '401', '403', '404', '405', '409', '500']) {
      expect((document.components.responses[status] as { content: Record<string, { schema: Json }> }).content['application/json']!.schema, status).toEqual({
        $ref: '#/components/schemas/ErrorEnvelope',
      });
    }
    for (const { path, method, op } of operations()) {
      for (const status of ['401', '403', '404']) expect(op.responses[status], `${method} ${path} ${status}`).toBeDefined();
    }
    expect(document.paths['/control/scenario']!.post!.responses['422']).toBeDefined();
    expect(document.paths['/control/journal/stream']!.get!.responses['503']).toBeDefined();
  });
});

describe('the answers the document describes', () => {
  it('are what the routes answer: a whole SMS login through /control/op, each answer parsed by its schema', async () => {
    const answers: [OperationName, unknown][] = [];
    const op = async (name: OperationName, body: unknown) => {
      const reply = await call('POST', `/control/op/${name}`, body);
      expect(reply.status, name).toBe(200);
      const value = reply.json().value;
      answers.push([name, value]);
      return value as Json;
    };
    const login = await op('submitCredentials', { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    await op('advanceClock', { ms: 10_000 });
    await op('listPending', {});
    await op('getPhone', { phoneId: 'sms-phone' });
    await op('submitCode', { loginId: login.loginId, code: latestCode(sim) });
    await op('getJournal', {});
    await op('getWorld', {});
    await op('getReasons', {});
    await op('listScenarios', {});
    await op('loadScenario', { name: 'happy-sms' });
    for (const [name, value] of answers) {
      const parsed = answerSchemas[name].safeParse(value);
      expect(parsed.error?.issues ?? [], name).toEqual([]);
    }
  });

  it('refuse in the documented envelope: an unknown route (404), a wrong method (405), a bad body (400)', async () => {
    for (const [method, url, status] of [
      ['GET', '/control/nothing-here', 404],
      ['DELETE', '/control/openapi.json', 405],
      ['PUT', '/control/reset', 405],
      ['POST', '/control/op/noSuchOperation', 404],
    ] as const) {
      const reply = await call(method, url);
      expect(reply.status, url).toBe(status);
      expect(errorEnvelopeSchema.safeParse(reply.json()).success, url).toBe(true);
    }
    const bad = await call('POST', '/control/clock/advance', { ms: -1 });
    expect(bad.status).toBe(400);
    expect(errorEnvelopeSchema.parse(bad.json()).error.issues).toEqual([expect.objectContaining({ path: 'ms' })]);
  });
});
