// Who the control API answers: no web page, only the bearer of the control token, JSON bodies (YAML on /control/scenario).
//
// Every route, reads included, needs `Authorization: Bearer <token>`: the pending codes and challenges
// are secrets, and one rule for every route is easier to get right than a list of exceptions.
// Requests from web pages are refused outright (any Origin header, or Sec-Fetch-Site other than
// "none"), so a site open in the trainer's browser cannot drive the simulation even if it learnt the
// port. The decision is made on the route the router matched (`routeOptions.url`), never on the raw address.
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../http/reply.js';
import { tokenMatches } from '../secret.js';

export const CONTROL_PREFIX = '/control';
/** The one route that also takes a scenario file as YAML. */
const SCENARIO_ROUTE = `${CONTROL_PREFIX}/scenario`;

/** A scenario file may be posted as it is, with one of these types. */
export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'] as const;

/** Why a request that a browser sent on a page's behalf is refused (null: not from a page). */
function browserRefusal(headers: IncomingHttpHeaders): string | null {
  const site = headers['sec-fetch-site'];
  if (headers.origin !== undefined || (site !== undefined && site !== 'none')) {
    return 'The control API does not answer web pages; call it from a script or a tool such as curl';
  }
  return null;
}

function mediaType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  return contentType.split(';', 1)[0]!.trim().toLowerCase();
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A POST's body type: JSON, none at all, or YAML on the scenario route; anything else is refused. */
function refuseBodyType(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (request.method !== 'POST') return undefined;
  const type = mediaType(request.headers['content-type']);
  if (type === 'application/json') return undefined;
  if (type === null && !hasBody(request.headers)) return undefined;
  const yamlRoute = request.routeOptions.url === SCENARIO_ROUTE;
  if (yamlRoute && (YAML_MEDIA_TYPES as readonly string[]).includes(type ?? '')) return undefined;
  return sendError(reply, 415, 'invalid_request', `Send the request body as application/json${yamlRoute ? ' (or a scenario file as application/yaml)' : ''}`);
}

/** The control scope's onRequest hook: page refusal, then the token, then the body's type. */
export function controlAccess(token: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const refusal = browserRefusal(request.headers);
    if (refusal) return sendError(reply, 403, 'untrusted_sender', refusal);
    if (!tokenMatches(request.headers.authorization, token)) {
      reply.header('WWW-Authenticate', 'Bearer realm="SLS Simulator control API"');
      const message = request.headers.authorization === undefined ? 'This route needs the control API token' : 'The control API token is wrong';
      return sendError(reply, 401, 'unauthorized', `${message}: send "Authorization: Bearer <token>" with the token printed at start-up`);
    }
    return refuseBodyType(request, reply);
  };
}
