// The voice callback as a new user meets it: no SMS code, "Voice", the phone rings, the code is read out (with captions).
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { defaultScenarioPath } from '../../main/host/scenario-files.js';
import { test, expect, DEMO_PASSWORD } from './fixtures.js';

/** The resend limit (2 minutes) and the ring delay (scenario default 30 s); a call rings 30 s before it is missed. */
const RESEND_INTERVAL = 120_000;
const VOICE_DELAY = 30_000;
const RING = 30_000;

test('smsuser logs in with the code read out by the voice callback, asked for at once', async ({ login, phone, advance }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  await login.didntReceive.click();
  // Not held back by the SMS's 2-minute timer: only "SMS" waits.
  await expect(login.smsChoice).toBeDisabled();
  await expect(login.voiceChoice).toBeEnabled();
  await expect(login.root.getByText('SMS available in')).toBeVisible();
  await login.voiceChoice.click();
  await expect(login.root).toContainText('You will receive a call at ***-***-0142');
  // A second call waits for the voice channel's own interval.
  await login.didntReceive.click();
  await expect(login.voiceChoice).toBeDisabled();
  await expect(login.root.getByText('Voice available in')).toBeVisible();
  await login.didntReceive.click();

  advance(VOICE_DELAY);
  await expect(phone.call).toHaveAccessibleName('Incoming call from IBKR');
  await phone.call.getByRole('button', { name: 'Accept', exact: true }).click();

  const captions = phone.call.getByRole('region', { name: 'Captions' });
  await expect(captions).toContainText('Your security code is');
  const spoken = /security code is ([\d, ]+?)\./.exec(await captions.innerText())?.[1] ?? '';
  const code = spoken.replace(/\D/g, '');
  expect(code).toMatch(/^\d{6}$/);
  await phone.call.getByRole('button', { name: 'End Call', exact: true }).click();
  await expect(phone.call).toHaveCount(0);

  await login.enterCode(code);
  await expect(login.loggedInAs('smsuser')).toBeVisible();
});

test('a scenario with timing.voiceWaitsForSms holds "Voice" for the SMS timer', async ({ sim, login, advance }) => {
  const scenario = parse(readFileSync(defaultScenarioPath(), 'utf8')) as { timing?: Record<string, unknown> };
  const loaded = sim.loadScenario({ text: stringify({ ...scenario, timing: { ...scenario.timing, voiceWaitsForSms: true } }), fileName: 'voice-waits.yaml' });
  expect(loaded.ok).toBe(true);
  await login.logIn('smsuser', DEMO_PASSWORD);
  await login.didntReceive.click();
  await expect(login.smsChoice).toBeDisabled();
  await expect(login.voiceChoice).toBeDisabled();
  // One clock for both: one line, "available in".
  await expect(login.resendCountdown).toHaveText('2:00');
  await expect(login.root.getByText('SMS available in')).toHaveCount(0);
  advance(RESEND_INTERVAL);
  await expect(login.voiceChoice).toBeEnabled();
  await login.voiceChoice.click();
  await expect(login.root).toContainText('You will receive a call at ***-***-0142');
});

test('an unanswered call is missed and shows in the Phone app', async ({ login, phone, advance }) => {
  await login.logIn('smsuser', DEMO_PASSWORD);
  await login.didntReceive.click();
  await login.voiceChoice.click();
  advance(VOICE_DELAY);
  await expect(phone.call).toBeVisible();

  advance(RING);
  await expect(phone.call).toHaveCount(0);
  await phone.notifications.filter({ hasText: 'Missed call' }).click();
  const recents = phone.root.getByRole('list', { name: 'Recents' }).getByRole('listitem');
  await expect(recents.first()).toContainText('IBKR');
  await expect(recents.first()).toContainText('Missed call');
});
