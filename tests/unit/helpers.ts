// Shared test helpers: a fresh simulation on the demo scenario, and reading codes off its phones.
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../main/sim/scenario/load.js';
import type { ScenarioInput } from '../../main/sim/scenario/schema.js';
import { Simulation } from '../../main/sim/simulation.js';
import { parse } from 'yaml';
import type { Message } from '../../main/api/messages.js';
import { textOf } from '../../renderer/lib/messages.js';

export const DEMO_PASSWORD = 'Demo1234';
export const defaultScenarioText = readFileSync(new URL('../../scenarios/default.yaml', import.meta.url), 'utf8');

/** The demo scenario, optionally with some fields replaced (e.g. timing). */
export function demoScenario(overrides: Partial<ScenarioInput> = {}) {
  const base = parse(defaultScenarioText) as ScenarioInput;
  return loadScenario(JSON.stringify({ ...base, ...overrides }), 'test.yaml');
}

export function demoSim(overrides: Partial<ScenarioInput> = {}): Simulation {
  return new Simulation(demoScenario(overrides));
}

/** The 6-digit code of the newest SMS on a phone, as a person would read it. */
export function latestCode(sim: Simulation, phoneId = 'sms-phone'): string {
  const messages = sim.getPhone({ phoneId }).messages;
  const last = messages[messages.length - 1];
  if (!last) throw new Error(`no SMS on ${phoneId}`);
  const match = /\b(\d{6})\b/.exec(last.text);
  if (!match) throw new Error(`no code in "${last.text}"`);
  return match[1]!;
}

/** Logs smsuser in up to the code step and lets the SMS arrive. */
export function startSmsLogin(sim: Simulation): string {
  const view = sim.submitCredentials({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' });
  if (view.step !== 'securityCode' || !view.loginId) throw new Error(`unexpected step ${view.step}`);
  sim.advance(sim.scenario.timing.smsDelay);
  return view.loginId;
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** A server message as the window words it (the renderer's English catalogue); null stays null. */
export function text(m: Message | null | undefined): string | null {
  return textOf(m);
}
