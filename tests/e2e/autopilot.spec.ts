// The autopilot plays a library scenario's script through the stage's real controls: to its expected end, with pause, step and restart.
//
// The take's time is moved by the test (`slsAutopilot.advance`, the recorder's manual clock), so no
// test waits for time to pass; the simulation's clock moves only by the script's waits.
import type { Page } from '@playwright/test';
import type { AutopilotHandle, AutopilotSnapshot } from '../../main/api/script-view.js';
import { checkExpectations } from '../../main/sim/expect.js';
import { test as base, expect } from './fixtures.js';
import { LoginWindow } from './pages/LoginWindow.js';
import { wordsFor } from './pages/words.js';

type WithAutopilot = Window & { slsAutopilot: AutopilotHandle };

base.use({ scenario: 'happy-sms' });

/** The stage on one library scenario (the fixtures' `scenario` option: happy-sms unless a group says otherwise). */
const test = base.extend<{ stage: LoginWindow }>({
  stage: async ({ page, server }, use) => {
    await page.goto(server.url);
    await expect(page.locator('html[data-ready]')).toBeAttached();
    // The test moves the take's time, not the page's animation frames.
    await page.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.manual());
    await use(new LoginWindow(page));
  },
});

const snapshot = (page: Page) => page.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.snapshot());

/** Moves the take on in 250 ms frames until the autopilot stops playing (done, failed, paused); a bounded number of frames. */
async function playOn(page: Page, frames = 600): Promise<AutopilotSnapshot> {
  for (let i = 0; i < frames; i++) {
    const s = await page.evaluate(async () => {
      const pilot = (window as unknown as WithAutopilot).slsAutopilot;
      await pilot.advance(250);
      return pilot.snapshot();
    });
    if (s.status !== 'playing') return s;
  }
  return snapshot(page);
}

const strip = (page: Page) => page.getByRole('status', { name: 'Autopilot', exact: true });

test.describe('SMS login', () => {
  test('plays from the keyboard to "Logged in", typing into the real fields, with captions and the article step', async ({ page, stage, sim }) => {
    await page.keyboard.press('Alt+Shift+KeyA');
    await expect.poll(async () => (await snapshot(page)).status).toBe('playing');
    // A moment in: the caption names the step, the strip cites the article's step.
    await page.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.advance(1500));
    await expect(strip(page)).toContainText('Step 1 of 3');
    await expect(strip(page)).toContainText('smsuser types the user name and password, then logs in');
    await expect(strip(page)).toContainText('Article: How to enable and use SMS as Two-Factor Authentication method — How to login using SMS authentication');
    // Typed a key at a time: part of the user name is in the field, not all of it.
    await expect(stage.username).toHaveValue(/^s[a-z]*$/);
    await expect(stage.username).not.toHaveValue('smsuser');

    const end = await playOn(page);
    expect(end.error).toBeNull();
    expect(end.status).toBe('done');
    await expect(stage.loggedInAs('smsuser')).toBeVisible();
    await expect(strip(page)).toContainText('End of the scenario');
    // The scenario's own expectations hold, as after the headless runner: the SMS delivered, logged in by SMS within a minute.
    expect(checkExpectations(sim, sim.scenario.expect).filter((e) => !e.ok)).toEqual([]);
    // One cue per step, in order, at increasing times of the take.
    expect(end.cues.map((c) => c.step)).toEqual([0, 1, 2]);
    expect(end.cues.map((c) => c.at)).toEqual([...end.cues.map((c) => c.at)].sort((a, b) => a - b));
  });

  test('pause holds the take; restart resets the world and plays again from the first frame', async ({ page, stage }) => {
    await page.keyboard.press('Alt+Shift+KeyA');
    await expect.poll(async () => (await snapshot(page)).status).toBe('playing');
    await page.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.advance(2000));
    await page.keyboard.press('Alt+Shift+KeyA');
    // The key is handled by the page when it gets there: wait for what it does, not for a time.
    await expect.poll(async () => (await snapshot(page)).status).toBe('paused');
    const paused = await snapshot(page);
    // Paused, the take's time stands still however far it is asked to move.
    await page.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.advance(5000));
    expect((await snapshot(page)).time).toBe(paused.time);
    const typed = await stage.username.inputValue();
    expect(await stage.username.inputValue()).toBe(typed);

    await page.keyboard.press('Alt+Shift+KeyA');
    await expect.poll(async () => (await snapshot(page)).status).toBe('playing');
    const first = await playOn(page);
    expect(first.status).toBe('done');
    await expect(stage.loggedInAs('smsuser')).toBeVisible();

    await page.keyboard.press('Alt+Shift+KeyR');
    await expect.poll(async () => (await snapshot(page)).time).toBeLessThan(paused.time);
    await expect(stage.username).toBeVisible();
    // The reset answered, the take plays again from its first frame.
    await expect.poll(async () => (await snapshot(page)).status).toBe('playing');
    const second = await playOn(page);
    expect(second.status).toBe('done');
    // The same take: every cue at the same moment as the first time.
    expect(second.cues).toEqual(first.cues);
    await expect(stage.loggedInAs('smsuser')).toBeVisible();
  });
});

