// The browser host over a real loopback port: envelopes and status codes, its defences, and the event stream.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../main/api/events.js';
import type { Simulation } from '../../../main/sim/simulation.js';
import { createWebServer, type WebServer } from '../../../main/web/server.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/api/csp.js';
import { sessionCookieName } from '../../../main/web/session.js';
import { demoSim, DEMO_PASSWORD } from '../helpers.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let sim: Simulation;
let server: WebServer;
let rendererDir: string;

/** A page's session cookie, as the browser sends it once the printed address was opened. */
const session = () => ({ cookie: `${sessionCookieName(server.port)}=${server.sessionToken}` });

/** A request from the simulator's own page (with its session), unless `anonymous`. */
function request(method: string, urlPath: string, options: { body?: string; headers?: Record<string, string>; anonymous?: boolean } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${server.port}`, ...(options.anonymous ? {} : session()), ...options.headers };
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method, path: urlPath, headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Opens an event stream with `headers`; resolves once its head is in. */
function openEvents(headers: Record<string, string>, urlPath = '/api/events'): Promise<{ res: http.IncomingMessage; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: urlPath, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      res.resume();
      resolve({ res, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
  request('POST', `/api/op/${op}`, { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

beforeEach(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'sls-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  sim = demoSim();
  server = await createWebServer({ sim, rendererDir, port: 0, heartbeatMs: 50 });
});

afterEach(async () => {
  await server.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('operations', () => {
  it('answers an operation with its envelope and 200', async () => {
    const reply = await post('submitCredentials', { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body);
    expect(envelope).toMatchObject({ ok: true, value: { step: 'securityCode', username: 'smsuser' } });
  });

  it('refuses an invalid payload with 400 and a message naming the field', async () => {
    const reply = await post('submitCredentials', { username: 'smsuser', password: DEMO_PASSWORD, mode: 'demo' });
    expect(reply.status).toBe(400);
    const { ok, error } = JSON.parse(reply.body);
    expect(ok).toBe(false);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/^Invalid request for submitCredentials: mode: /);
  });

  it('answers an unknown operation with 404', async () => {
    const reply = await post('launchRockets', {});
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body).error).toEqual({ code: 'unknown_operation', message: 'Unknown operation "launchRockets"' });
  });

  it('maps the simulation\'s refusals to their status (not found 404, wrong state 409)', async () => {
    expect((await post('submitCode', { loginId: 'L42', code: '123456' })).status).toBe(404);
    const started = JSON.parse((await post('submitCredentials', { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' })).body);
    const reply = await post('acceptPaperWarning', { loginId: started.value.loginId });
    expect(reply.status).toBe(409);
    expect(JSON.parse(reply.body).error.code).toBe('wrong_state');
  });

  it('refuses a body that is not JSON with 400 and says so', async () => {
    const reply = await post('getWorld', '{"username": ');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'invalid_request', message: 'The request body is not valid JSON' } });
  });

  it('refuses an empty JSON body and prototype pollution with 400', async () => {
    expect((await post('getWorld', '')).status).toBe(400);
    const reply = await post('getWorld', '{"__proto__": {"polluted": true}}');
    expect(reply.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('requires content-type application/json on POST (415)', async () => {
    const plain = await request('POST', '/api/op/getWorld', { body: '{}', headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect(JSON.parse(plain.body).error.message).toBe('Send the request body as application/json');
    const none = await request('POST', '/api/op/getWorld', { body: '{}' });
    expect(none.status).toBe(415);
    expect((await post('getWorld', {}, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('refuses a body over 64 KB with 413, except a scenario file\'s text', async () => {
    const reply = await post('setPhoneState', { phoneId: 'sms-phone', patch: {}, padding: 'x'.repeat(70 * 1024) });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error).toEqual({ code: 'invalid_request', message: 'The request body is larger than 64 KB' });
    expect((await post('getClock', '{}' + ' '.repeat(63 * 1024))).status).toBe(200);
  });

  it('takes a scenario file of up to 1 MB (1.1 MB request) through loadScenario, no more', async () => {
    // Past the 64 KB limit, so the file reaches the loader, which says what is wrong with it.
    const text = `name: big\n${'# padding\n'.repeat(90_000)}`;
    const big = await post('loadScenario', { text, fileName: 'big.yaml' });
    expect(big.status).toBe(200);
    expect(JSON.parse(big.body).value).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ file: 'big.yaml' })]) });
    expect(sim.getScenario().name).toBe('default');

    const tooBig = await post('loadScenario', { text: 'x'.repeat(1_200_000), fileName: 'huge.yaml' });
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body).error.message).toBe('The request body is larger than 1.1 MB');
  }, 120_000); // parsing a megabyte of YAML, twice over HTTP: slow on a loaded machine

  it('sends no CORS headers', async () => {
    const reply = await post('getClock', {});
    expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const preflight = await request('OPTIONS', '/api/op/getClock', { headers: { origin: `http://127.0.0.1:${server.port}`, 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps answering after bad input', async () => {
    await post('getWorld', '{{{');
    await post('nope', 'null');
    await request('POST', '/api/op/getWorld', { body: '\u0000\u0001' });
    expect((await post('getClock', {})).status).toBe(200);
  });
});

