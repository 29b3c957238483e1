// One screenshot for docs/: the page it starts on, and how a person gets the screen there.
import type { Page } from '@playwright/test';
import type { Simulation } from '../../main/sim/simulation.js';

export interface Shot {
  /** File name under docs/, e.g. "stage.png". */
  file: string;
  /** The page's hash: "" for the stage, "#login", "#phone/ios-phone"… */
  hash: string;
  viewport: { width: number; height: number };
  /** 2 for a small window, 1.5 for the stage (sharp in a README, not huge). */
  scale: number;
  /** Drives the UI (and virtual time through `sim`) to the screen to capture. */
  drive: (page: Page, sim: Simulation) => Promise<void>;
}

export const DEMO_PASSWORD = 'Demo1234';

/** Types the credentials into the login window and presses Log In. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const login = page.getByRole('region', { name: 'Login', exact: true });
  await login.getByRole('textbox', { name: 'Username' }).fill(username);
  await login.getByRole('textbox', { name: 'Password' }).fill(password);
  await login.getByRole('button', { name: 'Log In' }).click();
}
