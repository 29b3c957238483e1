// The director panel as a trainer or tester uses it: faults switched live beside the login window and phone,
// the journal explaining why a message did not arrive, scenario files (good and broken), time, and the export.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JournalEntry } from '../../main/api/events.js';
import { fileLibrary } from '../../main/host/scenario-library.js';
import { Pacer, type Ticker } from '../../main/host/pacer.js';
import { defaultScenarioPath, readScenarioFile } from '../../main/host/scenario-files.js';
import { PUSH_LATENCY_MS } from '../../main/sim/push.js';
import { parseScenario } from '../../main/sim/scenario/load.js';
import { Simulation } from '../../main/sim/simulation.js';
import { test as base, expect, DEMO_PASSWORD } from './fixtures.js';
import { Director } from './pages/Director.js';
import { Fob } from './pages/Fob.js';
import { PhonePage } from './pages/PhonePage.js';
import { repoRoot } from './renderer-dir.js';
import { expectAccessible } from './axe.js';

const SMS_DELAY = 3_000;

interface DirectorFixtures {
  director: Director;
  /** Wall-clock time passing for a host's pacer (the fixture's server has none: time moves only when a test says). */
  realTime: (ms: number) => void;
}

const test = base.extend<DirectorFixtures>({
  // The hosts' simulation, with the built-in library the director's picker lists.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  sim: async ({}, use) => {
    const loaded = readScenarioFile(defaultScenarioPath());
    if (!loaded.ok) throw new Error('the default scenario does not load');
    await use(new Simulation(loaded.scenario, { library: fileLibrary() }));
  },
  director: async ({ page, login }, use) => {
    void login;
    await use(new Director(page));
  },
  realTime: async ({ sim }, use) => {
    // The hosts' own pacer, driven by a stand-in wall clock so the test decides when real time passes.
    let now = 0;
    const ticker: Ticker = { now: () => now, setInterval: () => 1, clearInterval: () => {} };
    const pacer = new Pacer(sim, ticker);
    pacer.start();
    await use((ms) => {
      now += ms;
      pacer.tick();
    });
    pacer.stop();
  },
});

/** From any screen: Home, the broker's app, then its "Authenticate". */
async function openAuthenticate(phone: PhonePage): Promise<void> {
  await phone.home.click();
  await phone.root.getByRole('button', { name: 'IBKR Mobile', exact: true }).click();
  await phone.root.getByRole('button', { name: 'Authenticate', exact: true }).click();
}

test('Do Not Disturb: no banner, the notification is in the list, the journal explains it, challenge/response gets in', async ({
  page,
  login,
  director,
  advance,
}) => {
  await director.open();
  await director.setSwitch('iPhone 15', 'Do Not Disturb');
  await expect(director.entries.last()).toHaveText(/iPhone 15: Do Not Disturb on/);

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  const phone = new PhonePage(page, 'iPhone 15');
  await expect(phone.root).toBeVisible();
  advance(PUSH_LATENCY_MS);

  // Silenced: it is in the lock screen's list, and no banner came down.
  await expect(phone.notifications).toHaveCount(1);
  await expect(phone.notifications.first()).toContainText('Login request');
  await expect(phone.banner).toHaveCount(0);

  const silenced = director.entryWithReason('dnd_silenced');
  await expect(silenced).toContainText('Do Not Disturb silenced the notification: no banner, but it is in the notification list.');
  await expect(silenced).toContainText(
    'Fix: Open the notification list, or turn Do Not Disturb off. — “I am not receiving IBKR Mobile notifications.”, step 2. Open and review the list',
  );

  // The fallback of the help article: the challenge on the login window, the response from the app.
  await login.noNotification.click();
  const challenge = await login.challengeDigits();
  await openAuthenticate(phone);
  await phone.root.getByRole('textbox', { name: 'Challenge', exact: true }).fill(challenge);
  await phone.root.getByRole('button', { name: 'Generate Response', exact: true }).click();
  await phone.root.getByRole('button', { name: 'Face ID', exact: true }).click();
  const response = phone.root.getByLabel('Response String', { exact: true });
  await expect(response).toHaveText(/\d{8}/);
  const digits = (await response.innerText()).replace(/\D/g, '');
  await login.answer(login.responseCode, digits);
  await expect(login.loggedInAs('ibkeyios')).toBeVisible();
  await expect(director.entries.last()).toHaveText(/ibkeyios logged in \(live, IB Key\)/);
});

