// Presenter mode at the two sizes takes are recorded at: the stage during an SMS login, nothing but the product.
import { FRAME_SIZES } from '../../main/api/vocabulary.js';
import { logIn, type Shot } from './shot.js';

export const shots: Shot[] = FRAME_SIZES.filter((size) => size.height <= 1080).map((size) => ({
  file: `presenter-${size.label}.png`,
  hash: '',
  viewport: { width: size.width, height: size.height },
  scale: 1,
  drive: async (page, sim) => {
    await page.keyboard.press('Alt+Shift+P');
    await page.getByRole('button', { name: 'Director', exact: true }).waitFor({ state: 'detached' });
    const login = page.getByRole('region', { name: 'Login' });
    await logIn(page, 'smsuser');
    await login.getByRole('textbox', { name: 'Security Code' }).waitFor();
    sim.advance(sim.scenario.timing.smsDelay);
    const phone = page.getByRole('region', { name: 'Phone — iPhone', exact: true });
    await phone.getByRole('list', { name: 'Notifications' }).getByRole('button').first().click();
    await phone.getByRole('list', { name: 'Messages' }).getByRole('listitem').first().waitFor();
    await login.getByRole('textbox', { name: 'Security Code' }).focus();
  },
}));
