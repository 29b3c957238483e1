// How the HTTP host answers: every reply an envelope, framework refusals in words a person can act on.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { failure, type ApiErrorBody, type ApiErrorCode, type Envelope } from '../api/dispatch.js';
import { httpStatus } from '../api/bridge.js';

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

export function sendError(reply: FastifyReply, status: number, code: ApiErrorCode, message: string, issues?: ApiErrorBody['issues']): FastifyReply {
  return sendEnvelope(reply, failure(code, message, issues), status);
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