test('carrier blocking: no SMS, the journal says why, and the voice callback reads the code', async ({ page, login, director, advance }) => {
  await director.open();
  await director.setSwitch('iPhone', 'Carrier blocking');

  await login.logIn('smsuser', DEMO_PASSWORD);
  const phone = new PhonePage(page, 'iPhone');
  advance(SMS_DELAY);
  const blocked = director.entryWithReason('carrier_blocked');
  await expect(blocked).toContainText('SMS to iPhone not delivered');
  await expect(blocked).toContainText("The phone carrier's spam filter blocked the message.");
  await expect(blocked).toContainText("Fix: Check with the carrier whether an SMS filter is in place for the broker's messages, or use the voice callback. — “I am not receiving text messages (SMS) from IBKR on my mobile phone”, step 4. Check whether your phone carrier is blocking the SMS from IBKR");
  // The article's advice for the region of the phone's carrier (the demo iPhone is in the US).
  await expect(blocked).toContainText('In the US: the article lists the services to contact here, but its text names none.');
  await expect(phone.notifications).toHaveCount(0);

  // A new SMS only after the resend limit; the voice callback at once (the article's step 3).
  await login.didntReceive.click();
  await expect(login.smsChoice).toBeDisabled();
  await expect(login.voiceChoice).toBeEnabled();
  await login.voiceChoice.click();
  await expect(director.entries.filter({ hasText: 'Voice call to iPhone' })).toHaveCount(1);

  // The automated call comes after the scenario's voice delay (30 s by default).
  await director.button('+30 s').click();
  await phone.root.getByRole('button', { name: 'Accept', exact: true }).click();
  const captions = phone.root.getByRole('region', { name: 'Captions' });
  await expect(captions).toContainText('Your security code is');
  const code = /(\d[\s,.-]*){6}/.exec(await captions.innerText())?.[0]?.replace(/\D/g, '');
  expect(code).toMatch(/^\d{6}$/);
  await login.enterCode(code!);
  await expect(login.loggedInAs('smsuser')).toBeVisible();
});

test('a rooted Android phone: the push never arrives, the journal says why, the app refuses Authenticate', async ({ page, login, director, advance }) => {
  await director.open();
  await director.setSwitch('Pixel 8', 'Rooted');

  await login.logIn('ibkeyandroid', DEMO_PASSWORD);
  const phone = new PhonePage(page, 'Pixel 8');
  await expect(phone.root).toBeVisible();
  advance(PUSH_LATENCY_MS);
  const refused = director.entryWithReason('jailbroken');
  await expect(refused).toContainText('Notification to Pixel 8 not delivered');
  await expect(refused).toContainText('The phone is jailbroken or rooted; IB Key refuses to work on it.');
  await expect(refused).toContainText('Fix: Use a phone that is not jailbroken/rooted, or another second factor. — “I am not receiving IBKR Mobile notifications.”, step 8.');
  await expect(phone.notifications).toHaveCount(0);

  await login.noNotification.click();
  const challenge = await login.challengeDigits();
  await openAuthenticate(phone);
  await phone.root.getByLabel('PIN', { exact: true }).fill('1357');
  await phone.root.getByRole('textbox', { name: 'Challenge', exact: true }).fill(challenge);
  await phone.root.getByRole('button', { name: 'Generate Passcode', exact: true }).click();
  await expect(phone.root.getByRole('alert')).toHaveText('IB Key cannot be used on a jailbroken or rooted device.');
  await expect(director.entries.last()).toContainText('Pixel 8: the app refused to generate a response');
});

const BROKEN = ['name: broken', 'title: A broken file', 'phones: 3', 'users:', '  - username: 5', '    region: US', ''].join('\n');
const BROKEN_PROBLEMS = [
  'broken.yaml:1:1 seed — missing required field',
  'broken.yaml:3:9 phones — Invalid input: expected array, received number',
  'broken.yaml:5:5 users[0].password — missing required field',
  'broken.yaml:5:15 users[0].username — Invalid input: expected string, received number',
];

