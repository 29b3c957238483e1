// The phone's side of the second factors: IB Key's approval and Authenticate, the voice callback, and the stage during them.
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, PHONE_WINDOW, logIn, STAGE_720P, type Shot } from './shot.js';

/** One phone window (#phone/<id>): the 360×740 frame with a little room around it. */
const phoneWindow = { viewport: PHONE_WINDOW, scale: 2 };
const stage = STAGE_720P;

const phone = (page: Page, name: string) => page.getByRole('region', { name: `Phone — ${name}`, exact: true });
const button = (page: Page, phoneName: string, name: string) => phone(page, phoneName).getByRole('button', { name, exact: true });

/** Home, the broker's app from its icon, then Authenticate. */
async function openAuthenticate(page: Page, phoneName: string): Promise<void> {
  await button(page, phoneName, 'Home').click();
  await button(page, phoneName, 'IBKR Mobile').click();
  await button(page, phoneName, 'Authenticate').click();
}

export const shots: Shot[] = [
  {
    file: 'phone-push.png',
    hash: '#phone/ios-phone',
    ...phoneWindow,
    drive: async (page, sim) => {
      // The login window is elsewhere (another window): the password goes in there.
      sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
      sim.advance(1_000);
      await phone(page, 'iPhone 15').getByRole('list', { name: 'Notifications' }).getByRole('button').first().click();
      await button(page, 'iPhone 15', 'Face ID').waitFor();
      sim.advance(12_000);
      await button(page, 'iPhone 15', 'Face ID').blur();
    },
  },
  {
    file: 'phone-authenticate.png',
    hash: '#phone/android-phone',
    ...phoneWindow,
    drive: async (page, sim) => {
      const login = sim.submitCredentials({ username: 'ibkeyandroid', password: DEMO_PASSWORD, mode: 'live' });
      const { challenge } = sim.requestChallenge({ loginId: login.loginId! });
      await openAuthenticate(page, 'Pixel 8');
      const root = phone(page, 'Pixel 8');
      await root.getByLabel('PIN', { exact: true }).fill('1357');
      await root.getByRole('textbox', { name: 'Challenge', exact: true }).fill(challenge!);
      await button(page, 'Pixel 8', 'Generate Passcode').click();
      await root.getByLabel('Response String', { exact: true }).waitFor();
      await button(page, 'Pixel 8', 'Generate Passcode').blur();
    },
  },
  {
    file: 'phone-call.png',
    hash: '#phone/sms-phone',
    ...phoneWindow,
    drive: async (page, sim) => {
      const login = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
      sim.advance(sim.scenario.timing.resendInterval);
      sim.requestNewCode({ loginId: login.loginId!, channel: 'voice' });
      sim.advance(sim.scenario.timing.voiceDelay);
      await button(page, 'iPhone', 'Accept').click();
      await phone(page, 'iPhone').getByRole('region', { name: 'Captions' }).waitFor();
      sim.advance(7_000);
      await button(page, 'iPhone', 'End Call').blur();
    },
  },
  {
    file: 'stage-ibkey.png',
    hash: '',
    ...stage,
    drive: async (page, sim) => {
      await logIn(page, 'ibkeyios');
      await button(page, 'iPhone 15', 'Home').click();
      sim.advance(1_000);
      await phone(page, 'iPhone 15').getByRole('status').getByRole('button').click();
      await button(page, 'iPhone 15', 'Face ID').waitFor();
      sim.advance(9_000);
    },
  },
  {
    file: 'stage-trading-device.png',
    hash: '',
    ...STAGE_720P,
    drive: async (page, sim) => {
      await page.getByRole('button', { name: 'Trading device', exact: true }).click();
      await button(page, 'iPad', 'Home').click();
      await button(page, 'iPad', 'IBKR Mobile').click();
      const ipad = phone(page, 'iPad');
      await ipad.getByRole('textbox', { name: 'Username', exact: true }).fill('ibkeyios');
      await ipad.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await button(page, 'iPad', 'Log In').click();
      await button(page, 'iPad', 'Two-Factor Authentication').click();
      const challenge = (await ipad.getByLabel('Challenge', { exact: true }).textContent())!.trim();
      await openAuthenticate(page, 'iPhone 15');
      await phone(page, 'iPhone 15').getByRole('textbox', { name: 'Challenge', exact: true }).fill(challenge);
      await button(page, 'iPhone 15', 'Generate Response').click();
      await button(page, 'iPhone 15', 'Face ID').click();
      const response = phone(page, 'iPhone 15').getByLabel('Response String', { exact: true });
      await response.waitFor();
      await ipad.getByRole('textbox', { name: 'Enter response code', exact: true }).fill((await response.textContent())!);
      sim.advance(5_000);
    },
  },
];
