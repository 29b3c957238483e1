// The windows' session on the browser host: a page may use the simulator's API only once it was
// opened from the address printed at start-up, which carries the token (as a notebook server does).
//
// GET /?token=<token> sets an HttpOnly, SameSite=Strict session cookie and redirects to / (the
// browser keeps the #view of the address across the redirect). From then on the page's fetches and
// its event stream carry the cookie. Tools may send `Authorization: Bearer <token>` instead. Without
// either, /api/* answers 401 and / shows how to get in. The token is the control API's: one secret
// per start, printed once.
import type { IncomingHttpHeaders } from 'node:http';
import { parse, serialize } from 'cookie';
import { sameToken, tokenMatches } from './control.js';

export const SESSION_COOKIE = 'sls_session';
export const TOKEN_PARAM = 'token';

/** Whether a request carries the session: the cookie, or the bearer token. */
export function hasSession(headers: IncomingHttpHeaders, token: string): boolean {
  const cookie = headers.cookie === undefined ? undefined : parse(headers.cookie)[SESSION_COOKIE];
  return sameToken(cookie, token) || tokenMatches(headers.authorization, token);
}

/** A cookie for this browser session only (no expiry), never readable by scripts, never sent cross-site. */
export function sessionCookie(token: string): string {
  return serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
}

/** The token in an address's query (`/?token=…`), or null when it carries none. */
export function tokenInUrl(url: string): string | null {
  const query = url.indexOf('?');
  if (query < 0) return null;
  return new URLSearchParams(url.slice(query + 1)).get(TOKEN_PARAM);
}

export const UNAUTHORIZED_MESSAGE = 'This page has no session: open the address printed by the simulator at start-up (it carries the token)';

/** What / shows without a session: where the right address is. No script, no style: the CSP allows neither inline. */
export const NEEDS_TOKEN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>SLS Simulator — open the printed address</title></head>
<body>
<h1>SLS Simulator</h1>
<p>This address needs the session token. Open the address the simulator printed when it started,
for example <code>SLS Simulator running at http://127.0.0.1:4173/?token=…</code>, in the terminal where
<code>npm run web</code> runs.</p>
<p>The token keeps other programs and other users of this computer from reading security codes or
changing the simulation.</p>
</body>
</html>
`;
