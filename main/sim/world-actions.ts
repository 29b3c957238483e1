// What the timeline and the runner's script both do to the world outside the login window, through the API.
import type { Service } from '../api/operations.js';
import type { WorldAction } from './scenario/script-schema.js';
import { LOCALE_NAMES } from '../api/vocabulary.js';

interface WorldActionHandler<A extends WorldAction> {
  /** For the journal (`timeline.fired`) and the runner's step log. */
  describe(action: A): string;
  run(api: Service, action: A): void;
}

/** One handler per kind; a kind added to the schema without one here does not compile. */
const handlers: { [K in WorldAction['kind']]: WorldActionHandler<Extract<WorldAction, { kind: K }>> } = {
  setPhone: {
    describe: (a) => `${a.phone}: ${JSON.stringify(a.patch)}`,
    run: (api, a) => api.setPhoneState({ phoneId: a.phone, patch: a.patch }),
  },
  restart: { describe: (a) => `restart ${a.phone}`, run: (api, a) => api.restartPhone({ phoneId: a.phone }) },
  clearAppData: { describe: (a) => `clear the app's data on ${a.phone}`, run: (api, a) => api.clearAppData({ phoneId: a.phone }) },
  seamless: {
    describe: (a) => `Seamless Authentication ${a.enabled ? 'on' : 'off'} for ${a.user}`,
    run: (api, a) => api.setSeamless({ username: a.user, enabled: a.enabled }),
  },
  setLocale: { describe: (a) => `the windows in ${LOCALE_NAMES[a.locale]}`, run: (api, a) => api.setLocale({ locale: a.locale }) },
};

/** The handler for an action's kind (the one cast: TypeScript does not relate a kind to its handler's parameter). */
export function worldActionHandler(action: WorldAction): WorldActionHandler<WorldAction> {
  return handlers[action.kind] as WorldActionHandler<WorldAction>;
}

/** Does the action and says what was done. */
export function performWorldAction(api: Service, action: WorldAction): string {
  const handler = worldActionHandler(action);
  handler.run(api, action);
  return handler.describe(action);
}
