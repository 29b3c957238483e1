// The login window in French (the stage switched to Français): the first screen, the security code with
// "Vous n'avez pas reçu de code de sécurité ?" open, and logged in, at the two recording sizes.
import type { Page } from '@playwright/test';
import type { Simulation } from '../../main/sim/simulation.js';
import { DEMO_PASSWORD, LOGIN_WINDOW, type Shot } from './shot.js';

const connexion = (page: Page) => page.getByRole('region', { name: 'Connexion', exact: true });

/** The windows switched to French, as the stage's Langue switch does. */
async function inFrench(page: Page, sim: Simulation): Promise<void> {
  sim.setLocale({ locale: 'fr' });
  await connexion(page).getByRole('textbox', { name: "Nom d'utilisateur" }).waitFor();
}

async function frenchLogIn(page: Page, sim: Simulation, username = 'smsuser'): Promise<void> {
  await inFrench(page, sim);
  const login = connexion(page);
  await login.getByRole('textbox', { name: "Nom d'utilisateur" }).fill(username);
  await login.getByRole('textbox', { name: 'Mot de passe' }).fill(DEMO_PASSWORD);
  await login.getByRole('button', { name: 'Se connecter' }).click();
}

async function securityCode(page: Page, sim: Simulation): Promise<void> {
  await frenchLogIn(page, sim);
  const login = connexion(page);
  await login.getByRole('textbox', { name: 'Code de sécurité' }).waitFor();
  sim.advance(3_000);
  await login.getByRole('link', { name: /^Vous n'avez pas reçu/ }).click();
  await login.getByRole('timer').waitFor();
}

async function loggedIn(page: Page, sim: Simulation): Promise<void> {
  await frenchLogIn(page, sim);
  const login = connexion(page);
  await login.getByRole('textbox', { name: 'Code de sécurité' }).waitFor();
  sim.advance(3_000);
  const code = sim.listPending({}).find((p) => p.username === 'smsuser')?.code ?? '';
  await login.getByRole('textbox', { name: 'Code de sécurité' }).fill(code);
  await login.getByRole('button', { name: 'Se connecter' }).click();
  await login.getByText('Connecté en tant que smsuser', { exact: true }).waitFor();
}

export const shots: Shot[] = [
  { file: 'fr/login-security-code.png', hash: '#login', viewport: LOGIN_WINDOW, scale: 2, drive: securityCode },
  { file: 'fr/stage-credentials-720p.png', hash: '', viewport: { width: 1280, height: 720 }, scale: 1, drive: inFrench },
  { file: 'fr/stage-security-code-720p.png', hash: '', viewport: { width: 1280, height: 720 }, scale: 1, drive: securityCode },
  { file: 'fr/stage-security-code-1080p.png', hash: '', viewport: { width: 1920, height: 1080 }, scale: 1, drive: securityCode },
  { file: 'fr/stage-logged-in-1080p.png', hash: '', viewport: { width: 1920, height: 1080 }, scale: 1, drive: loggedIn },
];
