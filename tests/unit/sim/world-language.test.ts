// The world's language: what the simulated world sends follows each account holder's language, the
// windows follow the world's locale (setLocale, the scenario's `locale`), and the texts exist in both languages.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch.js';
import type { HostEvent } from '../../../main/api/events.js';
import type { Locale } from '../../../main/api/vocabulary.js';
import { checkExpectations } from '../../../main/sim/expect.js';
import { loadScenario, parseScenario } from '../../../main/sim/scenario/load.js';
import type { ScenarioInput } from '../../../main/sim/scenario/schema.js';
import { runScript } from '../../../main/sim/script.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { confirmationCodeIn } from '../../../main/sim/world-text.js';
import { worldTextModule } from '../../../scripts/world-text.ts';
import { DEMO_PASSWORD, MINUTE, defaultScenarioText, latestCode, startSmsLogin } from '../helpers.js';

/** The demo scenario with the windows in `locale` (unset: not written) and some users' languages set. */
function world(languages: Record<string, Locale>, locale?: Locale): Simulation {
  const base = parse(defaultScenarioText) as ScenarioInput;
  const users = base.users.map((u) => (languages[u.username] ? { ...u, language: languages[u.username] } : u));
  return new Simulation(loadScenario(JSON.stringify({ ...base, users, ...(locale ? { locale } : {}) }), 'test.yaml'));
}

/** smsuser asks for the voice callback and answers it: the call as the phone shows it. */
function answeredCall(sim: Simulation) {
  const loginId = startSmsLogin(sim);
  sim.advance(2 * MINUTE);
  sim.requestNewCode({ loginId, channel: 'voice' });
  sim.advance(sim.scenario.timing.voiceDelay);
  const ringing = sim.getPhone({ phoneId: 'sms-phone' }).calls[0]!;
  return { loginId, call: sim.answerCall({ phoneId: 'sms-phone', callId: ringing.id }).calls[0]! };
}

/** ibkeyios's login request as it lands on the iPhone. */
function pushOnPhone(sim: Simulation) {
  sim.submitCredentials({ username: 'ibkeyios', password: DEMO_PASSWORD, mode: 'live' });
  sim.advance(1_000);
  return sim.getPhone({ phoneId: 'ios-phone' }).notifications.find((n) => n.source.kind === 'push')!;
}

describe("what the world sends follows the account holder's language", () => {
  it("a French user's SMS, voice callback and push are French while the windows are English", () => {
    const sim = world({ smsuser: 'fr', ibkeyios: 'fr' });
    expect(sim.getWorld().locale).toBe('en');
    const loginId = startSmsLogin(sim);
    const sms = sim.getPhone({ phoneId: 'sms-phone' }).messages.at(-1)!;
    expect(sms.text).toBe(`IBKR\u00a0: votre Code de sécurité est ${latestCode(sim)}. Il expire dans 10 minutes. Ne communiquez ce code à personne.`);
    // The code in it is the one the server checks.
    expect(sim.submitCode({ loginId, code: latestCode(sim) }).step).toBe('loggedIn');

    const { call } = answeredCall(world({ smsuser: 'fr' }));
    expect(call.language).toBe('fr-FR');
    expect(call.transcript).toMatch(/^Ici IBKR\. Votre Code de sécurité est (\d, ){5}\d\. Je répète, votre Code de sécurité est (\d, ){5}\d\.$/);

    expect(pushOnPhone(sim)).toMatchObject({ title: 'Demande de connexion', body: 'Touchez pour approuver votre connexion à Trader Workstation.' });
  });

  it('an English user gets English while the windows are French, beside a French user', () => {
    const sim = world({ smsuser: 'en', ibkeyios: 'en', hkuser: 'fr' }, 'fr');
    expect(sim.getWorld().locale).toBe('fr');
    startSmsLogin(sim);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages.at(-1)!.text).toMatch(/^IBKR: Your security code is \d{6}\. It expires in 10 minutes\. Do not share this code\.$/);
    const { call } = answeredCall(world({ smsuser: 'en' }, 'fr'));
    expect(call.language).toBe('en-US');
    expect(call.transcript).toMatch(/^This is IBKR\. Your security code is (\d, ){5}\d\. Again, your security code is (\d, ){5}\d\.$/);
    expect(pushOnPhone(sim)).toMatchObject({ title: 'Login request', body: 'Tap to approve your login to Trader Workstation.' });

    // The enrolment's confirmation SMS follows the user too, and the runner's reader finds its code in either language.
    const loginId = sim.submitCredentials({ username: 'hkuser', password: DEMO_PASSWORD, mode: 'live' }).loginId!;
    sim.enrolSms({ loginId, number: '+85251234567' });
    sim.advance(sim.scenario.timing.smsDelay);
    const confirmation = sim.getPhone({ phoneId: 'hk-phone' }).messages.at(-1)!.text;
    expect(confirmation).toMatch(/^IBKR\u00a0: votre Code de confirmation est \d{6}\. Saisissez-le dans le champ du Numéro de confirmation pour vérifier votre numéro mobile\./);
    const code = confirmationCodeIn(confirmation)!;
    expect(sim.confirmSmsEnrolment({ loginId, code }).enrolment?.verified).toBe(true);
    expect(sim.finishSmsEnrolment({ loginId }).step).toBe('loggedIn');
  });

  it('reads a confirmation code in either language, and no code in a security-code SMS', () => {
    expect(confirmationCodeIn('IBKR: Your Confirm Code is 123456. Enter it in the Confirmation Number field to verify your mobile number.')).toBe('123456');
    expect(confirmationCodeIn('IBKR\u00a0: votre Code de confirmation est 654321. Saisissez-le…')).toBe('654321');
    expect(confirmationCodeIn('IBKR: Your security code is 123456. It expires in 10 minutes.')).toBeUndefined();
    expect(confirmationCodeIn('IBKR\u00a0: votre Code de sécurité est 123456.')).toBeUndefined();
  });

  it("counts minutes in the user's language: one minute, not one minutes", () => {
    const base = parse(defaultScenarioText) as ScenarioInput;
    const sim = new Simulation(loadScenario(JSON.stringify({ ...base, timing: { codeLifetime: '1m' } }), 'test.yaml'));
    startSmsLogin(sim);
    expect(sim.getPhone({ phoneId: 'sms-phone' }).messages.at(-1)!.text).toMatch(/It expires in 1 minute\./);
  });
});

