// The login window alone, and the stage during an SMS login.
import { LOGIN_WINDOW, logIn, STAGE_720P, type Shot } from './shot.js';

export const shots: Shot[] = [
  {
    file: 'login.png',
    hash: '#login',
    viewport: LOGIN_WINDOW,
    scale: 2,
    drive: async (page) => {
      await page.getByRole('textbox', { name: 'Username' }).fill('smsuser');
      await page.getByRole('textbox', { name: 'Password' }).fill('Demo1234');
      await page.getByRole('textbox', { name: 'Password' }).blur();
    },
  },
  {
    file: 'stage.png',
    hash: '',
    ...STAGE_720P,
    drive: async (page, sim) => {
      const login = page.getByRole('region', { name: 'Login' });
      await logIn(page, 'smsuser');
      await login.getByRole('textbox', { name: 'Security Code' }).waitFor();
      sim.advance(sim.scenario.timing.smsDelay);
      const phone = page.getByRole('region', { name: 'Phone — iPhone', exact: true });
      await phone.getByRole('list', { name: 'Notifications' }).getByRole('button').first().click();
      await phone.getByRole('list', { name: 'Messages' }).getByRole('listitem').first().waitFor();
      sim.advance(20_000);
      await login.getByRole('textbox', { name: 'Security Code' }).focus();
    },
  },
];
