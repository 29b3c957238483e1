// The windows' session on the browser host: a page may use the simulator's API only once it was
// opened from the address printed at start-up, which carries the token (as a notebook server does).
//
// GET /?token=<token> sets an HttpOnly, SameSite=Strict session cookie and redirects to / (the
// browser keeps the #view of the address across the redirect). From then on the page's fetches and
// its event stream carry the cookie. Tools may send `Authorization: Bearer <token>` instead. Without
// either, /api/* answers 401 and every page but the renderer's script and style files (/assets/*)
// shows how to get in. The token is the control API's: one secret per start, printed once (a second
// secret would only give the user two things to copy, and both would open the same operations).
//
// Cookies ignore ports: the cookie's name carries the port, so two simulators on one machine
// (`--port 5000` beside the default) keep a session each instead of overwriting one another's.
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { parse, serialize } from 'cookie';
import { sameToken, tokenMatches } from './control.js';

export const TOKEN_PARAM = 'token';

/** The session cookie's name for the server on `port` (`sls_session_4173`). */
export function sessionCookieName(port: number): string {
  return `sls_session_${port}`;
}

/** Whether a request carries the session: the cookie `name`, or the bearer token. */
export function hasSession(headers: IncomingHttpHeaders, token: string, name: string): boolean {
  const cookie = headers.cookie === undefined ? undefined : parse(headers.cookie)[name];
  return sameToken(cookie, token) || tokenMatches(headers.authorization, token);
}

/** A cookie for this browser session only (no expiry), never readable by scripts, never sent cross-site. */
export function sessionCookie(name: string, token: string): string {
  return serialize(name, token, { httpOnly: true, sameSite: 'strict', path: '/' });
}

/**
 * The file an address names, as the router and the static files see it: percent-decoded, with `.`,
 * `..` and doubled slashes resolved (`/%69ndex.html`, `//` and `/assets/../` are all the page).
 * Null when it cannot be decoded.
 */
export function pagePath(url: string): string | null {
  try {
    return path.posix.normalize(decodeURIComponent(url.split('?', 1)[0]!));
  } catch {
    return null;
  }
}

/** The renderer's script, style and image files: public, they hold no secrets. */
export function isPublicFile(page: string): boolean {
  return page.startsWith('/assets/');
}

/** The token in an address's query (`/?token=…`), or null when it carries none. */
export function tokenInUrl(url: string): string | null {
  const query = url.indexOf('?');
  if (query < 0) return null;
  return new URLSearchParams(url.slice(query + 1)).get(TOKEN_PARAM);
}

export const UNAUTHORIZED_MESSAGE = 'This page has no session: open the address printed by the simulator at start-up (it carries the token)';

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
changing the simulation. If the simulator was restarted, its address has a new token.</p>
</main>
</body>
</html>
`;
