// The shared vocabulary: one mobile-number rule for scenario files, enrolment and the enrolment screen; schemas that derive from the lists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blankLoginView } from '../../../main/api/blank-login-view.js';
import { phoneStateSchema } from '../../../main/api/phone-state.js';
import { requestSchemas } from '../../../main/api/operations.js';
import {
  DEFAULT_BRANDING,
  EXAMPLE_MOBILE_NUMBERS,
  FOCUS_MODES,
  MOBILE_NUMBER_PATTERN,
  PHONE_UNLOCKS,
  PLATFORMS,
  REGIONS,
  TRADING_MODES,
  UNLOCK_METHODS,
} from '../../../main/api/vocabulary.js';
import { refusedView } from '../../../main/sim/login-view.js';
import { scenarioJsonSchema } from '../../../main/sim/scenario/json-schema.js';
import { parseScenario } from '../../../main/sim/scenario/load.js';
import { scenarioSchema } from '../../../main/sim/scenario/schema.js';
import { defaultScenarioText } from '../helpers.js';

const good = ['+13125550142', '+85251234567', '+919812345678', '+4915112345678', '+1234567', '+123456789012345'];
const bad = ['13125550142', '+0085251234567', '+023456789', '+123456', '+1234567890123456', '+1 312 555 0142', '+1-312-555-0142', '+1312555014x', ''];

describe('the mobile number', () => {
  it("the enrolment screens' example is a number of the user's own region, and one the rule accepts once spaces are gone", () => {
    const codes = { US: '+1', CA: '+1', EU: '+49', UK: '+44', CH: '+41', HK: '+852', IN: '+91', CN: '+86', JP: '+81', SG: '+65', AU: '+61' } as const;
    expect(Object.keys(EXAMPLE_MOBILE_NUMBERS).sort()).toEqual([...REGIONS].sort());
    for (const region of REGIONS) {
      const example = EXAMPLE_MOBILE_NUMBERS[region];
      expect(example.startsWith(`${codes[region]} `), region).toBe(true);
      expect(MOBILE_NUMBER_PATTERN.test(example.replace(/\s/g, '')), example).toBe(true);
    }
  });

  it('is E.164: "+", a country code not starting with 0, 7 to 15 digits in all', () => {
    for (const number of good) expect(MOBILE_NUMBER_PATTERN.test(number), number).toBe(true);
    for (const number of bad) expect(MOBILE_NUMBER_PATTERN.test(number), number).toBe(false);
  });

  it('is the one rule of enrolment and of scenario files', () => {
    const enrol = (number: string) => requestSchemas.enrolSms.safeParse({ loginId: 'L1', number }).success;
    const demo = parse(defaultScenarioText) as { phones: { number: string }[] };
    const scenarioWith = (number: string) => {
      const phones = demo.phones.map((p, i) => (i === 0 ? { ...p, number } : p));
      return parseScenario(JSON.stringify({ ...demo, phones }), 'number.yaml').ok;
    };
    for (const number of [...good, ...bad]) {
      const expected = MOBILE_NUMBER_PATTERN.test(number);
      expect(enrol(number), `enrolSms ${number}`).toBe(expected);
      expect(scenarioWith(number), `scenario ${number}`).toBe(expected);
    }
  });
});

describe('the lists', () => {
  it('are what the schemas accept, in their order', () => {
    expect(phoneStateSchema.shape.focus.unwrap().unwrap().options).toEqual([...FOCUS_MODES]);
    expect(requestSchemas.approvePush.shape.method.options).toEqual([...UNLOCK_METHODS]);
    expect(requestSchemas.generateResponse.shape.method.options).toEqual([...UNLOCK_METHODS]);
    expect(requestSchemas.submitCredentials.shape.mode.options).toEqual([...TRADING_MODES]);
  });

  it('reach the published JSON Schema', () => {
    const phone = (scenarioJsonSchema() as { properties: { phones: { items: { properties: Record<string, { enum?: string[] }> } } } }).properties.phones.items.properties;
    expect(phone.platform!.enum).toEqual([...PLATFORMS]);
    expect(phone.unlock!.enum).toEqual([...PHONE_UNLOCKS]);
  });

  it('give a scenario that names no branding the default names', () => {
    const demo = parse(defaultScenarioText) as Record<string, unknown>;
    delete demo.branding;
    expect(scenarioSchema.parse(demo).branding).toEqual(DEFAULT_BRANDING);
  });
});

describe('the blank login view', () => {
  it('is the first screen, and a refusal is that screen with the one refusal message', () => {
    expect(blankLoginView('paper', 42)).toMatchObject({ loginId: null, step: 'credentials', mode: 'paper', error: null, devices: [], now: 42 });
    expect(refusedView('live', 7)).toEqual({ ...blankLoginView('live', 7), error: { code: 'invalid_credentials', params: {} } });
  });
});

describe('the modules the renderer may import at run time', () => {
  it('import nothing at run time (no zod, no node:, no other module of main/)', () => {
    for (const file of ['vocabulary.ts', 'blank-login-view.ts']) {
      const text = readFileSync(new URL(`../../../main/api/${file}`, import.meta.url), 'utf8');
      const imports = text.split('\n').filter((line) => /^\s*(import|export)\b.*\bfrom\b/.test(line));
      expect(imports.filter((line) => !/^\s*(import|export) type\b/.test(line)), file).toEqual([]);
    }
  });
});
