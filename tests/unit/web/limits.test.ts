// The browser host's bounds: event streams that stop reading are cut, open streams are capped, slow
// or silent connections time out (small limits, so nothing waits long), and every refusal of
// Node's or the router's, and every unknown route, is the project's JSON envelope.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BUFFERED_BYTES, MAX_BUFFERED_TOTAL, MAX_STREAMS } from '../../../main/host/http/event-stream.js';
import { DEFAULT_TIMEOUTS } from '../../../main/host/http/server-base.js';
import { createWebServer, type WebServer, type WebServerOptions } from '../../../main/web/server.js';
import type { Simulation } from '../../../main/sim/simulation.js';
import { demoSim } from '../helpers.js';
import { rawRequest } from './raw-http.js';

let rendererDir: string;
const servers: WebServer[] = [];
const sockets: net.Socket[] = [];

beforeEach(() => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'sls-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) await server.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

async function start(options: Partial<WebServerOptions> = {}, sim: Simulation = demoSim()): Promise<WebServer> {
  const server = await createWebServer({ sim, rendererDir, port: 0, heartbeatMs: 60_000, ...options });
  servers.push(server);
  return server;
}

const cookie = (server: WebServer) => `${server.sessionCookieName}=${server.sessionToken}`;

/** A bare connection that sends `text` and keeps what comes back; `closed` settles when the server hangs up. */
function connect(server: WebServer, text = ''): { socket: net.Socket; received: () => string; closed: Promise<void> } {
  const socket = net.connect(server.port, '127.0.0.1');
  sockets.push(socket);
  let data = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (data += chunk));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  if (text) socket.write(text);
  return { socket, received: () => data, closed };
}