describe("a user's language in the scenario file", () => {
  const file = (extra: string, language = '') => `
name: lang
title: Languages
seed: 1
${extra}
users:
  - { username: alice, password: x, region: EU${language} }
  - { username: bruno, password: x, region: EU, language: en }
`;
  const languages = (text: string) => {
    const result = parseScenario(text, 'lang.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return new Simulation(result.scenario).getWorld().users.map((u) => `${u.username}:${u.language}`);
  };

  it("defaults to the scenario's locale, else English; a user's own language wins", () => {
    expect(languages(file('locale: fr'))).toEqual(['alice:fr', 'bruno:en']);
    expect(languages(file(''))).toEqual(['alice:en', 'bruno:en']);
    expect(languages(file('locale: en', ', language: fr'))).toEqual(['alice:fr', 'bruno:en']);
  });

  it('refuses a language it does not have, at its line', () => {
    const result = parseScenario(file('locale: de', ', language: es'), 'lang.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.line}:${p.field}`)).toEqual(['5:locale', '7:users[0].language']);
    expect(result.problems[0]!.message).toBe('unknown value "de" (valid: en, fr)');
  });
});

describe("the windows' language", () => {
  it('setLocale changes the world view, journals it and sends every window a world event; logins carry on', () => {
    const sim = world({});
    const events: HostEvent[] = [];
    sim.on((e) => events.push(e));
    const loginId = startSmsLogin(sim);
    events.length = 0;
    const view = sim.setLocale({ locale: 'fr' });
    expect(view.locale).toBe('fr');
    expect(sim.getWorld().locale).toBe('fr');
    expect(events.filter((e) => e.type === 'world').map((e) => e.type === 'world' && e.world.locale)).toEqual(['fr']);
    expect(events.find((e) => e.type === 'journal')).toMatchObject({ entry: { type: 'locale.changed', locale: 'fr' } });
    // A login in progress is untouched, and users keep their own language.
    expect(sim.getLogin({ loginId }).step).toBe('securityCode');
    expect(sim.getWorld().users.every((u) => u.language === 'en')).toBe(true);
    expect(sim.submitCode({ loginId, code: latestCode(sim) }).step).toBe('loggedIn');
  });

  it('refuses a locale it does not have, through dispatch, and changes nothing', () => {
    const sim = world({});
    const refused = dispatch(sim, 'setLocale', { locale: 'de' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(dispatch(sim, 'setLocale', { locale: 'fr', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(sim.getWorld().locale).toBe('en');
    expect(dispatch(sim, 'setLocale', { locale: 'fr' })).toMatchObject({ ok: true, value: { locale: 'fr' } });
  });

  it("a scenario that sets a locale wins on load; one that does not keeps the windows' language", () => {
    const withLocale = loadScenario(defaultScenarioText.replace(/^users:/m, 'locale: fr\nusers:'), 'fr.yaml');
    const without = loadScenario(defaultScenarioText, 'default.yaml');
    // The remembered language (the desktop app's) when the file names none ...
    expect(new Simulation(without, { locale: 'fr' }).getWorld().locale).toBe('fr');
    // ... and the file's when it names one.
    const sim = new Simulation(withLocale, { locale: 'en' });
    expect(sim.getWorld().locale).toBe('fr');
    sim.setLocale({ locale: 'en' });
    sim.load(without);
    expect(sim.getWorld().locale).toBe('en');
    sim.setLocale({ locale: 'fr' });
    sim.resetWorld({});
    expect(sim.getWorld().locale).toBe('fr');
    sim.load(withLocale);
    sim.setLocale({ locale: 'en' });
    sim.resetWorld({});
    expect(sim.getWorld().locale).toBe('fr');
  });

  it('setLocale is a script step and a timeline entry, and expect reads what an SMS said', () => {
    const text = `
name: switch
title: Switch
seed: 7
phones:
  - { id: sms-phone, name: iPhone, platform: ios, model: iPhone 15, number: "+13125550142" }
users:
  - { username: smsuser, password: Demo1234, region: US, language: fr, mobile: { number: "+13125550142" }, devices: [{ id: sms, kind: sms }] }
timeline:
  - { at: 1m, setLocale: en, note: back to English }
script:
  - setLocale: fr
  - login: { user: smsuser }
  - wait: 5s
  - enterCode: {}
  - wait: 2m
expect:
  - { delivered: sms, to: sms-phone, containing: "Code de sécurité" }
  - { delivered: sms, containing: "security code" }
  - loggedIn: smsuser
`;
    const scenario = loadScenario(text, 'switch.yaml');
    const sim = new Simulation(scenario);
    const log = runScript(sim, scenario);
    expect(log.filter((s) => !s.ok)).toEqual([]);
    expect(log[0]).toMatchObject({ ok: true, detail: expect.stringMatching(/Français/) });
    const results = checkExpectations(sim, scenario.expect);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]!.detail).toMatch(/none saying it \(last: "IBKR\u00a0: votre Code de sécurité est \d{6}/);
    const changes = sim.getJournal({}).entries.filter((e) => e.type === 'locale.changed' || e.type === 'timeline.fired');
    expect(changes.map((e) => (e.type === 'locale.changed' ? e.locale : e.type === 'timeline.fired' ? e.description : ''))).toEqual(['fr', 'back to English', 'en']);
    expect(sim.getWorld().locale).toBe('en');
  });

  it("expect's containing reads an answered call too, and refuses a push (gone once answered)", () => {
    const scenario = loadScenario(
      readFileSync(new URL('../../../scenarios/library/happy-voice.yaml', import.meta.url), 'utf8').replace(/^expect:\n/m, 'expect:\n  - { delivered: call, containing: "Again, your security code is" }\n'),
      'voice.yaml',
    );
    const sim = new Simulation(scenario);
    runScript(sim, scenario);
    expect(checkExpectations(sim, scenario.expect).map((r) => r.ok).every(Boolean)).toBe(true);
    const push = parseScenario(`name: p\ntitle: P\nseed: 1\nusers: [{ username: abc, password: x, region: US }]\nexpect:\n  - { delivered: push, containing: Login }\n`, 'p.yaml');
    expect(push.ok).toBe(false);
    if (!push.ok) expect(push.problems[0]).toMatchObject({ line: 6, field: 'expect[0].containing', message: expect.stringMatching(/gone once answered/) });
  });
});

describe('the texts the world sends (main/sim/text)', () => {
  it('hold every key in both languages with the same placeholders, and compiled.ts is up to date', () => {
    const { source, problems } = worldTextModule();
    expect(problems).toEqual([]);
    const en = JSON.parse(readFileSync(new URL('../../../main/sim/text/en.json', import.meta.url), 'utf8')) as Record<string, string>;
    const fr = JSON.parse(readFileSync(new URL('../../../main/sim/text/fr.json', import.meta.url), 'utf8')) as Record<string, string>;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).length).toBeGreaterThanOrEqual(5);
    // Stale when a JSON file changed and `npx tsx scripts/world-text.ts` was not run.
    expect(readFileSync(new URL('../../../main/sim/text/compiled.ts', import.meta.url), 'utf8')).toBe(source);
  });

  it('names a key one language lacks, a placeholder that differs and a message that does not parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'world-text-'));
    try {
      writeFileSync(join(dir, 'en.json'), JSON.stringify({ 'sms.a': 'Code {code}', 'sms.b': 'B', 'sms.c': 'C {x' }));
      writeFileSync(join(dir, 'fr.json'), JSON.stringify({ 'sms.a': 'Code {digits}', 'sms.c': 'C', 'sms.d': '' }));
      expect(worldTextModule(`${dir}/`).problems).toEqual([
        'fr.json: "sms.d" must be a non-empty string',
        expect.stringMatching(/^en: "sms\.c" is not ICU MessageFormat/),
        '"sms.a" has different placeholders: en {code}, fr {digits}',
        '"sms.b" is missing from fr',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
