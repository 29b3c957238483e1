// A scripted person for the headless runner: does each step at the login window and on the phone.
import type { LoginView, PhoneView } from '../api/views.js';
import type { ScriptStep } from './scenario/schema.js';
import type { Simulation } from './simulation.js';

export interface StepLog {
  index: number;
  at: number;
  step: string;
  ok: boolean;
  detail: string;
}

class StepFailure extends Error {}

/** Runs the scenario's script; stops at the first step that cannot be done, saying why. */
export function runScript(sim: Simulation, steps: readonly ScriptStep[]): StepLog[] {
  const log: StepLog[] = [];
  let login: LoginView | null = null;
  let username: string | null = null;

  const need = (): LoginView => {
    if (!login?.loginId) throw new StepFailure('no login in progress (add a login step first)');
    return login;
  };
  const userPhone = (kind: 'mobile' | 'ibkey'): PhoneView => {
    const world = sim.world;
    const account = username ? world.directory.get(username) : undefined;
    if (!account) throw new StepFailure('no user logging in');
    let phoneId: string | undefined;
    if (kind === 'ibkey') phoneId = account.spec.devices.find((d) => d.kind === 'ibkey')?.phone ?? undefined;
    else phoneId = account.spec.mobile ? world.phoneByNumber(account.spec.mobile.number)?.id : undefined;
    if (!phoneId) throw new StepFailure(`${account.spec.username} has no ${kind === 'ibkey' ? 'IB Key phone' : 'mobile phone'} in this scenario`);
    return sim.getPhone({ phoneId });
  };
  const expectStep = (view: LoginView, ...steps: LoginView['step'][]): LoginView => {
    if (!steps.includes(view.step)) throw new StepFailure(`login is at "${view.step}"${view.error ? ` (${view.error.code})` : ''}, expected ${steps.join(' or ')}`);
    return view;
  };
  /** Enrolment is open: required (the login waits) or offered on the logged-in screen. */
  const enrolling = (view: LoginView): LoginView => {
    if (!view.enrolment || view.enrolment.verified) throw new StepFailure(`login is at "${view.step}", with no SMS enrolment open`);
    return view;
  };

  const perform = (step: ScriptStep): string => {
    if ('login' in step) {
      const { user, password, mode } = step.login;
      username = user;
      const pw = password ?? sim.world.directory.get(user)?.spec.password ?? '';
      login = sim.submitCredentials({ username: user, password: pw, mode });
      return `${user} → ${login.step}${login.error ? ` (${login.error.code})` : ''}`;
    }
    if ('wait' in step) {
      sim.advance(step.wait);
      if (login?.loginId && sim.world.logins.has(login.loginId)) login = sim.getLogin({ loginId: login.loginId });
      return `${step.wait / 1000} s`;
    }
    if ('chooseDevice' in step) {
      login = sim.chooseDevice({ loginId: need().loginId!, deviceId: step.chooseDevice });
      return login.step;
    }
    if ('enterCode' in step) {
      let code = step.enterCode.code;
      if (!code) {
        const phone = userPhone('mobile');
        const call = phone.calls.filter((c) => c.transcript).at(-1);
        const sms = phone.messages.at(-1);
        const fromCall = call && (!sms || call.at >= sms.at) ? /code is ((?:\d, ){5}\d)/.exec(call.transcript!)?.[1]?.replace(/, /g, '') : undefined;
        code = fromCall ?? (sms ? /\b(\d{6})\b/.exec(sms.text)?.[1] : undefined);
        if (!code) throw new StepFailure(`no security code has reached ${phone.name}`);
      }
      login = sim.submitCode({ loginId: need().loginId!, code });
      return `${login.step}${login.error ? ` (${login.error.code})` : ''}`;
    }
    if ('requestCode' in step) {
      login = sim.requestNewCode({ loginId: need().loginId!, channel: step.requestCode });
      if (login.error) throw new StepFailure(login.error.code);
      return step.requestCode;
    }
    if ('answerCall' in step) {
      const phone = userPhone('mobile');
      const call = phone.calls.find((c) => c.state === 'ringing');
      if (!call) throw new StepFailure(`${phone.name} is not ringing`);
      sim.answerCall({ phoneId: phone.id, callId: call.id });
      return 'answered';
    }
    if ('approvePush' in step) {
      const phone = userPhone('ibkey');
      const pending = phone.app.pendingApprovals.find((p) => p.loginId === need().loginId);
      if (!pending) throw new StepFailure(`no login request has reached ${phone.name}`);
      const result = sim.approvePush({ phoneId: phone.id, loginId: pending.loginId, ...step.approvePush });
      if (!result.ok) throw new StepFailure(result.message.code);
      login = sim.getLogin({ loginId: pending.loginId });
      return login.step;
    }
    if ('challengeResponse' in step) {
      let view = need();
      if (view.step === 'push') view = sim.requestChallenge({ loginId: view.loginId! });
      expectStep(view, 'challenge');
      const phone = userPhone('ibkey');
      const app = sim.generateResponse({ phoneId: phone.id, challenge: view.challenge!, ...step.challengeResponse });
      if (!app.ok) throw new StepFailure(`${phone.name}: ${app.message.code}`);
      login = sim.submitResponse({ loginId: view.loginId!, response: app.response! });
      return `${login.step}${login.error ? ` (${login.error.code})` : ''}`;
    }
    if ('dscplus' in step) {
      const view = expectStep(need(), 'dscplus');
      const serial = sim.world.directory.get(username!)!.spec.devices.find((d) => d.kind === 'dscplus');
      if (serial?.kind !== 'dscplus') throw new StepFailure('no DSC+ for this user');
      sim.fobPress({ serial: serial.serial });
      const afterPin = sim.fobEnter({ serial: serial.serial, digits: step.dscplus.pin });
      if (afterPin.state !== 'challenge') throw new StepFailure(`fob shows ${afterPin.display || 'nothing'} after the PIN`);
      const fob = sim.fobEnter({ serial: serial.serial, digits: view.challenge! });
      login = sim.submitResponse({ loginId: view.loginId!, response: fob.display });
      return login.step;
    }
    if ('codeCard' in step) {
      const view = expectStep(need(), 'codecard');
      const device = sim.world.directory.get(username!)!.spec.devices.find((d) => d.kind === 'codecard');
      if (device?.kind !== 'codecard') throw new StepFailure('no Security Code Card for this user');
      const card = sim.getCodeCard({ serial: device.serial });
      const [a, b] = view.cardIndexes!;
      const value = (i: number) => card.entries.find((e) => e.index === i)!.value;
      login = sim.submitResponse({ loginId: view.loginId!, response: value(a) + value(b) });
      return login.step;
    }
    if ('temporaryPasscode' in step) {
      const view = expectStep(need(), 'temporaryPasscode');
      // What client services said on the phone: the passcode on record for this login.
      const told = sim.listPending({ username: username! }).find((p) => p.loginId === view.loginId && p.kind === 'passcode')?.code;
      const typed = step.temporaryPasscode.code ?? told;
      if (!typed) throw new StepFailure('no temporary passcode was issued for this user');
      login = sim.submitResponse({ loginId: view.loginId!, response: typed });
      return login.step;
    }
    if ('enrolSms' in step) {
      login = sim.enrolSms({ loginId: enrolling(need()).loginId!, number: step.enrolSms.number });
      if (login.error) throw new StepFailure(login.error.code);
      return step.enrolSms.number;
    }
    if ('confirmEnrolment' in step) {
      const view = enrolling(need());
      const phoneId = view.enrolment?.phoneId;
      if (!phoneId) throw new StepFailure(`no phone in this scenario answers ${view.enrolment?.number ?? 'the number (press VERIFY first)'}`);
      const phone = sim.getPhone({ phoneId });
      const code = /confirmation code is (\d{6})/.exec(phone.messages.at(-1)?.text ?? '')?.[1];
      if (!code) throw new StepFailure(`no confirmation code has reached ${phone.name}`);
      login = sim.confirmSmsEnrolment({ loginId: view.loginId!, code });
      return `${login.step}${login.error ? ` (${login.error.code})` : ''}`;
    }
    if ('acceptPaperWarning' in step) {
      login = sim.acceptPaperWarning({ loginId: need().loginId! });
      return login.step;
    }
    if ('set' in step) {
      sim.setPhoneState({ phoneId: step.phone, patch: step.set });
      return `${step.phone} ${JSON.stringify(step.set)}`;
    }
    if ('restart' in step) {
      sim.restartPhone({ phoneId: step.restart });
      return step.restart;
    }
    if ('clearAppData' in step) {
      sim.clearAppData({ phoneId: step.clearAppData });
      return step.clearAppData;
    }
    sim.setSeamless({ username: step.seamless.user, enabled: step.seamless.enabled });
    return `${step.seamless.user} ${step.seamless.enabled ? 'on' : 'off'}`;
  };

  for (const [index, step] of steps.entries()) {
    const name = Object.keys(step)[0]!;
    const at = sim.world.clock.now();
    try {
      log.push({ index, at, step: name, ok: true, detail: perform(step) });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      log.push({ index, at, step: name, ok: false, detail });
      break;
    }
  }
  return log;
}