test.describe('IB Key push, then the challenge', () => {
  test.use({ scenario: 'push-timeout' });

  test("the Director's Step plays one step at a time; the push expires and the challenge is answered in the app", async ({ page, stage, sim }) => {
    await page.getByRole('button', { name: 'Director', exact: true }).click();
    const controls = page.getByRole('group', { name: 'Autopilot', exact: true });
    await controls.getByRole('button', { name: 'Next step', exact: true }).click();
    const afterLogin = await playOn(page);
    expect(afterLogin.status).toBe('paused');
    expect(afterLogin.step).toBe(0);
    await expect(stage.noNotification).toBeVisible();
    await expect(controls).toContainText('Step 1/3: login: { user: ibkeyios } (paused)');

    // Step from the keyboard: the three minutes pass, the push expires, the login offers the challenge.
    await page.keyboard.press('Alt+Shift+KeyS');
    const afterWait = await playOn(page);
    expect(afterWait.status).toBe('paused');
    expect(afterWait.step).toBe(1);
    await expect(stage.challenge).toHaveText(/\d{3}\s*\d{3}/);

    await controls.getByRole('button', { name: 'Play take', exact: true }).click();
    const end = await playOn(page);
    expect(end.error).toBeNull();
    expect(end.status).toBe('done');
    await expect(stage.loggedInAs('ibkeyios')).toBeVisible();
    expect(sim.getJournal({}).entries.some((e) => e.type === 'push.expired')).toBe(true);
    // The scenario's expectations: the push delivered, logged in by challenge.
    expect(checkExpectations(sim, sim.scenario.expect).filter((e) => !e.ok)).toEqual([]);
  });
});

// The Client Portal's steps: the stage's tab, its own login, Settings (the number, the Seamless switch, opting out).
for (const scenario of ['portal-verify-number', 'portal-seamless-off', 'sms-not-verified-portal', 'portal-opt-out-refused']) {
  test.describe(`the Client Portal: ${scenario}`, () => {
    test.use({ scenario });

    test('the take plays through the portal tab and back to the login window, and the expectations hold', async ({ page, stage, sim }) => {
      void stage;
      await page.keyboard.press('Alt+Shift+KeyA');
      const end = await playOn(page, 1200);
      expect(end.error).toBeNull();
      expect(end.status).toBe('done');
      expect(checkExpectations(sim, sim.scenario.expect).filter((e) => !e.ok)).toEqual([]);
    });
  });
}

test.describe('with the stage in Français', () => {
  const fr = wordsFor('fr');
  const frenchStrip = (page: Page) => page.getByRole('status', { name: fr('autopilot.strip'), exact: true });

  /** The stage's language switch, as a trainer uses it before a take. */
  async function toFrench(page: Page): Promise<LoginWindow> {
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption({ label: 'Français' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    return new LoginWindow(page, 'fr');
  }

  test.describe('IB Key push, then the challenge', () => {
    test.use({ scenario: 'push-timeout' });

    test('the take plays to "Connecté en tant que", finding every control by its French name, with French captions', async ({ page, stage, sim }) => {
      void stage;
      const french = await toFrench(page);
      await page.keyboard.press('Alt+Shift+KeyA');
      await expect.poll(async () => (await snapshot(page)).status).toBe('playing');
      await page.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.advance(1500));
      await expect(frenchStrip(page)).toContainText(fr('autopilot.progress', { n: 1, total: 3 }));
      await expect(frenchStrip(page)).toContainText(fr('autopilot.caption.login', { user: 'ibkeyios' }));
      // Typed into the French window's "Nom d'utilisateur", a key at a time.
      await expect(french.username).toHaveValue(/^i[a-z]*$/);

      const end = await playOn(page);
      expect(end.error).toBeNull();
      expect(end.status).toBe('done');
      await expect(french.loggedInAs('ibkeyios')).toBeVisible();
      await expect(frenchStrip(page)).toContainText(fr('autopilot.done'));
      // The cues (the recorder's WebVTT) are in French too.
      expect(end.cues.map((c) => c.text)).toEqual([fr('autopilot.caption.login', { user: 'ibkeyios' }), fr('autopilot.caption.waitMinutes', { minutes: 3 }), fr('autopilot.caption.challengeResponse')]);
      expect(sim.getJournal({}).entries.some((e) => e.type === 'push.expired')).toBe(true);
      expect(checkExpectations(sim, sim.scenario.expect).filter((e) => !e.ok)).toEqual([]);
    });
  });

  test.describe('IB Key push approved with the app PIN', () => {
    test.use({ scenario: 'happy-push-android-pin' });

    test('taps the push and types the PIN in the French app', async ({ page, stage, sim }) => {
      void stage;
      const french = await toFrench(page);
      await page.keyboard.press('Alt+Shift+KeyA');
      await expect.poll(async () => (await snapshot(page)).status).toBe('playing');
      const end = await playOn(page);
      expect(end.error).toBeNull();
      expect(end.status).toBe('done');
      await expect(french.loggedInAs('ibkeyandroid')).toBeVisible();
      expect(end.cues.at(-1)?.text).toBe(fr('autopilot.caption.approvePush', { method: fr('ibkr.unlock.pin') }));
      expect(checkExpectations(sim, sim.scenario.expect).filter((e) => !e.ok)).toEqual([]);
    });
  });

  test.describe('a French scenario (locale: fr)', () => {
    test.use({ scenario: 'sms-french' });

    test('the stage opens in French and the take reads the French SMS and logs in', async ({ page, stage, sim }) => {
      void stage;
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      const french = new LoginWindow(page, 'fr');
      await page.keyboard.press('Alt+Shift+KeyA');
      await expect.poll(async () => (await snapshot(page)).status).toBe('playing');
      const end = await playOn(page);
      expect(end.error).toBeNull();
      expect(end.status).toBe('done');
      await expect(french.loggedInAs('smsuser')).toBeVisible();
      await expect(frenchStrip(page)).toContainText(fr('autopilot.article', { title: 'Comment activer et utiliser la double authentification par SMS', step: "Comment se connecter en utilisant l'authentification par SMS" }));
      expect(checkExpectations(sim, sim.scenario.expect).filter((e) => !e.ok)).toEqual([]);
    });
  });
});
