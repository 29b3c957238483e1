// The autopilot's planner: every script step as the taps, typing and pauses a person does at the stage's real controls.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryFiles } from '../../../main/host/scenario-library.js';
import { appRoot, readScenarioFile } from '../../../main/host/scenario-files.js';
import { parseScenario } from '../../../main/sim/scenario/load.js';
import { Simulation } from '../../../main/sim/simulation.js';
import type { ScriptStepView } from '../../../main/api/script-view.js';
import { SMS_SCENARIO } from '../cli/sms-scenario.js';
import { PACE, captionOf, durationOf, planStep, shownWait, type UiAction, type Words } from '../../../renderer/lib/autopilot-plan.js';
import { areaSelector } from '../../../renderer/lib/autopilot-dom.js';
import { captionWords } from '../../../renderer/lib/autopilot-captions.js';
import { laterMessages, t, useLocale } from '../../../renderer/lib/i18n.svelte.js';

// The Settings app's and the autopilot's words come with their chunks, after the first load's.
beforeAll(() => laterMessages());

const libraryScript = (name: string) => {
  const loaded = readScenarioFile(path.join(appRoot(), 'scenarios', 'library', `${name}.yaml`));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return new Simulation(loaded.scenario).getScript({});
};

/** A name as the player words it in the windows' language (what the phone shows, in brackets). */
const said = (words: Words | undefined): string => (!words ? '' : 'id' in words ? t(words.id) : 'literal' in words ? words.literal : `(${words.shown})`);

/** The plan in short, in the windows' language: `tap login button "Log In"`, `type login textbox "Username" ← smsuser`. */
const brief = (action: UiAction): string => {
  switch (action.do) {
    case 'tap':
      return `tap ${action.target.area} ${action.target.role} "${said(action.target.name ?? action.target.contains)}"${action.ifPresent ? ' if present' : ''}${action.unless ? ` unless "${said(action.unless.name)}"` : ''}`;
    case 'type':
      return `type ${action.target.area} "${said(action.target.name)}" ← ${'literal' in action.text ? action.text.literal : `(${action.text.read})`}`;
    case 'keys':
      return `keys ${action.area} ← ${'literal' in action.text ? action.text.literal : `(${action.text.read})`}`;
    case 'select':
      return `select "${said(action.target.name)}" = ${action.value}`;
    case 'pause':
      return `pause ${action.ms}`;
    case 'advance':
      return `advance ${action.ms} over ${action.showMs}`;
    case 'caption':
      return `caption ${'text' in action.caption ? action.caption.text : action.caption.kind}`;
    case 'world':
      return `world ${action.step.kind}`;
    case 'tab':
      return `tab ${action.tab}`;
  }
};

