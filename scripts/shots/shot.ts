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

/** The login window alone (#login) at its natural size, as Electron's Login window shows it (main/electron/windows.ts). */
export const LOGIN_WINDOW = { width: 460, height: 600 } as const;
/** The same window on an enrolment step, which widens it to 600 (renderer/components/login/LoginWindow.svelte). */
export const ENROL_WINDOW = { width: 600, height: 760 } as const;
/** The stage in a 720p frame, rendered at 1.5× (a 1920×1080 picture): what a take records, sharp in the README. */
export const STAGE_720P = { viewport: { width: 1280, height: 720 }, scale: 1.5 } as const;
/** A phone alone (#phone/<id>): the 360 × 740 device and the 12 px margin around it. */
export const PHONE_WINDOW = { width: 384, height: 764 } as const;

/** Types the credentials into the login window and presses Log In. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const login = page.getByRole('region', { name: 'Login', exact: true });
  await login.getByRole('textbox', { name: 'Username' }).fill(username);
  await login.getByRole('textbox', { name: 'Password' }).fill(password);
  await login.getByRole('button', { name: 'Log In' }).click();
}
