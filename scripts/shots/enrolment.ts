// Enrolment: hkuser's login window after VERIFY (required by regulation), and nodevice's offer on the logged-in screen.
import { ENROL_WINDOW, logIn, type Shot } from './shot.js';

export const shots: Shot[] = [
  {
    file: 'login-enrol-required.png',
    hash: '#login',
    viewport: ENROL_WINDOW,
    scale: 2,
    drive: async (page) => {
      await logIn(page, 'hkuser');
      await page.getByRole('textbox', { name: 'Mobile Number' }).fill('+852 5123 4567');
      await page.getByRole('button', { name: 'VERIFY' }).click();
      await page.getByRole('textbox', { name: 'Confirmation Number' }).waitFor();
    },
  },
  {
    file: 'login-enrol-offered.png',
    hash: '#login',
    viewport: ENROL_WINDOW,
    scale: 2,
    drive: async (page) => {
      await logIn(page, 'nodevice');
      await page.getByRole('button', { name: 'Enroll in SMS authentication' }).click();
      await page.getByRole('textbox', { name: 'Mobile Number' }).fill('+1 312 555 0142');
      await page.getByRole('button', { name: 'VERIFY' }).click();
      await page.getByRole('textbox', { name: 'Confirmation Number' }).waitFor();
    },
  },
];
