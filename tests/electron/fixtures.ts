// Fixtures for the desktop app: launch it with a fresh profile, find its windows, page objects for them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test as base, type ElectronApplication, type Locator, type Page } from '@playwright/test';
import { findElectronBinary, projectRoot } from '../../scripts/electron-binary.mjs';

export { expect };

const mainJs = path.join(projectRoot, 'dist', 'electron', 'main.js');
const binary = findElectronBinary();

/** Why the Electron tests cannot run on this machine, or null when they can. */
export const skipReason: string | null = !binary
  ? 'Electron binary not installed: node_modules/electron has no downloaded binary (npm start fetches it, or run "node node_modules/electron/install.js" with internet access); the browser-host tests in tests/e2e cover the same flows.'
  : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
    ? 'No display for Electron: run the tests under a desktop session or xvfb-run.'
    : null;

/** The login window (TWS style): a region named "Login". */
export class LoginWindow {
  readonly region: Locator;
  readonly securityCode: Locator;
  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Login' });
    this.securityCode = this.region.getByRole('textbox', { name: 'Security Code' });
  }
  async logIn(username: string, password: string): Promise<void> {
    await this.region.getByRole('textbox', { name: 'Username' }).fill(username);
    await this.region.getByRole('textbox', { name: 'Password' }).fill(password);
    await this.region.getByRole('button', { name: 'Log In' }).click();
  }
  async enterCode(code: string): Promise<void> {
    await this.securityCode.fill(code);
    await this.securityCode.press('Enter');
  }
  /** The IB Key challenge as shown (the screen may group its digits). */
  async challengeDigits(): Promise<string> {
    const shown = this.region.getByLabel('Challenge', { exact: true });
    await expect(shown).toHaveText(/\d{3}\s*\d{3}/);
    return (await shown.innerText()).replace(/\D/g, '');
  }
  async answer(response: string): Promise<void> {
    await this.region.getByRole('textbox', { name: 'Enter response code' }).fill(response);
    await this.region.getByRole('button', { name: 'OK', exact: true }).click();
  }
  loggedInAs(username: string): Locator {
    return this.region.getByText(`Logged in as ${username}`);
  }
}

/** The simulated phone: a region whose name starts with "Phone", with the Messages app. */
export class PhoneWindow {
  readonly region: Locator;
  readonly messages: Locator;
  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: /^Phone/ });
    this.messages = this.region.getByRole('list', { name: /Messages/ });
  }
  button(name: string): Locator {
    return this.region.getByRole('button', { name, exact: true });
  }
  /** Waits for an SMS carrying a 6-digit code (the app's own delivery delay) and reads the code. */
  async waitForCode(): Promise<string> {
    // The phone starts on its lock screen: Home unlocks it, then Messages opens (unless it is open already).
    await expect(this.button('Home')).toBeVisible();
    if (!(await this.messages.isVisible())) {
      await this.button('Home').click();
      await this.region.getByRole('button', { name: /^Messages/ }).click();
    }
    const sms = this.messages.getByRole('listitem').filter({ hasText: /\b\d{6}\b/ }).last();
    await expect(sms).toBeVisible({ timeout: 30_000 });
    const code = /\b(\d{6})\b/.exec(await sms.innerText())?.[1];
    if (!code) throw new Error('no 6-digit code in the message');
    return code;
  }
  /** Waits for the broker app's login request (push latency), taps it, and approves with the biometric. */
  async approvePush(biometric: string): Promise<void> {
    const request = this.region.getByRole('button', { name: /Login request/ }).first();
    await expect(request).toBeVisible({ timeout: 30_000 });
    await request.click();
    await this.button(biometric).click();
    await expect(this.region.getByText('Login approved')).toBeVisible();
  }
  /** The app's Authenticate from the home screen: the challenge, "Generate Response", the biometric; returns the "Response String". */
  async generateResponse(challenge: string, biometric: string): Promise<string> {
    await this.button('Home').click();
    await this.button('IBKR Mobile').click();
    await this.button('Authenticate').click();
    await this.region.getByRole('textbox', { name: 'Challenge', exact: true }).fill(challenge);
    await this.button('Generate Response').click();
    await this.button(biometric).click();
    const result = this.region.getByLabel('Response String', { exact: true });
    await expect(result).toHaveText(/^\d{8}$/);
    return (await result.innerText()).trim();
  }
}

/** The window showing a view (#login, #phone, ...), once the app has opened it. */
export async function windowFor(app: ElectronApplication, view: string): Promise<Page> {
  const find = () => app.windows().find((page) => page.url().endsWith(`#${view}`));
  await expect.poll(() => Boolean(find()), { message: `the #${view} window opens`, timeout: 30_000 }).toBe(true);
  const page = find()!;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

interface Options {
  /** A scenario file (relative to the project) the app starts on with --scenario; null: the embedded demo scenario. */
  scenarioFile: string | null;
}

interface Fixtures {
  app: ElectronApplication;
  loginWindow: LoginWindow;
  phoneWindow: PhoneWindow;
}

export const test = base.extend<Options & Fixtures>({
  scenarioFile: [null, { option: true }],
  app: async ({ scenarioFile }, use, testInfo) => {
    if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: run "npm run build:only" first (npm run test:electron does).`);
    const args = [mainJs, '--user-data-dir', testInfo.outputPath('profile'), ...(scenarioFile ? ['--scenario', path.join(projectRoot, scenarioFile)] : [])];
    // Chromium refuses to run as root with its OS sandbox (containers); the renderer sandbox stays on.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    const app = await electron.launch({ executablePath: binary!, args, cwd: projectRoot, env: { ...process.env, NODE_ENV: 'test' } });
    await app.context().tracing.start({ screenshots: true, snapshots: true });
    try {
      await use(app);
    } finally {
      const failed = testInfo.status !== testInfo.expectedStatus;
      await app.context().tracing.stop(failed ? { path: testInfo.outputPath('trace.zip') } : {});
      await app.close();
    }
  },
  loginWindow: async ({ app }, use) => use(new LoginWindow(await windowFor(app, 'login'))),
  phoneWindow: async ({ app }, use) => use(new PhoneWindow(await windowFor(app, 'phone'))),
});
