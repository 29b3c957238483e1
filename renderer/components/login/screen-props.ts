// What each screen of a login step is given, in the login window and in the app's own login (see screens.ts).
import type { PhoneView } from '../../../main/api/views';
import type { IbkrAppState } from '../../lib/ibkr-app.svelte';
import type { LoginState } from '../../lib/login.svelte';

/** What a step of the login window is given (branding comes from context). */
export interface WindowScreenProps {
  login: LoginState;
  /** The stage shows the Security Code Card beside the window; alone, the window opens it in a dialog. */
  cardBeside: boolean;
}

/** What a step of the app's own login is given: the app (its login, its pages), the phone it runs on, the time. */
export interface AppScreenProps {
  app: IbkrAppState;
  view: PhoneView;
  now: number;
}
