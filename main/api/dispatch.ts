// The one entry point every transport calls: validate, run, and turn any failure into a plain result.
import { z } from 'zod';
import { SimError } from './errors.js';
import { isOperationName, requestSchemas, type OperationName, type ResponseOf, type Service } from './operations.js';

export type ApiErrorCode = 'unknown_operation' | 'invalid_request' | 'not_found' | 'wrong_state' | 'untrusted_sender' | 'unauthorized' | 'unavailable' | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
}

export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export function failure(code: ApiErrorCode, message: string, issues?: ApiErrorBody['issues']): Envelope<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join('.') : '(request)',
    message: issue.message,
  }));
}

/** Checks a payload against the operation's schema without running it. */
export function validateRequest(name: unknown, payload: unknown): Envelope<{ name: OperationName; request: unknown }> {
  if (!isOperationName(name)) {
    return failure('unknown_operation', `Unknown operation "${String(name).slice(0, 64)}"`);
  }
  const parsed = requestSchemas[name].safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    const first = issues[0];
    const detail = first ? `${first.path}: ${first.message}` : 'invalid';
    return failure('invalid_request', `Invalid request for ${name}: ${detail}`, issues);
  }
  return { ok: true, value: { name, request: parsed.data } };
}

/**
 * Validates and runs one operation. Never throws: the hosts forward the envelope as it is, and a
 * bug in the simulation becomes an "internal" error instead of a crashed main process.
 */
export function dispatch(service: Service, name: unknown, payload: unknown, onInternalError?: (e: unknown) => void): Envelope {
  const checked = validateRequest(name, payload);
  if (!checked.ok) return checked;
  const { name: op, request } = checked.value;
  try {
    const handler = service[op] as (r: unknown) => ResponseOf<typeof op>;
    return { ok: true, value: handler.call(service, request) };
  } catch (error) {
    if (error instanceof SimError) return failure(error.code, error.message);
    onInternalError?.(error);
    return failure('internal', `Internal error in ${op}`);
  }
}
