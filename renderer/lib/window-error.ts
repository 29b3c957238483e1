// What a window (login window, phone, app) says when an operation fails in transport: one sentence per
// error code, from the window's catalogue, so it is in the window's language. The Director, which may
// stay English, shows the host's own detailed message instead (client.ts `errorMessage`).
import type { ApiErrorCode } from '../../main/api/dispatch';
import type { MessageId } from '../i18n/keys';
import { ClientError } from './client';
import { t } from './i18n.svelte';

const BY_CODE: Record<ApiErrorCode, MessageId> = {
  not_found: 'stage.error.gone',
  wrong_state: 'stage.error.notNow',
  invalid_request: 'stage.error.refused',
  unavailable: 'stage.error.busy',
  unauthorized: 'stage.offline.noSession',
  internal: 'stage.offline.notResponding',
  unknown_operation: 'stage.error.unknown',
  untrusted_sender: 'stage.error.unknown',
};

/** The message id for anything an operation threw. */
export function errorId(error: unknown): MessageId {
  return error instanceof ClientError ? BY_CODE[error.code] : 'stage.error.unknown';
}

/** The sentence for the alert region, in the current language. */
export function errorText(error: unknown): string {
  return t(errorId(error));
}
