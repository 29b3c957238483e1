import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { demoSim } from '../../helpers.js';
import { scenarioJsonSchema } from '../../../../main/sim/scenario/json-schema.js';

describe('scenario timeline', () => {
  it('fires each entry at its time, through the same operations as the director', () => {
    const sim = demoSim({
      timeline: [
        { at: '1:30', phone: 'sms-phone', set: { airplane: true } },
        { at: '2m', restart: 'sms-phone', note: 'the trainer restarts the phone' },
        { at: 150, seamless: { user: 'ibkeyios', enabled: false } },
      ],
    });
    sim.advance(89_999);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(false);
    sim.advance(1);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).status.airplane).toBe(true);
    sim.advance(30_000);
    const fired = sim.getJournal({}).entries.filter((e) => e.type === 'timeline.fired');
    expect(fired.map((e) => ('description' in e ? e.description : ''))).toEqual(['sms-phone: {"airplane":true}', 'the trainer restarts the phone']);
    sim.advance(30_000);
    expect(sim.getWorld({}).users.find((u) => u.username === 'ibkeyios')!.seamless).toBe(false);
  });
});

describe('published JSON Schema', () => {
  it('is up to date with the scenario schema (npx tsx scripts/scenario-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../../scenarios/scenario.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
