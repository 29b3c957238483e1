// How the HTTP host answers: every reply an envelope, framework refusals in words a person can act on.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { failure, type ApiErrorBody, type ApiErrorCode, type Envelope } from '../../api/dispatch.js';
import { httpStatus } from '../../api/bridge.js';
import { pathOf } from './request-target.js';
import { SECURITY_HEADERS } from '../security-headers.js';

/** Requests are small JSON objects... */
export const BODY_LIMIT = 64 * 1024;
/** ...except a scenario file's text (loadScenario accepts up to 1,000,000 characters, plus JSON's escaping). */
export const SCENARIO_BODY_LIMIT = Math.round(1.1 * 1024 * 1024);

export function sendEnvelope(reply: FastifyReply, envelope: Envelope, status?: number): FastifyReply {
  return reply
    .code(status ?? (envelope.ok ? 200 : httpStatus(envelope.error.code)))
    .header('Cache-Control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(envelope);
}

/** The methods Fastify routes; a route answers the ones it does not take with 405. */
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function sendError(reply: FastifyReply, status: number, code: ApiErrorCode, message: string, issues?: ApiErrorBody['issues']): FastifyReply {
  return sendEnvelope(reply, failure(code, message, issues), status);
}

/** A route asked with a method it does not take: 405, an envelope, and the methods it does take in Allow. */
function methodNotAllowed(allowed: readonly HttpMethod[], hint?: string) {
  const listed = allowed.filter((method) => method !== 'HEAD');
  return (request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply.header('Allow', allowed.join(', ')), 405, 'invalid_request', `${pathOf(request.url)} takes ${listed.join(' or ')}, not ${request.method}${hint ? `; ${hint}` : ''}`);
}

/** Registers, for every method `url` does not take, the 405 answer (`hint`: where the routes are listed). */
export function refuseOtherMethods(scope: FastifyInstance, url: string, allowed: readonly HttpMethod[], hint?: string): void {
  scope.route({ method: HTTP_METHODS.filter((method) => !allowed.includes(method)), url, handler: methodNotAllowed(allowed, hint) });
}

const kilobytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

/** Fastify's own refusals (parsing, limits) as envelopes with a message a person can act on. */
export function describeFrameworkError(error: FastifyError, request?: FastifyRequest): { status: number; code: ApiErrorCode; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid_request', message: 'The request body is not valid JSON' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid_request', message: 'The request body is empty; send a JSON object, e.g. {}' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request?.routeOptions.bodyLimit ?? BODY_LIMIT;
      return { status: 413, code: 'invalid_request', message: `The request body is larger than ${kilobytes(limit)}` };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'invalid_request', message: 'Send the request body as application/json' };
    default:
      break;
  }
  if (error instanceof SyntaxError) return { status: 400, code: 'invalid_request', message: 'The request body is not valid JSON' };
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  return status === 500 ? { status, code: 'internal', message: 'Internal error' } : { status, code: 'invalid_request', message: error.message };
}

/** What Node's parser refuses before any route exists (a malformed request, headers too large, too slow). */
export function describeClientError(error: NodeJS.ErrnoException): { status: number; code: ApiErrorCode; message: string } {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'invalid_request', message: 'The request took too long to arrive' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'invalid_request', message: 'The request line and headers are too large' };
    default:
      return { status: 400, code: 'invalid_request', message: 'The request is not valid HTTP' };
  }
}

/**
 * Fastify's clientErrorHandler: the envelope written to the socket by hand (there is no reply
 * object yet), then the connection closed, as Node does by default.
 */
export function sendClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // A response already under way (a timeout on a kept-alive connection) cannot be followed by another.
  const inProgress = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (socket.writable && !inProgress) {
    const { status, code, message } = describeClientError(error);
    const body = JSON.stringify(failure(code, message));
    const headers = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
      'Connection: close',
    ];
    socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
    // A client that never reads must not keep the socket: gone once the answer is flushed, or soon.
    socket.once('finish', () => socket.destroy());
    setTimeout(() => socket.destroy(), 1000).unref();
    return;
  }
  socket.destroy();
}

/** Fastify's frameworkErrors: the router's refusals (a path that cannot be decoded, a name too long). */
export function sendFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return sendError(reply, 400, 'invalid_request', 'The address is not valid (a broken %-escape?)');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendError(reply, 414, 'invalid_request', 'A name in the address is too long');
    default: {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      return sendError(reply, status, status === 500 ? 'internal' : 'invalid_request', status === 500 ? 'Internal error' : error.message);
    }
  }
}