test('a broken scenario file, opened or dropped, shows every problem and the old scenario keeps running', async ({ page, login, director, phone, advance }) => {
  await director.open();
  await expect(director.scenarioTitle).toHaveText('Demo accounts');

  await director.fileInput.setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(BROKEN) });
  await expect(director.problems).toContainText('broken.yaml was not loaded: 4 problems. The running scenario is unchanged.');
  await expect(director.problems.getByRole('listitem')).toHaveText(BROKEN_PROBLEMS);
  await expect(director.scenarioTitle).toHaveText('Demo accounts');

  // The same file dropped on the login window (anywhere on the stage will do), under another name.
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.yml', { type: 'application/yaml' }));
    return data;
  }, BROKEN.replace('phones: 3', 'phones: [1]'));
  for (const type of ['dragenter', 'dragover', 'drop']) await login.root.dispatchEvent(type, { dataTransfer: transfer });
  await expect(director.problems).toContainText('dropped.yml was not loaded');
  await expect(director.problems.getByRole('listitem').filter({ hasText: 'dropped.yml:3:' })).toHaveText(/dropped\.yml:3:\d+ phones\[0\] — /);
  await expect(director.scenarioTitle).toHaveText('Demo accounts');

  // And the running scenario still logs people in.
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await phone.openMessages();
  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('smsuser')).toBeVisible();
});

test('a good scenario file and a built-in one replace the running scenario; Reset starts it again', async ({ login, director }) => {
  await director.open();
  const file = readFileSync(path.join(repoRoot, 'scenarios/library/sms-carrier-blocked.yaml'), 'utf8');
  await director.fileInput.setInputFiles({ name: 'sms-carrier-blocked.yaml', mimeType: 'application/yaml', buffer: Buffer.from(file) });
  await expect(director.scenarioTitle).toHaveText(/^SMS: /);
  await expect(director.root.getByRole('status')).toContainText('Loaded');
  await expect(director.problems).toHaveCount(0);

  await director.library.selectOption({ label: 'Push: Do Not Disturb silences the banner' });
  await director.button('Load').click();
  await expect(director.scenarioTitle).toHaveText('Push: Do Not Disturb silences the banner');
  await expect(director.root.getByText(/^Article I am not receiving IBKR Mobile notifications/)).toBeVisible();

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  await expect(director.entries.filter({ hasText: 'ibkeyios started a live login' })).toHaveCount(1);
  await director.button('Reset').click();
  await expect(director.entries.filter({ hasText: 'ibkeyios started a live login' })).toHaveCount(0);
  await expect(login.username).toBeVisible();
});

test('time: the skip buttons move the resend countdown; Pause stops the clock, Resume lets it run', async ({ login, director, realTime }) => {
  await director.open();
  await login.logIn('smsuser', DEMO_PASSWORD);
  await login.didntReceive.click();
  await expect(login.resendCountdown).toHaveText('2:00');

  await director.button('Step').click();
  await expect(login.resendCountdown).toHaveText('1:59');
  await director.button('+30 s').click();
  await expect(login.resendCountdown).toHaveText('1:29');
  await expect(director.clock).toHaveText('0:31');

  // The host's pacer moves virtual time with the wall clock while the clock runs.
  realTime(4_000);
  await expect(login.resendCountdown).toHaveText('1:25');
  await director.button('Pause').click();
  await expect(director.root.getByText('Paused', { exact: true })).toBeVisible();
  realTime(60_000);
  await expect(director.clock).toHaveText('0:35');
  await expect(login.resendCountdown).toHaveText('1:25');
  // Paused, the skip buttons still move time: the trainer decides.
  await director.button('+2 min').click();
  await expect(login.resendCountdown).toHaveCount(0);
  await expect(login.smsChoice).toBeEnabled();
  await director.button('Resume').click();
  await expect(director.root.getByText('Running', { exact: true })).toBeVisible();
  realTime(5_000);
  await expect(director.clock).toHaveText('2:40');
});

test('pending shows the live code beside the SMS on the phone; the journal filters by user', async ({ login, director, phone, advance }) => {
  await director.open();
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await phone.openMessages();
  const code = await phone.latestCode();

  await director.tab('Pending').click();
  const row = director.pending.getByRole('row', { name: /smsuser/ });
  await expect(row).toContainText('Security code');
  await expect(row).toContainText(code);
  await expect(row.getByRole('timer')).toHaveText('9:57');
  await director.button('+2 min').click();
  await expect(row.getByRole('timer')).toHaveText('7:57');

  await director.userFilter.selectOption('ibkeyios');
  await expect(director.entries).toHaveCount(0);
  await director.userFilter.selectOption('smsuser');
  await expect(director.entries.filter({ hasText: 'SMS delivered to iPhone' })).toHaveCount(1);
  await expect(director.entries.filter({ hasText: 'Scenario “default” started' })).toHaveCount(0);

  await login.enterCode(code);
  await expect(director.pending).toHaveCount(0);
});

