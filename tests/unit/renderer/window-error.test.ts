// A window's transport errors are in the window's language (one sentence per error code); the
// login window's alert re-words itself when the language switches while it shows.
import { afterEach, describe, expect, it } from 'vitest';
import { ClientError } from '../../../renderer/lib/client';
import { useLocale } from '../../../renderer/lib/i18n.svelte';
import { errorId, errorText } from '../../../renderer/lib/window-error';
import { UNREACHABLE } from './sim-host';

describe('transport errors in the windows', () => {
  afterEach(async () => {
    await useLocale('en');
  });

  it('says each error code in a sentence of the window’s language, not the host’s English detail', async () => {
    const gone = new ClientError({ code: 'not_found', message: 'No login L9: it ended or never started' });
    expect(errorText(gone)).toBe('This has ended on the simulator (was it reset?). Start again.');
    expect(errorText(new ClientError(UNREACHABLE))).toBe('The simulator is not responding. Is it still running?');
    expect(errorText(new TypeError('x'))).toBe('Something went wrong. Try again.');
    await useLocale('fr');
    expect(errorText(gone)).toBe("Ceci n'existe plus sur le simulateur (a-t-il été réinitialisé\u00a0?). Recommencez.");
    expect(errorText(new ClientError(UNREACHABLE))).toBe('Le simulateur ne répond pas. Est-il toujours en marche\u00a0?');
    expect(errorText(new ClientError({ code: 'unavailable', message: 'Too many event streams' }))).toBe('Le simulateur est occupé. Réessayez dans un instant.');
  });

  it('has a sentence for every code the host can answer', () => {
    for (const code of ['unknown_operation', 'invalid_request', 'not_found', 'wrong_state', 'untrusted_sender', 'unauthorized', 'unavailable', 'internal'] as const)
      expect(errorId(new ClientError({ code, message: 'x' }))).toMatch(/^stage\./);
  });
});
