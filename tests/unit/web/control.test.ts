// The control API over a real loopback port: the token on every route, refusals of web pages, validation, the journal stream.
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../main/api/events.js';
import { fileLibrary } from '../../../main/host/scenario-library.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { startControlServer, type ControlServer } from '../../../main/host/control/server.js';
import { controlBanner } from '../../../main/host/control/start-info.js';
import { generateSecret, tokenMatches } from '../../../main/host/secret.js';
import { createWebServer } from '../../../main/web/server.js';
import { DEMO_PASSWORD, defaultScenarioText, demoScenario } from '../helpers.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string; issues?: { path: string; message: string }[] } };
}

let sim: Simulation;
let server: ControlServer;
let token: string;

function request(method: string, urlPath: string, options: { body?: string; headers?: Record<string, string>; target?: { port: number } } = {}): Promise<Reply> {
  const target = options.target ?? server;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: target.port, method, path: urlPath, headers: { host: `127.0.0.1:${target.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const auth = (t = token) => ({ authorization: `Bearer ${t}` });
const get = (urlPath: string, headers: Record<string, string> = auth()) => request('GET', urlPath, { headers });
const post = (urlPath: string, body?: unknown, headers: Record<string, string> = auth()) =>
  body === undefined
    ? request('POST', urlPath, { headers })
    : request('POST', urlPath, { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

/** Every mutation, with a body that would be accepted. */
const mutations: [string, unknown][] = [
  ['/control/phones/sms-phone/state', { airplane: true }],
  ['/control/phones/sms-phone/restart', undefined],
  ['/control/phones/android-phone/clear-app-data', undefined],
  ['/control/clock/advance', { ms: 60_000 }],
  ['/control/clock/pause', undefined],
  ['/control/clock/resume', undefined],
  ['/control/scenario', { name: 'happy-sms' }],
  ['/control/reset', undefined],
  ['/control/users/ibkeyios/seamless', { enabled: false }],
  ['/control/fobs/SNA-52903318/reset', undefined],
  ['/control/op/resetWorld', {}],
];
const reads = ['/control/pending', '/control/pending?username=smsuser', '/control/world', '/control/clock', '/control/scenario', '/control/scenarios', '/control/reasons', '/control/phones/sms-phone', '/control/scenario/export', '/control/journal', '/control/journal?after=0&format=jsonl', '/control/journal/stream', '/control/nothing-here'];

beforeEach(async () => {
  sim = new Simulation(demoScenario(), { library: fileLibrary() });
  server = await startControlServer({ sim, port: 0, token: generateSecret(), heartbeatMs: 60_000 });
  token = server.controlToken;
});
afterEach(async () => {
  await server.close();
});

describe('the token', () => {
  it('is random, URL-safe and 256 bits long, and the server exposes it with its URL', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(generateSecret());
    expect(server.controlUrl).toBe(`http://127.0.0.1:${server.port}/control`);
    const banner = controlBanner(server.controlUrl, { value: token, source: 'generated', warnings: [] }).join('\n');
    expect(banner).toContain(`Control API token: ${token}`);
    expect(banner).toContain(`curl -H 'Authorization: Bearer ${token}' '${server.controlUrl}/pending?username=smsuser'`);
  });

  it('matches only the exact bearer token', () => {
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(`bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(undefined, token)).toBe(false);
    expect(tokenMatches('Bearer', token)).toBe(false);
    expect(tokenMatches(`Basic ${token}`, token)).toBe(false);
    expect(tokenMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(tokenMatches(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(tokenMatches(`Bearer ${token} extra`, token)).toBe(false);
    expect(tokenMatches('Bearer ', '')).toBe(false);
  });

  it('is required by every change: 401 with a JSON error, and nothing changes', async () => {
    sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    const before = { clock: sim.getClock().now, journal: sim.getJournal({}).lastSeq };
    for (const [route, body] of mutations) {
      for (const headers of [{}, auth('not-the-token'), auth(`${token}x`), { authorization: token }]) {
        const reply = await post(route, body, headers);
        expect(reply.status, `${route} ${JSON.stringify(headers)}`).toBe(401);
        expect(reply.headers['www-authenticate']).toMatch(/^Bearer /);
        expect(reply.json()).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('Authorization: Bearer <token>') } });
      }
    }
    expect(sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(false);
    expect(sim.getClock().now).toBe(before.clock);
    expect(sim.getJournal({}).lastSeq).toBe(before.journal);
    expect(sim.getScenario().name).toBe('default');
  });

  it('is required by every read too, the pending codes first of all', async () => {
    sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    const code = sim.listPending({ username: 'smsuser' })[0]!.code!;
    for (const route of reads) {
      for (const headers of [{}, auth('wrong')]) {
        const reply = await get(route, headers);
        expect(reply.status, route).toBe(401);
        expect(reply.body).not.toContain(code);
        expect(reply.json().error!.code).toBe('unauthorized');
      }
    }
    expect(server.openStreams).toBe(0);
  });

  it('says whether the token was missing or wrong', async () => {
    expect((await get('/control/world', {})).json().error!.message).toMatch(/^This route needs the control API token/);
    expect((await get('/control/world', auth('nope'))).json().error!.message).toMatch(/^The control API token is wrong/);
  });
});

describe('refusals of web pages', () => {
  it('refuses any request a browser sends for a page, even with the token', async () => {
    const pages: Record<string, string>[] = [
      { origin: 'http://attacker.example' },
      { origin: `http://127.0.0.1:${server.port}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'same-origin' },
    ];
    for (const headers of pages) {
      const read = await get('/control/pending', { ...auth(), ...headers });
      expect(read.status, JSON.stringify(headers)).toBe(403);
      expect(read.json().error!.code).toBe('untrusted_sender');
      expect((await post('/control/reset', {}, { ...auth(), ...headers })).status).toBe(403);
    }
    // A person typing the URL (Sec-Fetch-Site: none) is not a page; without the token it is still 401.
    expect((await get('/control/world', { 'sec-fetch-site': 'none' })).status).toBe(401);
    expect((await get('/control/world', { ...auth(), 'sec-fetch-site': 'none' })).status).toBe(200);
  });

  it('answers only its own Host name (DNS rebinding) and sends no CORS headers', async () => {
    const rebound = await get('/control/world', { ...auth(), host: `attacker.example:${server.port}` });
    expect(rebound.status).toBe(403);
    const reply = await get('/control/world');
    expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('takes JSON (or YAML for a scenario), or no body at all', async () => {
    const plain = await request('POST', '/control/reset', { body: '{}', headers: { ...auth(), 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect(plain.json().error!.message).toBe('Send the request body as application/json');
    const form = await request('POST', '/control/clock/advance', { body: 'ms=1000', headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const yamlElsewhere = await request('POST', '/control/reset', { body: 'a: 1', headers: { ...auth(), 'content-type': 'application/yaml' } });
    expect(yamlElsewhere.status).toBe(415);
    const untyped = await request('POST', '/control/reset', { body: '{}', headers: auth() });
    expect(untyped.status).toBe(415);
    expect((await post('/control/reset')).status).toBe(200);
  });
});

describe('reads', () => {
  it('lists the pending code of a user, as the phone shows it', async () => {
    const login = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    const reply = await get('/control/pending?username=smsuser');
    expect(reply.status).toBe(200);
    const pending = reply.json().value as { username: string; loginId: string; kind: string; code: string }[];
    expect(pending).toEqual([expect.objectContaining({ username: 'smsuser', loginId: login.loginId, kind: 'code', code: expect.stringMatching(/^\d{6}$/) })]);
    sim.advance(5_000);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages.at(-1)!.text).toContain(pending[0]!.code);
    const all = (await get('/control/pending')).json().value as { username: string }[];
    expect(all.map((p) => p.username).sort()).toEqual(['ibkeyios', 'smsuser']);
  });

  it('shows the world, the clock, a phone and the library', async () => {
    expect((await get('/control/world')).json().value).toMatchObject({ scenario: { name: 'default' }, users: expect.arrayContaining([expect.objectContaining({ username: 'smsuser' })]) });
    expect((await get('/control/clock')).json().value).toMatchObject({ running: true });
    expect((await get('/control/phones/sms-phone')).json().value).toMatchObject({ id: 'sms-phone' });
    expect((await get('/control/phones/no-such-phone')).status).toBe(404);
    const library = (await get('/control/scenarios')).json().value as { name: string }[];
    expect(library.map((s) => s.name)).toContain('happy-sms');
  });

  it('pages through the journal, as JSON or JSON Lines', async () => {
    sim.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live' });
    const page = (await get('/control/journal')).json().value as { entries: JournalEntry[]; lastSeq: number };
    expect(page.entries.map((e) => e.type)).toEqual(['scenario.loaded', 'login.rejected']);
    const after = (await get(`/control/journal?after=1`)).json().value as { entries: JournalEntry[] };
    expect(after.entries.map((e) => e.seq)).toEqual([2]);
    const lines = await get('/control/journal?format=jsonl');
    expect(lines.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(lines.body.trim().split('\n').map((l) => (JSON.parse(l) as JournalEntry).type)).toEqual(['scenario.loaded', 'login.rejected']);
  });

  it('names the bad query parameter', async () => {
    const reply = await get('/control/journal?after=soon');
    expect(reply.status).toBe(400);
    expect(reply.json().error!.message).toMatch(/^Invalid request for getJournal: afterSeq: /);
    expect((await get('/control/journal?format=xml')).json().error!.message).toBe('format: must be json or jsonl');
    expect((await get('/control/pending?username=a&username=b')).json().error!.message).toMatch(/username: /);
  });
});

describe('changes', () => {
  it('sets a phone\'s state, and the phone follows', async () => {
    const reply = await post('/control/phones/sms-phone/state', { airplane: true, signal: 1 });
    expect(reply.status).toBe(200);
    expect(reply.json().value).toMatchObject({ id: 'sms-phone', status: { airplane: true, signal: 1 } });
    expect(sim.getPhone({ phoneId: 'sms-phone' }).status).toMatchObject({ airplane: true, signal: 1, wifi: true });
  });

  it('refuses a bad body with 400, naming the field, and changes nothing', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['/control/phones/sms-phone/state', { airplane: 'yes' }, /^Invalid request for setPhoneState: patch\.airplane: /],
      ['/control/phones/sms-phone/state', { flightMode: true }, /^Invalid request for setPhoneState: patch: .*flightMode/],
      ['/control/phones/sms-phone/state', undefined, /^Invalid request for setPhoneState: patch: /],
      ['/control/clock/advance', { ms: -5 }, /^Invalid request for advanceClock: ms: /],
      ['/control/clock/advance', {}, /^Invalid request for advanceClock: ms: /],
      ['/control/clock/advance', { ms: 1000, by: 'me' }, /^Invalid request for advanceClock: .*by/],
      ['/control/users/smsuser/seamless', { enabled: 'on' }, /^Invalid request for setSeamless: enabled: /],
      ['/control/scenario', { name: '' }, /^Invalid request for loadScenario: /],
      ['/control/reset', { hard: true }, /^Invalid request for resetWorld: .*hard/],
      ['/control/reset', [1, 2], /^The request body must be a JSON object$/],
      ['/control/op/submitCredentials', { username: 'smsuser', password: DEMO_PASSWORD, mode: 'demo' }, /^Invalid request for submitCredentials: mode: /],
    ];
    const journal = sim.getJournal({}).lastSeq;
    for (const [route, body, message] of cases) {
      const reply = await post(route, body);
      expect(reply.status, route).toBe(400);
      expect(reply.json().error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(message) });
    }
    expect((await post('/control/phones/sms-phone/state', '{"airplane": ')).json().error!.message).toBe('The request body is not valid JSON');
    expect(sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(false);
    expect(sim.getJournal({}).lastSeq).toBe(journal);
  });

  it('names the phone and its notification in a push entry of /pending (none while the network holds the push)', async () => {
    const started = sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(5_000);
    const [entry] = (await get('/control/pending?username=ibkeyios')).json().value as { kind: string; loginId: string; push?: unknown }[];
    const shown = sim.getPhone({ phoneId: 'ios-phone' }).notifications.find((n) => n.source.kind === 'push');
    expect(shown).toBeDefined();
    expect(entry).toMatchObject({ kind: 'push', loginId: started.loginId, push: { phoneId: 'ios-phone', notificationId: shown!.id, delivered: true } });

    sim.resetWorld({});
    sim.setPhoneState({ phoneId: 'ios-phone', patch: { airplane: true } });
    sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(5_000);
    const [held] = (await get('/control/pending?username=ibkeyios')).json().value as { push?: unknown }[];
    expect(held).toMatchObject({ push: { phoneId: 'ios-phone', notificationId: null, delivered: false } });
    // Entries of other kinds carry no push part.
    sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    const [code] = (await get('/control/pending?username=smsuser')).json().value as { kind: string; push?: unknown }[];
    expect(code).toMatchObject({ kind: 'code' });
    expect(code!.push).toBeUndefined();
  });

  it('answers 404 for a phone, user, fob or operation that does not exist', async () => {
    expect((await post('/control/phones/pager/state', { airplane: true })).status).toBe(404);
    expect((await post('/control/fobs/SNA-0/reset')).status).toBe(404);
    expect((await post('/control/op/launchRockets', {})).json().error!.code).toBe('unknown_operation');
    expect((await get('/control/nothing-here')).json().error).toMatchObject({ code: 'not_found' });
  });

  it('answers a wrong method with a 405 envelope naming the methods the route takes (and Allow), and any other address with a 404 envelope', async () => {
    for (const [method, route, allow] of [
      ['GET', '/control/reset', 'POST'],
      ['DELETE', '/control/phones/sms-phone/state', 'POST'],
      ['POST', '/control/world', 'GET, HEAD'],
      ['PUT', '/control/scenario', 'GET, HEAD, POST'],
      ['PATCH', '/control/op/getClock', 'POST'],
      ['OPTIONS', '/control/pending', 'GET, HEAD'],
    ] as const) {
      const reply = await request(method, route, { headers: auth() });
      expect(reply.status, `${method} ${route}`).toBe(405);
      expect(reply.headers.allow, `${method} ${route}`).toBe(allow);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining(`not ${method}`) } });
    }
    expect((await request('GET', '/control/reset', { headers: auth() })).json().error!.message).toBe('/control/reset takes POST, not GET; GET /control lists the routes');
    for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
      const reply = await request(method, '/control/no/such/route', { headers: auth() });
      expect(reply.status, method).toBe(404);
      expect(reply.json(), method).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    // The token still comes first: without it, a wrong method says nothing about the routes.
    const anonymous = await request('GET', '/control/reset');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.allow).toBeUndefined();
  });

  it('moves, pauses and resumes the clock', async () => {
    const start = sim.getClock().now;
    expect((await post('/control/clock/advance', { ms: 120_000 })).json().value).toMatchObject({ now: start + 120_000 });
    expect(sim.getClock().now).toBe(start + 120_000);
    expect((await post('/control/clock/pause')).json().value).toMatchObject({ running: false });
    expect(sim.running).toBe(false);
    await post('/control/clock/resume', {});
    expect(sim.running).toBe(true);
  });

  it('restarts a phone, switches Seamless, resets the world', async () => {
    sim.setPhoneState({ phoneId: 'sms-phone', patch: { smsStuck: true } });
    expect((await post('/control/phones/sms-phone/restart')).status).toBe(200);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).status.smsStuck).toBe(false);
    expect((await post('/control/users/ibkeyios/seamless', { enabled: false })).status).toBe(200);
    expect(sim.getWorld().users.find((u) => u.username === 'ibkeyios')!.seamless).toBe(false);
    sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    expect((await post('/control/reset')).status).toBe(200);
    expect(sim.listPending({})).toEqual([]);
  });

  it('drives a whole login through /control/op, reading the code from /control/pending', async () => {
    const login = (await post('/control/op/submitCredentials', { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' })).json().value as { loginId: string };
    const [pending] = (await get('/control/pending?username=smsuser')).json().value as { code: string }[];
    const done = (await post('/control/op/submitCode', { loginId: login.loginId, code: pending!.code })).json().value;
    expect(done).toMatchObject({ step: 'loggedIn', username: 'smsuser' });
  });
});

describe('loading a scenario', () => {
  it('loads a built-in one by name, a file\'s text as JSON, or the YAML file itself', async () => {
    // One envelope: the value is the world, not the operation's own {"ok":true,…} wrapped again.
    const loaded = (await post('/control/scenario', { name: 'happy-sms' })).json();
    expect(loaded).toMatchObject({ ok: true, value: { world: { scenario: { name: 'happy-sms' } } } });
    expect(Object.keys(loaded.value as object)).toEqual(['world']);
    const text = defaultScenarioText.replace(/^name: .*$/m, 'name: from-json');
    expect((await post('/control/scenario', { text, fileName: 'mine.yaml' })).status).toBe(200);
    expect(sim.getScenario().name).toBe('from-json');
    const yaml = await request('POST', '/control/scenario?fileName=take2.yaml', {
      body: defaultScenarioText.replace(/^name: .*$/m, 'name: from-yaml'),
      headers: { ...auth(), 'content-type': 'application/yaml' },
    });
    expect(yaml.status).toBe(200);
    expect(sim.getScenario().name).toBe('from-yaml');
  });

  it('answers 422 with every problem of a bad file, and the running scenario carries on', async () => {
    const reply = await request('POST', '/control/scenario?fileName=broken.yaml', { body: 'name: broken\nseed: 1\nphones: 12\n', headers: { ...auth(), 'content-type': 'text/yaml' } });
    expect(reply.status).toBe(422);
    const { error } = reply.json();
    expect(error!.message).toMatch(/^The scenario was not loaded \(\d+ problems?\); the running scenario is unchanged$/);
    expect(error!.issues!.length).toBeGreaterThan(0);
    for (const issue of error!.issues!) expect(issue.message).toMatch(/^broken\.yaml:\d+:\d+: /);
    expect(error!.issues!.map((i) => i.path)).toContain('phones');
    expect(sim.getScenario().name).toBe('default');
    expect((await post('/control/scenario', { name: 'no-such-scenario' })).status).toBe(404);
  });

  it('exports the running world as YAML (text/yaml), which loads back through POST /control/scenario to the same world', async () => {
    await post('/control/phones/sms-phone/state', { airplane: true });
    await post('/control/users/ibkeyios/seamless', { enabled: false });
    await post('/control/clock/advance', { ms: 90_000 });
    const before = sim.getWorld();
    const saved = await get('/control/scenario/export');
    expect(saved.status).toBe(200);
    expect(saved.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(saved.headers['content-disposition']).toBe('attachment; filename="default-saved.yaml"');
    expect(saved.body).toMatch(/^# Saved world: scenario "default" at 2026-03-02T14:31:30\.000Z/);
    await post('/control/reset');
    expect(sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(false);
    const loaded = await request('POST', '/control/scenario?fileName=default-saved.yaml', { body: saved.body, headers: { ...auth(), 'content-type': 'text/yaml' } });
    expect(loaded.status).toBe(200);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(true);
    const { clock, ...world } = sim.getWorld();
    expect({ ...world, clock: clock.now }).toEqual({ ...before, clock: before.clock.now });
    expect(world.users.find((u) => u.username === 'ibkeyios')!.seamless).toBe(false);
  });

  it('takes up to 1.1 MB for a scenario, 64 KB elsewhere', async () => {
    // 8,000 long comment lines: within a scenario file's 10,000 lines (main/sim/scenario/limits.ts).
    const padded = `${defaultScenarioText.replace(/^name: .*$/m, 'name: padded')}\n${`# a long comment line for padding${' .'.repeat(24)}\n`.repeat(8_000)}`;
    expect(padded.length).toBeGreaterThan(600_000);
    const yaml = await request('POST', '/control/scenario', { body: padded, headers: { ...auth(), 'content-type': 'application/yaml' } });
    expect(yaml.status).toBe(200);
    expect(sim.getScenario().name).toBe('padded');
    expect((await post('/control/op/loadScenario', { text: padded, fileName: 'padded.yaml' })).status).toBe(200);

    const huge = await request('POST', '/control/scenario', { body: 'x'.repeat(1_200_000), headers: { ...auth(), 'content-type': 'application/yaml' } });
    expect(huge.status).toBe(413);
    expect(huge.json().error!.message).toBe('The request body is larger than 1.1 MB');
    const big = await post('/control/phones/sms-phone/state', { airplane: true, pad: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(big.json().error!.message).toBe('The request body is larger than 64 KB');
  });
});

describe('journal stream', () => {
  function openStream(path: string, headers = auth()): Promise<{ entries: JournalEntry[]; ids: string[]; res: http.IncomingMessage; close: () => void }> {
    return new Promise((resolve, reject) => {
      const entries: JournalEntry[] = [];
      const ids: string[] = [];
      const req = http.get({ host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of message.split('\n')) {
              if (line.startsWith('data: ')) entries.push(JSON.parse(line.slice(6)) as JournalEntry);
              if (line.startsWith('id: ')) ids.push(line.slice(4));
            }
          }
        });
        resolve({ entries, ids, res, close: () => req.destroy() });
      });
      req.on('error', reject);
    });
  }

  async function until(check: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  }

  it('sends each journal entry as it is recorded, and nothing else', async () => {
    const stream = await openStream('/control/journal/stream');
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);
    await until(() => server.openStreams === 1, 'the stream to open');
    expect(stream.entries).toEqual([]);

    sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    await until(() => stream.entries.some((e) => e.type === 'code.issued'), 'the code to be issued');
    sim.advance(5_000);
    await until(() => stream.entries.some((e) => e.type === 'sms.delivered'), 'the SMS to be delivered');
    expect(stream.entries.map((e) => e.type)).toEqual(sim.getJournal({ afterSeq: 1 }).entries.map((e) => e.type));
    expect(stream.ids).toEqual(stream.entries.map((e) => String(e.seq)));
    stream.close();
    await until(() => server.openStreams === 0, 'the stream to close');
  });

  it('replays the entries after ?after=N first, and starts over with a new scenario', async () => {
    sim.submitCredentials({ username: 'smsuser', password: 'wrong', mode: 'live' });
    sim.submitCredentials({ username: 'smsuser', password: 'wrong again', mode: 'live' });
    const stream = await openStream('/control/journal/stream?after=1');
    await until(() => stream.entries.length === 2, 'the replay');
    expect(stream.entries.map((e) => [e.seq, e.type])).toEqual([
      [2, 'login.rejected'],
      [3, 'login.rejected'],
    ]);
    await post('/control/reset');
    await until(() => stream.entries.some((e) => e.type === 'scenario.loaded'), 'the new journal');
    expect(stream.entries.at(-1)).toMatchObject({ seq: 1, type: 'scenario.loaded' });
    stream.close();
  });

  it('refuses a bad ?after before it starts streaming', async () => {
    const reply = await get('/control/journal/stream?after=-3');
    expect(reply.status).toBe(400);
    expect(server.openStreams).toBe(0);
  });
});

describe('hosts', () => {
  it('serves the control API alone when there is no renderer (Electron\'s --control-port)', async () => {
    // server (above) is main/host's control server: no pages and no windows' API on this port.
    expect((await request('GET', '/')).status).toBe(404);
    expect((await request('POST', '/api/op/getClock', { body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
    expect((await request('GET', '/api/events')).status).toBe(404);
    expect((await get('/control/clock')).status).toBe(200);
  });

  it('can be turned off, and then there is no token and no /control', async () => {
    const off = await createWebServer({ sim, port: 0, control: false, rendererDir: '/nonexistent' });
    try {
      expect(off.controlToken).toBeNull();
      expect(off.controlUrl).toBeNull();
      // Even with the pages' session, /control is only a path without a page.
      expect((await request('GET', '/control/world', { headers: auth(off.sessionToken), target: off })).status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('takes a token of the caller\'s, and listens on 127.0.0.1 only', async () => {
    const own = await createWebServer({ sim, port: 0, rendererDir: '/nonexistent', token: 'a-token-of-the-callers-choosing-1234567890' });
    try {
      expect((await request('GET', '/control/clock', { headers: auth('a-token-of-the-callers-choosing-1234567890'), target: own })).status).toBe(200);
      expect(own.app.server.address()).toMatchObject({ address: '127.0.0.1' });
    } finally {
      await own.close();
    }
    await expect(createWebServer({ sim, port: 0, rendererDir: '/nonexistent', host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1 only/);
    await expect(startControlServer({ sim, port: 0, token: generateSecret(), host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1 only/);
  });
});