test('Seamless Authentication off stops the notification, and the journal names the Client Portal switch', async ({ login, director, advance }) => {
  await director.open();
  await director.tab('People & devices').click();
  const seamless = director.root.getByRole('switch', { name: 'Seamless for ibkeyios' });
  await expect(seamless).toBeChecked();
  await seamless.uncheck();
  await expect(director.entries.last()).toHaveText(/ibkeyios: Seamless Authentication disabled/);

  await login.logIn('ibkeyios', DEMO_PASSWORD);
  advance(PUSH_LATENCY_MS);
  await expect(director.entryWithReason('seamless_disabled')).toContainText('Fix: Client Portal → User menu → Settings → User Settings → Secure Login System → Secure Login Settings: the wheel (Configure) beside Seamless Authentication, activate, Save.');
});

test('SMS stuck: the journal says to restart; "Restart phone" brings the held SMS', async ({ login, director, phone, advance }) => {
  await director.open();
  await director.setSwitch('iPhone', 'SMS stuck until restart');
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  const held = director.entryWithReason('sms_stuck');
  await expect(held).toContainText('SMS for iPhone waits in the network');
  await expect(held).toContainText('Fix: Power the phone down completely and turn it back on. — “I am not receiving text messages (SMS) from IBKR on my mobile phone”, step 2. Restart your phone');
  await expect(phone.notifications).toHaveCount(0);

  await director.button('Restart phone').click();
  await expect(director.root.getByRole('switch', { name: 'SMS stuck until restart' })).not.toBeChecked();
  await expect(phone.notifications).toHaveCount(1);
  await phone.openMessages();
  await login.enterCode(await phone.latestCode());
  await expect(login.loggedInAs('smsuser')).toBeVisible();
});

test('a fob locked by wrong PINs shows as locked; "Reset fob" makes it usable again', async ({ page, login, director }) => {
  await director.open();
  await login.logIn('dscuser', DEMO_PASSWORD);
  const fob = new Fob(page, 'SNA-52903318');
  await fob.holdPress();
  for (let i = 0; i < 3; i++) await fob.enter('1111');
  await expect(fob.display).toHaveText('LOCKED');

  await director.tab('People & devices').click();
  const row = director.root.getByRole('table', { name: 'Digital Security Card+ fobs' }).getByRole('row', { name: /SNA-52903318/ });
  await expect(row).toContainText('Locked');
  await expect(row).toContainText('3 wrong PINs');
  await row.getByRole('button', { name: 'Reset fob' }).click();
  await expect(row).toContainText('Off');
  await expect(director.entries.last()).toHaveText(/DSC\+ SNA-52903318 reset/);
  await fob.holdPress();
  await expect(fob.display).toHaveText('PIN>');
});

test('Export journal downloads JSON Lines: one journal entry per line', async ({ page, login, director, advance }) => {
  await director.open();
  await login.logIn('smsuser', DEMO_PASSWORD);
  advance(SMS_DELAY);
  await expect(director.entries.filter({ hasText: 'SMS delivered to iPhone' })).toHaveCount(1);
  const shown = await director.entries.count();

  const [download] = await Promise.all([page.waitForEvent('download'), director.exportButton.click()]);
  expect(download.suggestedFilename()).toBe('journal-default.jsonl');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.trimEnd().split('\n');
  expect(lines).toHaveLength(shown);
  const entries = lines.map((line) => JSON.parse(line) as JournalEntry);
  expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
  expect(entries[0]).toMatchObject({ type: 'scenario.loaded', name: 'default' });
  expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['login.started', 'code.issued', 'sms.sent', 'sms.delivered']));
});

