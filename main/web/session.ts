// The pages' session: a secret of its own per start, traded from the printed address for a cookie, renewable.
//
// GET /?token=<secret> sets an HttpOnly, SameSite=Strict session cookie holding the same secret and
// redirects to / (the browser keeps the #view of the address across the redirect). From then on the
// page's files, fetches and event stream carry the cookie; tools may send `Authorization: Bearer
// <secret>` instead. Without either, every page and /api/* answer 401 (a page says how to get in).
//
// The session secret opens the pages and the windows' API (/api/*) and nothing else: the control API
// (/control/*) has its own token. Browsers send the cookies of 127.0.0.1 to every port of it, so
// any other local server the trainer's browser visits sees this cookie: it must never be the key to
// the control API. "New session" (the Director, POST /api/session) replaces the secret; the old
// cookie and the old printed address stop working and the pages' event streams are closed (the
// page that asked keeps working with its new cookie; others must open the new address).
//
// The cookie's name carries the port, so two simulators on one machine (`--port 5000` beside the
// default) keep a session each instead of overwriting one another's.
import type { IncomingHttpHeaders } from 'node:http';
import { parse, serialize } from 'cookie';
import { generateSecret, sameToken, tokenMatches } from '../host/secret.js';

export const TOKEN_PARAM = 'token';

/** The session cookie's name for the server on `port` (`sls_session_4173`). */
export function sessionCookieName(port: number): string {
  return `sls_session_${port}`;
}

/** The current session secret of one server; replaced by `renew`. */
export class PageSession {
  #secret: string;

  constructor(secret: string = generateSecret()) {
    this.#secret = secret;
  }

  get secret(): string {
    return this.#secret;
  }

  /** A new secret: every cookie and address of the old one stops working. */
  renew(): string {
    this.#secret = generateSecret();
    return this.#secret;
  }

  /** Whether `presented` (the printed address's token) is the current secret. */
  matches(presented: unknown): boolean {
    return typeof presented === 'string' && sameToken(presented, this.#secret);
  }

  /** Whether a request carries the session: the cookie `cookieName`, or the secret as a bearer token. */
  carriedBy(headers: IncomingHttpHeaders, cookieName: string): boolean {
    const cookie = headers.cookie === undefined ? undefined : parse(headers.cookie)[cookieName];
    return sameToken(cookie, this.#secret) || tokenMatches(headers.authorization, this.#secret);
  }
}

/** A cookie for this browser session only (no expiry), never readable by scripts, never sent cross-site. */
export function sessionCookie(name: string, secret: string): string {
  return serialize(name, secret, { httpOnly: true, sameSite: 'strict', path: '/' });
}

export const UNAUTHORIZED_MESSAGE =
  "This page has no session: open the address printed by the simulator at start-up, or the one the Director's New session gave (it carries the token)";

/** What every page shows without a session: where the right address is. No script (the CSP allows none inline). */
export const NEEDS_TOKEN_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SLS Simulator — open the printed address</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #e9edf2; color: #1d2733;
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 34rem; margin: 1rem; padding: 1.25rem 1.5rem; background: #fff; border: 1px solid #c5ced8;
    border-top: 4px solid #b81d23; border-radius: 4px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.08); }
  h1 { margin: 0 0 0.5rem; font-size: 1.15rem; }
  p { margin: 0.5rem 0; }
  code { font: 13px ui-monospace, Menlo, Consolas, monospace; background: #f1f4f7; padding: 0 0.2em; border-radius: 2px; word-break: break-all; }
  .note { color: #56616d; font-size: 13px; }
</style>
</head>
<body>
<main>
<h1>SLS Simulator</h1>
<p>This address needs the session token. Open the address the simulator printed when it started,
in the terminal where <code>npm run web</code> runs:</p>
<p><code>SLS Simulator running at http://127.0.0.1:4173/?token=…</code></p>
<p class="note">The token keeps other programs and other users of this computer from reading security codes or
changing the simulation. If the simulator was restarted, or a New session was started from its Director, the
address has a new token: the terminal shows the latest one.</p>
</main>
</body>
</html>
`;
