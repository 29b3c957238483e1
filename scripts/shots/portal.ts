// The Client Portal on the stage, screen by screen as a person walks it: its login, Settings (User
// Settings), the Mobile Number's VERIFY and Confirmation Number, the green check under SMS Verified,
// the Secure Login System (the Seamless Authentication switch), hkuser refused opting out, and
// sms-not-verified's way out (a Confirm Code to the number on record). 1280×720; one at 1920×1080.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Simulation } from '../../main/sim/simulation.js';
import { DEMO_PASSWORD, type Shot } from './shot.js';

const STAGE = { hash: '', viewport: { width: 1280, height: 720 }, scale: 1 } as const;
const FULL_HD = { hash: '', viewport: { width: 1920, height: 1080 }, scale: 1 } as const;

function load(sim: Simulation, name: string): void {
  const text = readFileSync(new URL(`../../scenarios/library/${name}.yaml`, import.meta.url), 'utf8');
  if (!sim.loadScenario({ text, fileName: `${name}.yaml` }).ok) throw new Error(`${name} did not load`);
}

const portalOf = (page: Page) => page.getByRole('region', { name: 'Client Portal', exact: true });

/** The stage's Client Portal tab, then its own login. */
async function portalLogIn(page: Page, username: string): Promise<void> {
  await page.getByRole('tab', { name: 'Client Portal', exact: true }).click();
  const portal = portalOf(page);
  await portal.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
  await portal.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await portal.getByRole('button', { name: 'Log In', exact: true }).click();
}

async function openSettings(page: Page): Promise<void> {
  const portal = portalOf(page);
  await portal.getByRole('button', { name: 'User menu', exact: true }).click();
  await portal.getByRole('menuitem', { name: 'Settings', exact: true }).click();
  await portal.getByRole('heading', { name: 'User Settings', exact: true }).waitFor();
}

/** nodevice: Settings → the gear beside Mobile Number → VERIFY; the SMS arrives on the iPhone. */
async function verifyRequested(page: Page, sim: Simulation): Promise<void> {
  await portalLogIn(page, 'nodevice');
  await openSettings(page);
  const portal = portalOf(page);
  await portal.getByRole('button', { name: 'Configure Mobile Number', exact: true }).click();
  await portal.getByRole('textbox', { name: 'Mobile Number', exact: true }).fill('+1 312 555 0142');
  await portal.getByRole('button', { name: 'VERIFY', exact: true }).click();
  await portal.getByRole('textbox', { name: 'Confirmation Number', exact: true }).waitFor();
  sim.advance(sim.scenario.timing.smsDelay);
  await page.getByRole('region', { name: 'Phone — iPhone', exact: true }).getByRole('list', { name: 'Notifications' }).getByRole('button').first().waitFor();
}

/** ...then the Confirm Code in Confirmation Number and CONTINUE: the green check under SMS Verified. */
async function verified(page: Page, sim: Simulation): Promise<void> {
  await verifyRequested(page, sim);
  // Read off the phone, as the person does.
  const code = /(\d{6})/.exec(sim.getPhone({ phoneId: 'sms-phone' }).messages.at(-1)?.text ?? '')?.[1];
  if (!code) throw new Error('no Confirm Code on the iPhone');
  const portal = portalOf(page);
  await portal.getByRole('textbox', { name: 'Confirmation Number', exact: true }).fill(code);
  await portal.getByRole('button', { name: 'CONTINUE', exact: true }).click();
  await portal.getByRole('img', { name: 'Verified', exact: true }).waitFor();
}

export const shots: Shot[] = [
  {
    file: 'portal-login.png',
    ...STAGE,
    drive: async (page) => {
      await page.getByRole('tab', { name: 'Client Portal', exact: true }).click();
      const portal = portalOf(page);
      await portal.getByRole('textbox', { name: 'Username', exact: true }).fill('nodevice');
      await portal.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
    },
  },
  {
    file: 'portal-settings.png',
    ...STAGE,
    drive: async (page) => {
      await portalLogIn(page, 'nodevice');
      await openSettings(page);
    },
  },
  { file: 'portal-confirmation-number.png', ...STAGE, drive: verifyRequested },
  { file: 'portal-sms-verified.png', ...STAGE, drive: verified },
  { file: 'portal-sms-verified-1080p.png', ...FULL_HD, drive: verified },
  {
    file: 'portal-seamless.png',
    ...STAGE,
    drive: async (page, sim) => {
      load(sim, 'portal-seamless-off');
      // ibkeyios's own portal login: the push, approved in IB Key (as the e2e test does it on the phone).
      await portalLogIn(page, 'ibkeyios');
      await portalOf(page).getByRole('link', { name: 'Click here if you did not receive the message', exact: true }).waitFor();
      sim.advance(2_000);
      const loginId = sim.listPending({ username: 'ibkeyios' }).find((p) => p.kind === 'push')?.loginId;
      if (!loginId) throw new Error('no push pending');
      sim.approvePush({ phoneId: 'ios-phone', loginId, method: 'faceid' });
      await openSettings(page);
      const portal = portalOf(page);
      await portal.getByRole('button', { name: 'Secure Login System', exact: true }).click();
      await portal.getByRole('button', { name: 'Configure', exact: true }).click();
      await portal.getByRole('switch', { name: 'Seamless Authentication', exact: true }).click();
    },
  },
  {
    file: 'portal-opt-out-refused.png',
    ...STAGE,
    drive: async (page, sim) => {
      load(sim, 'portal-opt-out-refused');
      await portalLogIn(page, 'hkuser');
      const portal = portalOf(page);
      await portal.getByRole('textbox', { name: 'Security Code', exact: true }).waitFor();
      sim.advance(sim.scenario.timing.smsDelay);
      const code = sim.listPending({ username: 'hkuser' }).find((p) => p.kind === 'code')?.code;
      if (!code) throw new Error('no SMS code pending');
      await portal.getByRole('textbox', { name: 'Security Code', exact: true }).fill(code);
      await portal.getByRole('button', { name: 'Log In', exact: true }).click();
      await openSettings(page);
      await portal.getByRole('button', { name: 'Secure Login System', exact: true }).click();
      await portal.getByRole('button', { name: 'Opt out', exact: true }).click();
      await portal.getByRole('alert').waitFor();
    },
  },
  {
    file: 'portal-login-confirm-code.png',
    ...STAGE,
    drive: async (page, sim) => {
      load(sim, 'sms-not-verified');
      await portalLogIn(page, 'smsuser');
      await portalOf(page).getByText(/is not verified yet, so no security code can be sent to it/).waitFor();
      sim.advance(sim.scenario.timing.smsDelay);
    },
  },
];
