// Enrolment required by regulation: hkuser's login window after VERIFY, the code on its way.
import { logIn, type Shot } from './shot.js';

export const shots: Shot[] = [
  {
    file: 'login-enrol-required.png',
    hash: '#login',
    viewport: { width: 420, height: 560 },
    scale: 2,
    drive: async (page) => {
      await logIn(page, 'hkuser');
      await page.getByRole('textbox', { name: 'Mobile Number' }).fill('+852 5123 4567');
      await page.getByRole('button', { name: 'VERIFY' }).click();
      await page.getByRole('textbox', { name: 'Confirm Code' }).waitFor();
    },
  },
];