describe('defences', () => {
  it('refuses a Host header that is not its own address (DNS rebinding)', async () => {
    const reply = await request('GET', '/', { headers: { host: `attacker.example:${server.port}` } });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.code).toBe('untrusted_sender');
    expect((await post('getClock', {}, { host: `127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await request('GET', '/', { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('refuses requests sent by another site\'s page', async () => {
    const reply = await post('resetWorld', {}, { origin: 'http://attacker.example' });
    expect(reply.status).toBe(403);
    expect((await post('getClock', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('serves the renderer with the Content-Security-Policy header', async () => {
    const reply = await request('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown API paths with an envelope, other paths with 404', async () => {
    const api = await request('GET', '/api/nothing');
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body).ok).toBe(false);
    const traversal = await request('GET', '/../../etc/passwd');
    expect([403, 404]).toContain(traversal.status);
    expect(traversal.body).not.toContain('root:');
  });

  it('answers a method other than GET on a page, or on an unknown API path, with a 404 envelope', async () => {
    for (const [method, urlPath] of [['POST', '/index.html'], ['DELETE', '/'], ['PUT', '/assets/none.js'], ['PATCH', '/api/nothing'], ['DELETE', '/api/op']]) {
      const reply = await request(method!, urlPath!, { body: '{}', headers: { 'content-type': 'application/json', 'content-length': '2' } });
      expect(reply.status, `${method} ${urlPath} ${reply.body}`).toBe(404);
      expect(reply.headers['content-type'], `${method} ${urlPath}`).toMatch(/^application\/json/);
      expect(JSON.parse(reply.body), `${method} ${urlPath}`).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    // A known API address asked with another method: 405, with the methods it takes.
    const wrong = await request('GET', '/api/op/getClock');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: '/api/op/getClock takes POST, not GET' } });
    // A browser asking for a missing file still gets a word, not JSON.
    const missing = await request('GET', '/no-such-file.txt');
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('Not found');
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.app.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.sessionToken}`);
  });
});

describe('session', () => {
  it('trades the printed address\'s token for a session cookie, scripts cannot read it and other sites do not get it', async () => {
    const reply = await request('GET', `/?token=${server.sessionToken}`, { anonymous: true });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toContain(`sls_session_${server.port}=${server.sessionToken}`);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
    // With the cookie, the page and the operations.
    expect((await request('GET', '/')).status).toBe(200);
    expect((await post('getClock', {})).status).toBe(200);
  });

  it('keeps presenter mode in the address it sends the page on to, and nothing else of the query', async () => {
    const reply = await request('GET', `/?token=${server.sessionToken}&present&other=1`, { anonymous: true });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/?present');
  });

  it('refuses the operations and the event stream without the session, and a wrong token gets none', async () => {
    const guesses = [{}, { cookie: `sls_session_${server.port}=guess` }, { cookie: `sls_session=${server.sessionToken}` }, { authorization: 'Bearer guess' }];
    for (const headers of guesses as Record<string, string>[]) {
      const op = await request('POST', '/api/op/listPending', { body: '{}', headers: { 'content-type': 'application/json', ...headers }, anonymous: true });
      expect(op.status).toBe(401);
      expect(JSON.parse(op.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect((await request('GET', '/api/events', { headers, anonymous: true })).status).toBe(401);
    }
    const wrong = await request('GET', '/?token=guess', { anonymous: true });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body).toContain('Open the address the simulator printed');
    expect(wrong.body.toLowerCase()).toContain('session token');
  });

  it('shows how to get in instead of the app at a bare address; tools may send the token as a bearer', async () => {
    const bare = await request('GET', '/', { anonymous: true });
    expect(bare.status).toBe(401);
    expect(bare.body).toContain('npm run web');
    expect(bare.body).not.toContain('<title>t</title>');
    const tool = await request('POST', '/api/op/getClock', { body: '{}', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.sessionToken}` }, anonymous: true });
    expect(tool.status).toBe(200);
  });
});

describe('session secrets', () => {
  const withoutSession = (method: string, urlPath: string) =>
    request(method, urlPath, { anonymous: true, ...(method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}) });

  it('the session secret is its own: not the control token, and neither opens the other\'s routes', async () => {
    expect(server.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.sessionToken).not.toBe(server.controlToken);
    expect(server.url).not.toContain(server.controlToken!);
    // The page's cookie (and the secret as a bearer) are refused by the control API...
    for (const headers of [session(), { authorization: `Bearer ${server.sessionToken}` }]) {
      const control = await request('GET', '/control/pending', { anonymous: true, headers });
      expect(control.status).toBe(401);
      expect(JSON.parse(control.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    // ...and the control token opens neither the pages nor the windows' API, nor is it traded for a cookie.
    const control = { authorization: `Bearer ${server.controlToken}` };
    expect((await request('POST', '/api/op/getClock', { anonymous: true, body: '{}', headers: { 'content-type': 'application/json', ...control } })).status).toBe(401);
    expect((await request('GET', '/', { anonymous: true, headers: control })).status).toBe(401);
    expect((await request('GET', '/api/events', { anonymous: true, headers: { cookie: `${server.sessionCookieName}=${server.controlToken}` } })).status).toBe(401);
    const traded = await withoutSession('GET', `/?token=${server.controlToken}`);
    expect(traded.status).toBe(401);
    expect(traded.headers['set-cookie']).toBeUndefined();
    expect((await request('GET', '/control/clock', { anonymous: true, headers: control })).status).toBe(200);
  });

  it('a new session replaces the secret: the old cookie and address stop working, the asking page gets the new cookie', async () => {
    const oldToken = server.sessionToken;
    const oldUrl = server.url;
    const announced: string[] = [];
    const own = await createWebServer({ sim: demoSim(), rendererDir, port: 0, onNewSession: (url) => announced.push(url) });
    try {
      const headers = (token: string) => ({ host: `127.0.0.1:${own.port}`, cookie: `${own.sessionCookieName}=${token}`, 'content-type': 'application/json' });
      const first = own.sessionToken;
      const renewed = await fetch(`${own.origin}api/session`, { method: 'POST', headers: headers(first), body: '{}' });
      expect(renewed.status).toBe(200);
      const { value } = (await renewed.json()) as { value: { url: string } };
      expect(own.sessionToken).not.toBe(first);
      expect(value.url).toBe(`${own.origin}?token=${own.sessionToken}`);
      expect(own.url).toBe(value.url);
      expect(announced).toEqual([value.url]);
      const cookie = renewed.headers.get('set-cookie')!;
      expect(cookie).toContain(`${own.sessionCookieName}=${own.sessionToken}`);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);

      // The old cookie and the old address are refused; the new ones work.
      const op = (token: string) => fetch(`${own.origin}api/op/getClock`, { method: 'POST', headers: headers(token), body: '{}' });
      expect((await op(first)).status).toBe(401);
      expect((await op(own.sessionToken)).status).toBe(200);
      expect((await fetch(`${own.origin}?token=${first}`, { redirect: 'manual' })).status).toBe(401);
      expect((await fetch(value.url, { redirect: 'manual' })).status).toBe(303);
      // Only a page with the session may start a new one.
      expect((await fetch(`${own.origin}api/session`, { method: 'POST', headers: headers(first), body: '{}' })).status).toBe(401);
      expect(own.sessionToken).toBe(new URL(value.url).searchParams.get('token'));
    } finally {
      await own.close();
    }
    // Another server's renewal leaves this one alone.
    expect(server.sessionToken).toBe(oldToken);
    expect(server.url).toBe(oldUrl);
  });

  it('a new session closes the pages\' event streams (they reconnect with the new cookie, others are refused), not the journal streams', async () => {
    const page = await openEvents(session());
    const journal = await openEvents({ authorization: `Bearer ${server.controlToken}` }, '/control/journal/stream');
    expect(server.openStreams).toBe(2);
    const closed = new Promise<void>((resolve) => page.res.on('close', () => resolve()));
    const reply = await request('POST', '/api/session', { body: '{}', headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(200);
    await closed;
    expect(server.openStreams).toBe(1);
    expect(journal.res.destroyed).toBe(false);
    journal.close();
  });

  it('names its cookie after its port, so two simulators keep a session each', async () => {
    const other = await createWebServer({ sim: demoSim(), rendererDir, port: 0 });
    try {
      const ours = String((await withoutSession('GET', `/?token=${server.sessionToken}`)).headers['set-cookie']);
      expect(ours.startsWith(`sls_session_${server.port}=`)).toBe(true);
      expect(sessionCookieName(other.port)).not.toBe(sessionCookieName(server.port));
      // The browser sends both cookies to both ports (cookies ignore ports); each server takes its own.
      const both = `${sessionCookieName(server.port)}=${server.sessionToken}; ${sessionCookieName(other.port)}=${other.sessionToken}`;
      expect((await request('POST', '/api/op/getClock', { anonymous: true, body: '{}', headers: { 'content-type': 'application/json', cookie: both } })).status).toBe(200);
      const crossed = `${sessionCookieName(server.port)}=${other.sessionToken}`;
      expect((await request('POST', '/api/op/getClock', { anonymous: true, body: '{}', headers: { 'content-type': 'application/json', cookie: crossed } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('event stream', () => {
  /** Opens /api/events and collects what arrives; resolves once the headers are in. */
  function openStream(): Promise<{ events: HostEvent[]; comments: string[]; res: http.IncomingMessage; close: () => void }> {
    return new Promise((resolve, reject) => {
      const events: HostEvent[] = [];
      const comments: string[] = [];
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, ...session() } }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of message.split('\n')) {
              if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as HostEvent);
              else if (line.startsWith(':')) comments.push(line.slice(1).trim());
            }
          }
        });
        resolve({ events, comments, res, close: () => req.destroy() });
      });
      req.on('error', reject);
    });
  }

  async function until(check: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  }

  it('delivers every host event as a data message', async () => {
    const stream = await openStream();
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);
    await post('submitCredentials', { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
    sim.advance(3_000);
    const smsArrived = (e: HostEvent) => e.type === 'phone' && e.phone.messages.length > 0;
    await until(() => stream.events.some(smsArrived), 'the SMS on the phone');
    const types = new Set(stream.events.map((e) => e.type));
    expect(types).toContain('journal');
    expect(types).toContain('login');
    expect(types).toContain('clock');
    const phone = stream.events.find((e): e is Extract<HostEvent, { type: 'phone' }> => smsArrived(e))!;
    expect(phone.phone.messages[0]?.text).toMatch(/security code is \d{6}/);
    stream.close();
  });

  it('sends a heartbeat comment on an idle stream', async () => {
    const stream = await openStream();
    await until(() => stream.comments.includes('heartbeat'), 'a heartbeat');
    stream.close();
  });

  it('stops listening when the page goes away', async () => {
    const stream = await openStream();
    await until(() => server.openStreams === 1, 'the stream to open');
    stream.close();
    await until(() => server.openStreams === 0, 'the stream to close');
    sim.advance(1_000); // nothing left to write to
  });

  it('closing the server ends open streams', async () => {
    const stream = await openStream();
    const ended = new Promise<void>((resolve) => stream.res.on('close', () => resolve()));
    await until(() => server.openStreams === 1, 'the stream to open');
    await server.close();
    await ended;
    expect(server.openStreams).toBe(0);
  });
});
