// The runner's scripted person: it acts only through the API, and its phone actions are the timeline's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../main/sim/scenario/load.js';
import { runScript, type Driver } from '../../../main/sim/script.js';
import { checkExpectations } from '../../../main/sim/expect.js';
import { Simulation } from '../../../main/sim/simulation.js';

const library = (name: string) => loadScenario(readFileSync(new URL(`../../../scenarios/library/${name}.yaml`, import.meta.url), 'utf8'), `${name}.yaml`);

/** The simulation as the runner may see it: its operations and virtual time; `world` is out of reach. */
function apiOnly(sim: Simulation): { driver: Driver; called: Set<string> } {
  const called = new Set<string>();
  const driver = new Proxy(sim, {
    get(target, prop) {
      if (prop === 'world' || prop === 'scenario') throw new Error(`the runner reached past the API (${String(prop)})`);
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      called.add(String(prop));
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
  return { driver, called };
}

describe('runScript', () => {
  it.each(['happy-sms', 'happy-voice', 'happy-push-faceid', 'happy-challenge-android', 'happy-dscplus', 'happy-codecard', 'enrol-offered', 'enrol-hong-kong', 'happy-paper', 'push-seamless-disabled', 'sms-sms-stuck'])(
    'plays %s through the API alone, every step done and every expectation met',
    (name) => {
      const scenario = library(name);
      const sim = new Simulation(scenario);
      const { driver, called } = apiOnly(sim);
      const log = runScript(driver, scenario);
      expect(log.filter((s) => !s.ok)).toEqual([]);
      expect(log).toHaveLength(scenario.script.length);
      expect(called.has('advance') || scenario.script.every((s) => s.kind !== 'wait')).toBe(true);
      sim.advance(1_000);
      expect(checkExpectations(driver, scenario.expect).filter((e) => !e.ok)).toEqual([]);
    },
  );

  it('logs each step as written and stops at the first one that cannot be done, saying why', () => {
    const scenario = loadScenario(
      `name: t\ntitle: T\nseed: 1\nphones:\n  - { id: iphone, name: iPhone, platform: ios, model: iPhone 15, number: "+13125550142" }\nusers:\n  - { username: smsuser, password: Demo1234, region: US, mobile: { number: "+13125550142" }, devices: [{ id: sms, kind: sms }] }\nscript:\n  - login: { user: smsuser }\n  - phone: iphone\n    set: { airplane: true }\n  - wait: 1m30s\n  - enterCode: {}\n  - wait: 1s\n`,
    );
    const log = runScript(new Simulation(scenario), scenario);
    expect(log.map(({ step, written, ok, detail }) => ({ step, written, ok, detail }))).toEqual([
      { step: 'login', written: 'login: { user: smsuser }', ok: true, detail: 'smsuser → securityCode' },
      { step: 'setPhone', written: 'phone: iphone, set: { airplane: true }', ok: true, detail: 'iphone: {"airplane":true}' },
      { step: 'wait', written: 'wait: 1m30s', ok: true, detail: '90 s' },
      { step: 'enterCode', written: 'enterCode: {}', ok: false, detail: 'no security code has reached iPhone' },
    ]);
  });

  it('describes a phone action in the step log as the timeline journals it: one handler for both', () => {
    const text = (where: string) =>
      `name: t\ntitle: T\nseed: 1\nphones:\n  - { id: pixel, name: Pixel, platform: android, model: Pixel 7, number: "+13125550142", pin: "1234" }\nusers:\n  - { username: smsuser, password: Demo1234, region: US }\n${where}`;
    const actions = ['restart: pixel', 'clearAppData: pixel', 'seamless: { user: smsuser, enabled: false }', 'phone: pixel\n    set: { wifi: false }'];
    const timeline = loadScenario(text(`timeline:\n${actions.map((a, i) => `  - at: ${i + 1}s\n    ${a}`).join('\n')}\n`));
    const sim = new Simulation(timeline);
    sim.advance(10_000);
    const journaled = sim.getJournal({}).entries.flatMap((e) => (e.type === 'timeline.fired' ? [e.description] : []));
    const script = loadScenario(text(`script:\n${actions.map((a) => `  - ${a}`).join('\n')}\n`));
    const logged = runScript(new Simulation(script), script).map((s) => s.detail);
    expect(logged).toEqual(journaled);
    expect(logged).toEqual(['restart pixel', "clear the app's data on pixel", 'Seamless Authentication off for smsuser', 'pixel: {"wifi":false}']);
  });
});
