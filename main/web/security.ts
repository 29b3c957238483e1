// The browser host's defences: which Host and Origin headers it answers, and the headers it sends.

import { CONTENT_SECURITY_POLICY } from '../api/csp.js';

/** The renderer's policy, shared with Electron (main/api/csp.ts). */
export { CONTENT_SECURITY_POLICY };

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * DNS rebinding: a hostile page can make its own name resolve to 127.0.0.1, but its requests still
 * carry its name in Host. Only our own address and port are answered.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

/**
 * An absolute-form request target (`GET http://host:port/path`, as sent to proxies) names the host
 * itself, and HTTP says it overrides Host: its authority must be ours too. Origin-form targets
 * (`/path`) and `*` name none.
 */
export function isAllowedTarget(url: string, port: number): boolean {
  if (url.startsWith('/') || url === '*') return true;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return target.protocol === 'http:' && target.username === '' && target.password === '' && isAllowedHost(target.host, port);
}

/** The path and query of a request target: an absolute-form one's (`http://host:port/path?q` → `/path?q`), without a fragment. */
export function originForm(url: string): string {
  // A fragment is never sent by a browser; the router ignores one, so the files must too.
  const target = url.split('#', 1)[0]!;
  if (target.startsWith('/') || target === '*') return target;
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/is.exec(target);
  if (!match) return target;
  const rest = match[1]!;
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * A browser names the page that sent a request in Origin. Requests from our own pages, or with no
 * Origin (curl, the tests, same-origin GETs), are fine; any other site is refused even though
 * it could not read the answer, because an operation may already have changed the simulation.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** POST bodies must be declared JSON: HTML forms cannot send that cross-site without a preflight. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json';
}
