// The words the simulated world itself sends (text messages, the automated call, the push
// notification), in English. The windows' own words are the renderer's catalogue; these are not
// the server talking to a window but what lands on the simulated phone.
import type { Scenario } from './scenario/schema.js';

const minutes = (ms: number) => Math.round(ms / 60_000);

export function securityCodeSms(scenario: Scenario, code: string): string {
  return `${scenario.branding.company}: Your security code is ${code}. It expires in ${minutes(scenario.timing.codeLifetime)} minutes. Do not share this code.`;
}

export function confirmationSms(scenario: Scenario, code: string): string {
  return `${scenario.branding.company}: Your confirmation code is ${code}. Enter it to verify your mobile number. It expires in ${minutes(scenario.timing.codeLifetime)} minutes.`;
}

/** "482913" → "4, 8, 2, 9, 1, 3": spoken digit by digit, as automated callers do. */
function spellDigits(code: string): string {
  return code.split('').join(', ');
}

export function voiceScript(scenario: Scenario, code: string): string {
  const spelled = spellDigits(code);
  return `This is ${scenario.branding.company}. Your security code is ${spelled}. Again, your security code is ${spelled}.`;
}

export function pushNotification(scenario: Scenario): { title: string; body: string } {
  return { title: 'Login request', body: `Tap to approve your login to ${scenario.branding.product}.` };
}