test('Export as scenario downloads the world as a scenario file that loads back to the same world', async ({ page, director, sim, advance }) => {
  await director.open();
  const faults = await director.faultsOf('iPhone');
  await faults.getByRole('switch', { name: 'Airplane mode', exact: true }).click();
  await expect(director.entries.last()).toHaveText(/iPhone: Airplane mode on/);
  sim.clearAppData({ phoneId: 'android-phone' });
  advance(90_000);

  await director.tab('Scenario').click();
  const [download] = await Promise.all([page.waitForEvent('download'), director.button('Export as scenario').click()]);
  expect(download.suggestedFilename()).toBe('default-saved.yaml');
  await expect(director.root.getByRole('status')).toContainText('Exported the world as default-saved.yaml');
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  const parsed = parseScenario(text, 'default-saved.yaml');
  expect(parsed.ok, JSON.stringify(parsed.ok ? null : parsed.problems)).toBe(true);
  const { clock, ...world } = new Simulation(parsed.ok ? parsed.scenario : sim.scenario).getWorld();
  const { clock: running, ...before } = sim.getWorld();
  expect(world).toEqual(before);
  expect(clock.now).toBe(running.now);

  // Loaded back through the Director, after a reset has put the phone back on the ground.
  await director.button('Reset').click();
  await expect.poll(() => sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(false);
  // The download's own path has no .yaml ending; the file is offered as the browser saved it.
  await director.fileInput.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/yaml', buffer: Buffer.from(text) });
  await expect(director.root.getByRole('status')).toContainText('Loaded');
  await expect(director.problems).toHaveCount(0);
  expect(sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(true);
  expect(sim.getPhone({ phoneId: 'android-phone' }).app.ibkeyUser).toBeNull();
  expect(sim.getClock().now).toBe(running.now);
});

test('the director is reachable from the keyboard: toggle, tabs with the arrow keys, switches with Space', async ({ page, director }) => {
  await director.toggle.focus();
  await page.keyboard.press('Enter');
  await expect(director.root).toBeVisible();
  await director.tab('Scenario').focus();
  await page.keyboard.press('ArrowRight');
  await expect(director.tab('People & devices')).toBeFocused();
  await expect(director.tab('People & devices')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(director.tab('Phones & faults')).toHaveAttribute('aria-selected', 'true');
  const airplane = director.root.getByRole('switch', { name: 'Airplane mode', exact: true });
  await airplane.focus();
  await page.keyboard.press('Space');
  await expect(airplane).toBeChecked();
  await expect(director.entries.last()).toHaveText(/iPhone: Airplane mode on/);
});

test('"Add a phone": a new iPhone 16 for smsuser, refused first for an id already taken (the catalogue\'s sentence), then on the desk without the app, which its App Store installs', async ({ page, login, director, server, sim, advance }) => {
  await director.open();
  await director.tab('People & devices').click();
  const form = director.root.getByRole('form', { name: 'Add a phone' });
  await form.getByRole('combobox', { name: 'Owner' }).selectOption('smsuser');
  await form.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'New phone (Migrate IB Key; no app yet)' });
  await form.getByRole('combobox', { name: 'Platform' }).selectOption('iOS');
  await form.getByRole('combobox', { name: 'Model' }).selectOption('iPhone 16');
  await form.getByRole('textbox', { name: 'Phone id' }).fill('ios-phone');
  await form.getByRole('button', { name: 'Add phone' }).click();
  await expect(director.root.getByRole('alert')).toHaveText('No phone added: the id "ios-phone" is already a phone\'s. Choose another id.');
  await expectAccessible(page, 'director: add a phone refused', '#director');

  await form.getByRole('textbox', { name: 'Phone id' }).fill('');
  await form.getByRole('button', { name: 'Add phone' }).click();
  await expect(director.root.getByRole('status')).toHaveText('Added iPhone 16 (smsuser-new-phone) for smsuser.');
  await expect(director.root.getByRole('alert')).toHaveCount(0);
  await expect(director.root.getByRole('table', { name: 'Phones' }).getByRole('rowheader', { name: 'iPhone 16' })).toHaveCount(2);
  await expect(director.entries.last()).toContainText("smsuser's new phone added: iPhone 16 (iOS), id smsuser-new-phone");
  // The stage kept its state: the name typed stays.
  await login.username.fill('smsuser');
  await expect(login.username).toHaveValue('smsuser');

  // The new phone in its own window: the App Store, no IBKR Mobile yet.
  const added = await PhonePage.inWindow(page, server.url, 'smsuser-new-phone', 'iPhone 16');
  await added.home.click();
  await expect(added.appIcon).toHaveCount(0);
  await added.storeIcon.click();
  await added.store.getByRole('button', { name: 'Get', exact: true }).click();
  advance(5_000);
  await expect(added.store.getByRole('button', { name: 'Open', exact: true })).toBeVisible();
  expect(sim.getPhone({ phoneId: 'smsuser-new-phone' }).app.installed).toBe(true);
  await added.page.close();
});
