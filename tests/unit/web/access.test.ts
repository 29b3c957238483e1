// Who may use what on the browser host, however the address is spelt: every protected route against
// many spellings of it, sent on bare sockets (absolute-form targets, bytes http.request would tidy up).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebServer, type WebServer } from '../../../main/web/server.js';
import { demoSim } from '../helpers.js';
import { rawRequest, type RawReply } from './raw-http.js';

let server: WebServer;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'sls-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>the app</title>');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export const app = 1;');
  server = await createWebServer({ sim: demoSim(), rendererDir, port: 0, heartbeatMs: 60_000 });
});
afterAll(async () => {
  await server.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

type Credential = 'none' | 'session cookie' | 'session bearer' | 'control token';

/** What a request carries, by name: nothing, the pages' session (cookie or bearer), or the control API's token. */
function credentials(which: Credential): Record<string, string> {
  switch (which) {
    case 'none':
      return {};
    case 'session cookie':
      return { cookie: `${server.sessionCookieName}=${server.sessionToken}` };
    case 'session bearer':
      return { authorization: `Bearer ${server.sessionToken}` };
    case 'control token':
      return { authorization: `Bearer ${server.controlToken}` };
  }
}

interface Protected {
  method: 'GET' | 'POST';
  path: string;
  /** The credentials this route answers; every other one is refused. */
  opens: Credential[];
  /** What the plain spelling answers with its credential. */
  status: number;
  /** A mark of the real answer (never in a refusal). */
  mark: string;
}

/** One route per protected prefix: /api/op/*, /api/events, /control and /control/*, the page and its files. */
const routes: Protected[] = [
  { method: 'POST', path: '/api/op/listPending', opens: ['session cookie', 'session bearer'], status: 200, mark: '"ok":true' },
  { method: 'GET', path: '/api/events', opens: ['session cookie', 'session bearer'], status: 200, mark: ': connected' },
  { method: 'GET', path: '/control/pending', opens: ['control token'], status: 200, mark: '"ok":true' },
  { method: 'GET', path: '/control', opens: ['control token'], status: 200, mark: '"routes"' },
  { method: 'GET', path: '/index.html', opens: ['session cookie', 'session bearer'], status: 200, mark: 'the app' },
  { method: 'GET', path: '/assets/app.js', opens: ['session cookie', 'session bearer'], status: 200, mark: 'export const app' },
];

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Other spellings of a path. `same`: the router takes it for the plain path (it decodes %-escapes,
 * reads an absolute-form target, ignores the query and fragment), so it must answer the same.
 * The others name another route or none; they must still be refused without the credential.
 */
function spellings(plain: string, port: number): { name: string; target: string; same: boolean }[] {
  const segments = plain.split('/').slice(1);
  const last = plain.lastIndexOf('/');
  return [
    { name: 'plain', target: plain, same: true },
    { name: 'first letters %-encoded', target: `/${segments.map((s) => hex(s[0]!) + s.slice(1)).join('/')}`, same: true },
    { name: 'every letter %-encoded, upper-case hex', target: `/${segments.map((s) => [...s].map((c) => hex(c).toUpperCase()).join('')).join('/')}`, same: true },
    { name: 'absolute-form', target: `http://127.0.0.1:${port}${plain}`, same: true },
    { name: 'absolute-form, localhost', target: `http://localhost:${port}${plain}`, same: true },
    { name: 'absolute-form, upper-case scheme', target: `HTTP://127.0.0.1:${port}${plain}`, same: true },
    { name: 'empty query', target: `${plain}?`, same: true },
    { name: 'fragment', target: `${plain}#x`, same: true },
    { name: 'slashes %-encoded', target: `/${segments.join('%2F')}`, same: false },
    { name: 'slashes %-encoded, lower-case', target: `/${segments.join('%2f')}`, same: false },
    { name: 'leading dot segment', target: `/.${plain}`, same: false },
    { name: 'dot-dot segment', target: `/x/..${plain}`, same: false },
    { name: '%-encoded dot-dot', target: `/x/%2e%2e${plain}`, same: false },
    { name: 'dot-dot out of the root', target: `/..${plain}`, same: false },
    { name: 'leading double slash', target: `/${plain}`, same: false },
    { name: 'inner double slash', target: last > 0 ? `${plain.slice(0, last)}/${plain.slice(last)}` : `${plain}//`, same: false },
    { name: 'absolute-form, double slash', target: `http://127.0.0.1:${port}/${plain}`, same: false },
    { name: 'upper case', target: plain.toUpperCase(), same: false },
    { name: 'first letter upper case', target: `/${plain[1]!.toUpperCase()}${plain.slice(2)}`, same: false },
    { name: 'trailing slash', target: `${plain}/`, same: false },
    { name: 'trailing %20', target: `${plain}%20`, same: false },
    { name: 'trailing %00', target: `${plain}%00`, same: false },
    { name: 'trailing %2F', target: `${plain}%2F`, same: false },
    { name: 'trailing ;x', target: `${plain};x`, same: false },
    { name: 'trailing dot', target: `${plain}.`, same: false },
    { name: 'trailing broken escape', target: `${plain}%zz`, same: false },
  ];
}

async function send(route: Protected, target: string, credential: Credential): Promise<RawReply> {
  const json: Record<string, string> = route.method === 'POST' ? { 'content-type': 'application/json' } : {};
  return rawRequest(server.port, { method: route.method, target, headers: { ...json, ...credentials(credential) }, ...(route.method === 'POST' ? { body: '{}' } : {}) });
}

const allCredentials: Credential[] = ['none', 'session cookie', 'session bearer', 'control token'];

describe('access, decided on the route the router matched', () => {
  for (const route of routes) {
    it(`${route.method} ${route.path}: every spelling is refused without its credential, and those the router accepts answer as the plain one`, async () => {
      const seen: string[] = [];
      for (const spelling of spellings(route.path, server.port)) {
        for (const credential of allCredentials) {
          const reply = await send(route, spelling.target, credential);
          const what = `${route.method} ${spelling.target} (${spelling.name}) with ${credential}: ${reply.status} ${reply.body.slice(0, 120)}`;
          seen.push(`${reply.status}`);
          if (!route.opens.includes(credential)) {
            // Refused: 401 (or 400 for an address that cannot be decoded), never the real answer. A
            // spelling the router takes for another route may reach the pages, where the session
            // cookie is at home and finds no such file (404, or 403 for a path out of the folder).
            expect(credential === 'none' || spelling.same ? [400, 401] : [400, 401, 403, 404], what).toContain(reply.status);
            expect(reply.body, what).not.toContain(route.mark);
            // The envelope for the API's routes (the page's spellings may reach the pages, which say how to get in).
            const json = route.method === 'POST' || route.path.startsWith('/api/') || route.path.startsWith('/control');
            if (reply.status === 401 && json && spelling.same) expect(JSON.parse(reply.body), what).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
            else if (reply.status === 401) expect(reply.body.includes('"unauthorized"') || reply.body.includes('needs the session token'), what).toBe(true);
          } else if (spelling.same) {
            expect(reply.status, what).toBe(route.status);
            expect(reply.body, what).toContain(route.mark);
          } else {
            // Another route, or none: never a refusal to go around (still behind a credential, see above).
            expect(reply.status, what).toBeLessThan(500);
          }
        }
      }
      expect(seen.length).toBe(spellings(route.path, server.port).length * allCredentials.length);
    });
  }

  it('the page itself: the bare address and its spellings show the help page, the printed one trades its token', async () => {
    for (const target of ['/', '//', '/./', '/%2e/', `http://127.0.0.1:${server.port}/`, '/?', '/#x', '/nothing', '/api', '/x/../']) {
      const reply = await rawRequest(server.port, { method: 'GET', target });
      expect(reply.status, target).toBe(401);
      expect(reply.body, target).toContain('needs the session token');
      expect(reply.body, target).not.toContain('the app');
    }
    for (const target of [`/?token=${server.sessionToken}`, `/%3F?token=${server.sessionToken}`.replace('/%3F', '/'), `http://127.0.0.1:${server.port}/?token=${server.sessionToken}`]) {
      const reply = await rawRequest(server.port, { method: 'GET', target });
      expect(reply.status, target).toBe(303);
      expect(reply.headers['set-cookie'], target).toContain(`${server.sessionCookieName}=${server.sessionToken}`);
    }
    // Not at other addresses, and never for the control token.
    for (const target of [`/index.html?token=${server.sessionToken}`, `/api/events?token=${server.sessionToken}`, `/?token=${server.controlToken}`]) {
      const reply = await rawRequest(server.port, { method: 'GET', target });
      expect(reply.status, target).toBe(401);
      expect(reply.headers['set-cookie'], target).toBeUndefined();
    }
  });

  it('an absolute-form target naming another host is refused like a foreign Host header (DNS rebinding)', async () => {
    for (const target of ['http://attacker.example/api/events', `http://attacker.example:${server.port}/control/pending`, `http://user@127.0.0.1:${server.port}/api/events`, `https://127.0.0.1:${server.port}/`]) {
      const reply = await rawRequest(server.port, { method: 'GET', target, headers: { ...credentials('session cookie'), ...credentials('control token') } });
      expect(reply.status, target).toBe(403);
      expect(JSON.parse(reply.body), target).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
  });
});