describe('the autopilot plans each step as a person at the stage', () => {
  it('the SMS login: the credentials typed into the login window, the code read off the phone and typed', () => {
    const script = libraryScript('happy-sms');
    expect(script.steps.map((s) => s.kind)).toEqual(['login', 'wait', 'enterCode']);
    expect(script.article?.step).toBe('How to login using SMS authentication');
    expect(script.steps.flatMap(planStep).map(brief)).toEqual([
      'caption login',
      `pause ${PACE.caption}`,
      // The login window's tab (a no-op when the stage shows it already).
      'tab platform',
      // A window still logged in from a step before is logged out first.
      'tap login button "Log Out" if present',
      'type login "Username" ← smsuser',
      // The password comes from the scenario's user: the step names none.
      'type login "Password" ← Demo1234',
      'tap login button "Log In"',
      `pause ${PACE.between}`,
      'caption wait',
      `pause ${PACE.caption}`,
      'advance 5000 over 3000',
      `pause ${PACE.between}`,
      'caption enterCode',
      `pause ${PACE.caption}`,
      `pause ${PACE.read}`,
      'type login "Security Code" ← (phoneCode)',
      'tap login button "Log In"',
      `pause ${PACE.between}`,
    ]);
  });

  it('the IB Key challenge fallback: the link, the app on the phone, the challenge in, the response back to the login window', () => {
    const [, , challenge] = libraryScript('happy-challenge-ios').steps;
    expect(planStep(challenge!).map(brief)).toEqual([
      'caption challengeResponse',
      `pause ${PACE.caption}`,
      'tap login link "Click here if you do not receive the notification" if present',
      'tap login link "Click here if you did not receive the message" if present',
      `pause ${PACE.read}`,
      'tap phone button "Home"',
      'tap phone button "IBKR Mobile"',
      'tap app button "Services" unless "Authenticate"',
      'tap app button "Authenticate"',
      'type app "Challenge" ← (challenge)',
      'tap app button "Generate Response"',
      'tap app button "Face ID"',
      `pause ${PACE.read}`,
      'type login "Enter response code" ← (appResponse)',
      'tap login button "OK"',
      `pause ${PACE.between}`,
    ]);
  });

  it('the Android challenge fallback types the PIN and taps "Generate Passcode", as the FAQ names the button', () => {
    const [, challenge] = libraryScript('happy-challenge-android').steps;
    const plan = planStep(challenge!).map(brief);
    expect(plan).toContain('type app "PIN" ← 1357');
    expect(plan).toContain('tap app button "Generate Passcode"');
    expect(plan).not.toContain('tap app button "Generate Response"');
  });

  it('the carrier-blocked SMS: the voice callback asked for, the call answered, the spoken code typed', () => {
    const plans = libraryScript('sms-carrier-blocked').steps.map((s) => planStep(s).map(brief));
    expect(plans[3]).toContain(`tap login link "Didn't receive a security code?" unless "Voice"`);
    expect(plans[3]).toContain('tap login button "Voice"');
    expect(plans[5]).toContain('tap call button "Accept"');
    expect(plans[6]).toContain('type login "Security Code" ← (phoneCode)');
    // Two minutes of virtual time are shown in three seconds of the take.
    expect(plans[2]).toContain('advance 120000 over 3000');
  });

  it('a push approved with the PIN types it and confirms; a biometric is one tap', () => {
    const pin: ScriptStepView = { kind: 'approvePush', method: 'pin', pin: '1357', written: 'approvePush: { method: pin, pin: 1357 }' };
    expect(planStep(pin).map(brief)).toEqual([
      'caption approvePush',
      `pause ${PACE.caption}`,
      'tap phone button "(pushTitle)"',
      'tap app button "Use PIN" if present',
      'type app "PIN" ← 1357',
      'tap app button "Confirm"',
      `pause ${PACE.between}`,
    ]);
    const face: ScriptStepView = { kind: 'approvePush', method: 'faceid', written: 'approvePush: { method: faceid }' };
    expect(planStep(face).map(brief).slice(2, -1)).toEqual(['tap phone button "(pushTitle)"', 'tap app button "Face ID"']);
  });

  it('the fob: press, the PIN and the challenge on its keypad, its response into the login window', () => {
    const step: ScriptStepView = { kind: 'dscplus', pin: '2468', written: 'dscplus: { pin: 2468 }' };
    expect(planStep(step).map(brief).slice(2, -1)).toEqual([
      'tap fob button "Press"',
      'keys fob ← 2468',
      'keys fob ← (challenge)',
      `pause ${PACE.read}`,
      'type login "Enter response code" ← (fobResponse)',
      'tap login button "OK"',
    ]);
  });

  it('a paper login taps Paper Trading first; a device is chosen and then Continue', () => {
    const paper = planStep({ kind: 'login', user: 'paperuser', password: 'x', mode: 'paper', written: '' }).map(brief);
    expect(paper[4]).toBe('tap login button "Paper Trading"');
    const live = planStep({ kind: 'login', user: 'smsuser', password: 'x', mode: 'live', written: '' }).map(brief);
    expect(live).not.toContain('tap login button "Paper Trading"');
    expect(planStep({ kind: 'chooseDevice', device: 'ibkey', written: '' }).map(brief).slice(2, -1)).toEqual([
      'select "Select Second Factor Device" = ibkey',
      'tap login button "Continue"',
    ]);
  });

  it('the Client Portal: its tab, its own login, then Settings for the number, the Seamless switch (turned only when it differs) and opting out', () => {
    const plan = (step: ScriptStepView) => planStep(step).map(brief).slice(2, -1);
    expect(plan({ kind: 'login', user: 'nodevice', password: 'x', mode: 'live', portal: true, written: '' })).toEqual([
      'tab portal',
      'tap portal button "User menu" if present',
      'tap portal menuitem "Log Out" if present',
      'type portal "Username" ← nodevice',
      'type portal "Password" ← x',
      'tap portal button "Log In"',
    ]);
    expect(plan({ kind: 'verifyNumber', number: '+13125550142', written: '' })).toEqual([
      'tap portal button "User menu"',
      'tap portal menuitem "Settings"',
      'tap portal button "Configure Mobile Number"',
      'type portal "Mobile Number" ← +13125550142',
      'tap portal button "VERIFY"',
    ]);
    expect(plan({ kind: 'confirmNumber', written: '' })).toEqual([
      `pause ${PACE.read}`,
      'type portal "Confirmation Number" ← (confirmationCode)',
      'tap portal button "CONTINUE"',
      `pause ${PACE.read}`,
      'tap portal button "CONTINUE"',
    ]);
    // A code given (a wrong one): typed, CONTINUE once.
    expect(plan({ kind: 'confirmNumber', code: '000000', written: '' })).toEqual([`pause ${PACE.read}`, 'type portal "Confirmation Number" ← 000000', 'tap portal button "CONTINUE"']);
    const seamless = planStep({ kind: 'saveSeamless', enabled: false, written: '' });
    expect(seamless.map(brief).slice(2, -1)).toEqual([
      'tap portal button "User menu"',
      'tap portal menuitem "Settings"',
      'tap portal button "Secure Login System"',
      'tap portal button "Configure"',
      'tap portal switch "Seamless Authentication" if present',
      'tap portal button "Save"',
    ]);
    // The switch is tapped only while it is on, to turn it off.
    expect(seamless.find((a) => a.do === 'tap' && a.target.role === 'switch')).toMatchObject({ target: { checked: true } });
    expect(plan({ kind: 'optOut', written: '' })).toEqual(['tap portal button "User menu"', 'tap portal menuitem "Settings"', 'tap portal button "Secure Login System"', 'tap portal button "Opt out"', `pause ${PACE.read}`]);
    expect(captionWords(captionOf({ kind: 'login', user: 'nodevice', mode: 'live', portal: true, written: '' }))).toBe('nodevice logs in to Client Portal');
    expect(captionWords(captionOf({ kind: 'saveSeamless', enabled: false, written: '' }))).toBe('Client Portal: Secure Login Settings, Seamless Authentication switched off, Save');
    expect(durationOf({ do: 'tab', tab: 'portal' })).toBe(PACE.tap);
  });

  it("captions: the scenario's own words win; otherwise the kind with the step's values", () => {
    expect(captionOf({ kind: 'wait', ms: 180_000, written: '', caption: 'Three minutes pass' })).toEqual({ text: 'Three minutes pass' });
    expect(captionOf({ kind: 'wait', ms: 180_000, written: '' })).toEqual({ kind: 'wait', values: { seconds: 180 } });
    expect(captionOf({ kind: 'approvePush', method: 'touchid', written: '' })).toEqual({ kind: 'approvePush', values: { method: 'touchid' } });
    expect(captionWords(captionOf({ kind: 'approvePush', method: 'touchid', written: '' }))).toBe('Taps the login request on the phone and approves it with Touch ID');
    const parsed = parseScenario(
      `${SMS_SCENARIO}script:\n  - login: { user: smsuser }\n    caption: "Ann logs in"\n  - wait: 5s\n    caption: Five seconds\n  - restart: iphone\n    caption: Off and on\n`,
      't.yaml',
    );
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    expect(parsed.scenario.script.map((s) => s.caption)).toEqual(['Ann logs in', 'Five seconds', 'Off and on']);
    expect(planStep(parsed.scenario.script[0]!)[0]).toEqual({ do: 'caption', caption: { text: 'Ann logs in' } });
  });

  it('a caption alone is not a step, and a caption must say something', () => {
    const alone = parseScenario(`${SMS_SCENARIO}script:\n  - caption: hello\n`, 't.yaml');
    expect(alone.ok).toBe(false);
    if (!alone.ok) expect(alone.problems.map((p) => p.message).join('\n')).toMatch(/this step says what to do by one of these keys/);
    const empty = parseScenario(`${SMS_SCENARIO}script:\n  - wait: 5s\n    caption: ""\n`, 't.yaml');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems.map((p) => p.field).join('\n')).toContain('caption');
  });

  it('waits are shown between one and three seconds; durations follow the pace', () => {
    expect([shownWait(200), shownWait(2500), shownWait(86_400_000)]).toEqual([1000, 2500, 3000]);
    expect(durationOf({ do: 'type', target: { area: 'login', role: 'textbox', name: { id: 'login.username' } }, text: { literal: 'abc' } }, 3)).toBe(PACE.tap + 3 * PACE.key);
    expect(durationOf({ do: 'advance', ms: 120_000, showMs: 3000 })).toBe(3000);
  });

  it('every step of every library scenario has a plan that starts with its caption and ends with a pause', () => {
    const files = libraryFiles(path.join(appRoot(), 'scenarios', 'library'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set<string>();
    for (const file of files) {
      const loaded = readScenarioFile(file);
      if (!loaded.ok) throw new Error(`${file} does not load`);
      for (const step of new Simulation(loaded.scenario).getScript({}).steps) {
        kinds.add(step.kind);
        const plan = planStep(step);
        expect(plan[0]!.do, file).toBe('caption');
        expect(plan.at(-1), file).toEqual({ do: 'pause', ms: PACE.between });
        if (step.kind === 'login') expect(step.password, file).toBeTruthy();
      }
    }
    // The library exercises the planner's main kinds.
    for (const kind of ['login', 'wait', 'enterCode', 'requestCode', 'answerCall', 'approvePush', 'challengeResponse', 'dscplus', 'codeCard', 'chooseDevice']) expect(kinds).toContain(kind);
  });

  describe('in French', () => {
    beforeAll(() => useLocale('fr'));
    afterAll(() => useLocale('en'));

    it("names the login window's and the app's controls in the French catalogue's words", () => {
      const sms = libraryScript('happy-sms').steps.flatMap(planStep).map(brief);
      expect(sms).toContain(`type login "Nom d'utilisateur" ← smsuser`);
      expect(sms).toContain('type login "Mot de passe" ← Demo1234');
      expect(sms).toContain('tap login button "Se connecter"');
      expect(sms).toContain('type login "Code de sécurité" ← (phoneCode)');
      const [, , challenge] = libraryScript('happy-challenge-ios').steps;
      expect(planStep(challenge!).map(brief)).toEqual(
        expect.arrayContaining([
          'tap login link "Cliquez ici si vous ne recevez pas la notification" if present',
          'tap phone button "Accueil"',
          `tap app button "${t('ibkr.authenticate')}"`,
          `type app "${t('ibkr.challenge')}" ← (challenge)`,
          `tap app button "${t('ibkr.generate.ios')}"`,
          'type login "Saisissez le code de réponse" ← (appResponse)',
        ]),
      );
      const blocked = libraryScript('sms-carrier-blocked').steps.map((s) => planStep(s).map(brief));
      expect(blocked[3]).toContain(`tap login link "${t('login.resend.link')}" unless "Appel vocal"`);
      expect(blocked[5]).toContain('tap call button "Accepter"');
    });

    it('no control of any library plan keeps an English name (but the names no catalogue translates)', async () => {
      const files = libraryFiles(path.join(appRoot(), 'scenarios', 'library'));
      const french = new Set<string>();
      for (const file of files) {
        const loaded = readScenarioFile(file);
        if (!loaded.ok) throw new Error(`${file} does not load`);
        for (const step of new Simulation(loaded.scenario).getScript({}).steps) for (const action of planStep(step)) if (action.do === 'tap' || action.do === 'type' || action.do === 'select') french.add(said(action.target.name ?? action.target.contains));
      }
      await useLocale('en');
      const english = new Set<string>();
      for (const file of files) {
        const loaded = readScenarioFile(file);
        if (!loaded.ok) throw new Error(`${file} does not load`);
        for (const step of new Simulation(loaded.scenario).getScript({}).steps) for (const action of planStep(step)) if (action.do === 'tap' || action.do === 'type' || action.do === 'select') english.add(said(action.target.name ?? action.target.contains));
      }
      await useLocale('fr');
      // The same in both: the app's and the push's names, and the words French shares (OK, SMS, PIN, Face ID…) and the product's names (Secure Login System).
      const shared = [...french].filter((w) => english.has(w)).sort();
      expect(shared).toEqual(['(pushTitle)', 'Face ID', 'IBKR Mobile', 'OK', 'PIN', 'SMS', 'Secure Login System', 'Services'].filter((w) => french.has(w)).sort());
    });

    it('finds the areas by their French labels', () => {
      expect(areaSelector('login', t)).toContain('[aria-label="Connexion"]');
      expect(areaSelector('phone', t)).toBe('section[aria-label^="Téléphone — "]');
      expect(areaSelector('card', t)).toContain('"Carte de codes de sécurité"');
    });

    it("the caption strip names IB Key's owner check in French", () => {
      expect(captionWords(captionOf({ kind: 'approvePush', method: 'fingerprint', written: '' }))).toBe(`Touche la demande de connexion sur le téléphone et l'approuve avec ${t('ibkr.unlock.fingerprint')}`);
    });
  });
});