/** An event stream whose client never reads: the socket is paused once the head is in. */
async function stalledStream(server: WebServer): Promise<{ socket: net.Socket; closed: Promise<void> }> {
  const { socket, received, closed } = connect(server, `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie(server)}\r\n\r\n`);
  while (!received().includes(': connected')) await new Promise((resolve) => setTimeout(resolve, 5));
  socket.pause();
  return { socket, closed };
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
const bodyOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { ok: boolean; error: { code: string; message: string } };

describe('event streams', () => {
  it('bounds each stream\'s unsent data well under 4 MB, and caps the streams', () => {
    expect(MAX_BUFFERED_BYTES).toBe(256 * 1024);
    expect(MAX_BUFFERED_TOTAL).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(MAX_STREAMS).toBeGreaterThanOrEqual(100);
  });

  it('cuts a client that stops reading once its unsent data passes the bound; a reading page and the host carry on', async () => {
    const sim = demoSim();
    const server = await start({}, sim);
    const stalled = await stalledStream(server);
    // A reading page beside it.
    let read = 0;
    const reader = connect(server, `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie(server)}\r\n\r\n`);
    reader.socket.on('data', (chunk: string) => (read += chunk.length));
    while (server.openStreams < 2) await new Promise((resolve) => setTimeout(resolve, 5));

    // Events until the stalled client's socket buffers are full and the bound is passed (the
    // kernel's buffers take a few MB first); a few thousand world changes is plenty.
    let changes = 0;
    for (; changes < 50_000 && server.streamsCutOff === 0; changes++) {
      sim.setPhoneState({ phoneId: 'sms-phone', patch: { airplane: changes % 2 === 0 } });
      // A few changes at a time (a page that reads gets each batch well under the bound; the stalled client reads nothing).
      if (changes % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(server.streamsCutOff).toBe(1);
    console.log(`stalled stream cut after ${changes} phone changes; the reading page read ${read} characters`);
    // The client, reading again, finds the connection closed by the server.
    stalled.socket.resume();
    await stalled.closed;
    expect(server.openStreams).toBe(1);
    expect(read).toBeGreaterThan(0);
    expect(reader.socket.destroyed).toBe(false);
    expect((await rawRequest(server.port, { method: 'POST', target: '/api/op/getClock', headers: { cookie: cookie(server), 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
  }, 60_000);

  it('cuts stalled clients once all streams together hold more than their budget, even under each one\'s own bound', async () => {
    const sim = demoSim();
    const server = await start({ maxBufferedBytes: 64 * 1024 * 1024, maxBufferedTotal: 64 * 1024 }, sim);
    const stalled = [await stalledStream(server), await stalledStream(server)];
    let changes = 0;
    for (; changes < 50_000 && server.streamsCutOff === 0; changes++) {
      sim.setPhoneState({ phoneId: 'sms-phone', patch: { airplane: changes % 2 === 0 } });
      if (changes % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(server.streamsCutOff).toBeGreaterThanOrEqual(1);
    expect(server.openStreams).toBe(2 - server.streamsCutOff);
    for (const stream of stalled) stream.socket.resume();
    await Promise.race(stalled.map((stream) => stream.closed));
  }, 60_000);

  it('refuses streams beyond the cap with 503 and the envelope, and takes new ones once one closes', async () => {
    const server = await start({ maxStreams: 2 });
    const control = `Bearer ${server.controlToken}`;
    const first = await stalledStream(server);
    const journal = connect(server, `GET /control/journal/stream HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: ${control}\r\n\r\n`);
    while (server.openStreams < 2) await new Promise((resolve) => setTimeout(resolve, 5));

    const page = await rawRequest(server.port, { method: 'GET', target: '/api/events', headers: { cookie: cookie(server) } });
    expect(page.status).toBe(503);
    expect(JSON.parse(page.body)).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('2 event streams') } });
    const tool = await rawRequest(server.port, { method: 'GET', target: '/control/journal/stream', headers: { authorization: control } });
    expect(tool.status).toBe(503);
    expect(JSON.parse(tool.body)).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    first.socket.destroy();
    while (server.openStreams > 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await rawRequest(server.port, { method: 'GET', target: '/api/events', headers: { cookie: cookie(server) } });
    expect(again.status).toBe(200);
    journal.socket.destroy();
  });
});

describe('connection timeouts', () => {
  const small = { headersMs: 150, requestMs: 300, idleMs: 400, keepAliveMs: 150, checkIntervalMs: 25 };

  it('has sane defaults: seconds for a request to arrive, a minute for a silent connection', () => {
    expect(DEFAULT_TIMEOUTS.headersMs).toBeLessThanOrEqual(DEFAULT_TIMEOUTS.requestMs);
    expect(DEFAULT_TIMEOUTS.requestMs).toBeLessThanOrEqual(60_000);
    expect(DEFAULT_TIMEOUTS.idleMs).toBeLessThanOrEqual(120_000);
    expect(DEFAULT_TIMEOUTS.keepAliveMs).toBeLessThanOrEqual(DEFAULT_TIMEOUTS.idleMs);
  });

  it('answers 408 with the envelope and closes when the headers or the body arrive too slowly', async () => {
    const server = await start({ timeouts: small });
    const headers = connect(server, `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`);
    const body = connect(server, `POST /api/op/getClock HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie(server)}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    await Promise.all([headers.closed, body.closed]);
    for (const connection of [headers, body]) {
      expect(statusOf(connection.received())).toBe(408);
      expect(bodyOf(connection.received())).toEqual({ ok: false, error: { code: 'invalid_request', message: 'The request took too long to arrive' } });
    }
  }, 30_000);

  it('closes a connection that never sends a request (408), and a kept-alive one left idle, but not an open event stream', async () => {
    const server = await start({ timeouts: small, heartbeatMs: 60_000 });
    const stream = connect(server, `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie(server)}\r\n\r\n`);
    while (server.openStreams < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const silent = connect(server);
    const kept = connect(server, `POST /api/op/getClock HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie(server)}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
    await Promise.all([silent.closed, kept.closed]);
    // Node counts the wait for a first request as the wait for its headers.
    expect(statusOf(silent.received())).toBe(408);
    expect(statusOf(kept.received())).toBe(200);
    // The stream, idle the whole time (no event, no heartbeat), is still open.
    expect(stream.socket.destroyed).toBe(false);
    expect(server.openStreams).toBe(1);
  }, 30_000);
});

describe('refusals as envelopes', () => {
  it('headers too large (431), a request that is not HTTP (400), a name too long (414), an undecodable address (400)', async () => {
    const server = await start();
    const big = connect(server, `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const garbage = connect(server, 'HELLO THERE\r\n\r\n');
    await Promise.all([big.closed, garbage.closed]);
    expect(statusOf(big.received())).toBe(431);
    expect(bodyOf(big.received())).toMatchObject({ ok: false, error: { code: 'invalid_request', message: 'The request line and headers are too large' } });
    expect(statusOf(garbage.received())).toBe(400);
    expect(bodyOf(garbage.received())).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(big.received()).toMatch(/\r\ncontent-security-policy: /i);

    const long = await rawRequest(server.port, { method: 'POST', target: `/api/op/${'a'.repeat(200)}`, headers: { cookie: cookie(server), 'content-type': 'application/json' }, body: '{}' });
    expect(long.status).toBe(414);
    expect(JSON.parse(long.body)).toEqual({ ok: false, error: { code: 'invalid_request', message: 'A name in the address is too long' } });
    const undecodable = await rawRequest(server.port, { method: 'GET', target: '/control/phones/%zz', headers: { authorization: `Bearer ${server.controlToken}` } });
    expect(undecodable.status).toBe(400);
    expect(JSON.parse(undecodable.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('unknown routes and wrong methods under /api and /control answer 404 with the envelope (405 for a known route asked with another method)', async () => {
    const server = await start();
    const api = { cookie: cookie(server), 'content-type': 'application/json' };
    const control = { authorization: `Bearer ${server.controlToken}`, 'content-type': 'application/json' };
    for (const [method, target, headers, status] of [
      ['GET', '/api/op/getClock', api, 405],
      ['PUT', '/api/op/getClock', api, 405],
      ['DELETE', '/api/events', api, 405],
      ['GET', '/api/nothing', api, 404],
      ['POST', '/api', api, 404],
      ['GET', '/api/session', api, 405],
      ['POST', '/control/pending', control, 405],
      ['GET', '/control/reset', control, 405],
      ['DELETE', '/control', control, 405],
      ['GET', '/control/nothing/here', control, 404],
      ['PATCH', '/control/phones/sms-phone/state', control, 405],
    ] as const) {
      const bodiless = method === 'GET' || method === 'DELETE';
      const sent = bodiless ? Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'content-type')) : headers;
      const reply = await rawRequest(server.port, { method, target, headers: sent, ...(bodiless ? {} : { body: '{}' }) });
      expect(reply.status, `${method} ${target}`).toBe(status);
      expect(reply.headers['content-type'], `${method} ${target}`).toMatch(/^application\/json/);
      expect(JSON.parse(reply.body), `${method} ${target}`).toMatchObject({ ok: false, error: { code: status === 404 ? 'not_found' : 'invalid_request', message: expect.stringContaining(target) } });
    }
  });

  it('GET /control lists every route (method, path, one line) and each answers', async () => {
    const server = await start();
    const headers = { authorization: `Bearer ${server.controlToken}` };
    const reply = await rawRequest(server.port, { method: 'GET', target: '/control', headers });
    expect(reply.status).toBe(200);
    const { value } = JSON.parse(reply.body) as { value: { routes: { method: string; path: string; description: string }[] } };
    expect(value.routes.length).toBeGreaterThan(15);
    expect(value.routes).toContainEqual({ method: 'GET', path: '/control', description: 'this list of routes' });
    expect(value.routes).toContainEqual(expect.objectContaining({ method: 'POST', path: '/control/op/:name' }));
    for (const route of value.routes) {
      expect(route.method).toMatch(/^(GET|POST)$/);
      expect(route.description.length).toBeGreaterThan(5);
      expect(route.description).not.toContain('\n');
      if (route.method !== 'GET' || route.path.endsWith('/stream')) continue;
      // Every listed read exists (a path name filled in; unknown ones answer the simulation's 404, not the router's).
      const target = route.path.replace(':id', 'sms-phone');
      const answer = await rawRequest(server.port, { method: 'GET', target, headers });
      expect(answer.status, target).toBe(200);
    }
    // Without the token, even the list is refused.
    expect((await rawRequest(server.port, { method: 'GET', target: '/control' })).status).toBe(401);
  });
});
