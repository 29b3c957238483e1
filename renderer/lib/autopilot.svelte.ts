// The autopilot: plays the scenario's script through the stage's real controls, on a schedule of its own (the take's time).
//
// The take's time moves only when told (`advance`): by the page's animation frames when a trainer
// plays it live, or by the recorder one frame at a time. What happens at each moment of the take is
// fixed by the plan (autopilot-plan.ts), so two plays of one scenario are the same take; waiting for
// the screen to answer a tap takes none of the take's time. The simulation's clock is stopped while it
// plays: only the script's `wait` steps move it (advanceClock), so codes and countdowns repeat too.
import { tick } from 'svelte';
import type { AutopilotSnapshot, AutopilotStatus, ScriptStepView, ScriptView } from '../../main/api/script-view';
import type { LoginView, PhoneView } from '../../main/api/views';
import { codeOnPhone } from '../../main/api/vocabulary';
import type { Client } from './client';
import { PACE, captionOf, planStep, type Caption, type Reading, type Target, type Text, type UiAction, type Words } from './autopilot-plan';
import { centreOf, chooseOption, findTarget, labelledText, setFieldValue, type Sought } from './autopilot-dom';
import { captionWords } from './autopilot-captions';
import { deviceSerial } from './device-match';
import { t } from './i18n.svelte';

/** What the player reads beyond the page: the windows' own state, which is what their screens show. */
export interface StageEyes {
  /** The login the stage shows: the login window's, or the Client Portal's on its tab. */
  login(): LoginView;
  phone(): PhoneView | null;
  /** The stage's tab on the left, and a way to show the other where its tabs are hidden (presenter mode); a stage without tabs has neither. */
  tab?(): 'platform' | 'portal';
  show?(tab: 'platform' | 'portal'): void;
}

/** Between two steps the generator says so, for `step()` (play one step, then pause). */
const STEP_END = Symbol('step end');
type Beat = number | typeof STEP_END;

/** How long the player waits for the screen to show what a step needs (a hang guard, not a pace). */
const SCREEN_TIMEOUT_MS = 20_000;

class AutopilotFailure extends Error {}

const describe = (target: Sought) => `${target.role} "${target.name ?? target.contains}" in the ${target.area === 'app' ? 'broker app' : target.area}`;

export class Autopilot {
  status = $state<AutopilotStatus>('idle');
  script = $state.raw<ScriptView | null>(null);
  /** The step being played, or next to play. */
  stepIndex = $state(0);
  caption = $state.raw<Caption | null>(null);
  /** The last tap, for the touch indicator: where on the page, and when in the take. */
  touch = $state.raw<{ x: number; y: number; at: number } | null>(null);
  /** The take's time: milliseconds since play began. */
  time = $state(0);
  error = $state<string | null>(null);
  cues: { step: number; at: number; caption: Caption }[] = [];

  #manual = false;
  #run: AsyncGenerator<Beat, void, void> | null = null;
  #wakeAt = 0;
  #stopAfterStep = false;
  /** Plays asked for whose start has not finished. */
  #starting = 0;
  #chain: Promise<void> = Promise.resolve();
  #clockWasRunning = false;
  #lastFrame: number | null = null;

  constructor(
    private readonly api: Client,
    private readonly eyes: StageEyes,
    /** The page the stage is drawn in (read when playing, so the class can be made where there is none). */
    private readonly page: () => ParentNode = () => document,
  ) {}

  private get root(): ParentNode {
    return this.page();
  }

  get steps(): ScriptStepView[] {
    return this.script?.steps ?? [];
  }

  manual(): void {
    this.#manual = true;
  }

  /** Plays from where the take is (the start, or where it was paused); after the end, from the start again. */
  play(): Promise<void> {
    this.#starting++;
    return this.#queue(() => this.#start()).finally(() => this.#starting--);
  }

  async #start(): Promise<void> {
    if (this.status === 'playing') return;
    if (this.status === 'done' || this.status === 'failed') return this.#restart();
    if (!this.#run) {
      this.script = await this.api.getScript({});
      const clock = await this.api.getClock({});
      this.#clockWasRunning = clock.running;
      if (clock.running) await this.api.setClockRunning({ running: false });
      this.#run = this.#beats();
      this.#wakeAt = this.time;
    }
    this.status = 'playing';
    this.#live();
  }

  pause(): void {
    if (this.status === 'playing') this.status = 'paused';
  }

  /** Plays the next step, then pauses. */
  async step(): Promise<void> {
    this.#stopAfterStep = true;
    await this.play();
  }

  toggle(): Promise<void> {
    if (this.status === 'playing') {
      this.pause();
      return Promise.resolve();
    }
    // A play asked for and not started yet (its script still on the way): this press pauses it once it
    // starts, as two presses in a row mean, however slowly the first one is answered.
    if (this.#starting > 0) return this.#queue(async () => this.pause());
    return this.play();
  }

  /** The scenario from its beginning (the world reset, same seed) and the take from its first frame, playing. */
  restart(): Promise<void> {
    // Stops a running advance at its next beat; the reset waits in line behind it.
    this.status = 'idle';
    return this.#queue(() => this.#restart());
  }

  async #restart(): Promise<void> {
    this.status = 'idle';
    await this.#run?.return();
    this.#run = null;
    this.time = 0;
    this.#wakeAt = 0;
    this.stepIndex = 0;
    this.caption = null;
    this.touch = null;
    this.error = null;
    this.cues = [];
    this.#stopAfterStep = false;
    await this.api.resetWorld({});
    await this.#settle();
    await this.#start();
  }

  /** Moves the take's time by `ms`, doing every action due meanwhile; calls never overlap. */
  advance(ms: number): Promise<void> {
    return this.#queue(() => this.#advance(ms));
  }

  /** Play, restart and every advance run one after another, in the order asked. */
  #queue(work: () => Promise<void>): Promise<void> {
    const run = this.#chain.then(work);
    this.#chain = run.catch(() => {});
    return run;
  }

  snapshot(): AutopilotSnapshot {
    return {
      status: this.status,
      time: this.time,
      step: this.stepIndex,
      steps: this.steps.length,
      caption: this.status === 'done' ? t('autopilot.done') : this.caption ? captionWords(this.caption) : null,
      article: this.script?.article ? t('autopilot.article', { ...this.script.article }) : null,
      error: this.error,
      cues: this.cues.map((c) => ({ step: c.step, at: c.at, text: captionWords(c.caption) })),
    };
  }

  async #advance(ms: number): Promise<void> {
    if (this.status !== 'playing' || !this.#run) return;
    const target = this.time + ms;
    while (this.status === 'playing' && this.#wakeAt <= target) {
      this.time = Math.max(this.time, this.#wakeAt);
      let beat: IteratorResult<Beat, void>;
      try {
        beat = await this.#run.next();
      } catch (error) {
        await this.#end('failed', error instanceof Error ? error.message : String(error));
        return;
      }
      if (beat.done) {
        await this.#end('done', null);
        return;
      }
      if (beat.value === STEP_END) {
        if (this.#stopAfterStep) {
          this.#stopAfterStep = false;
          this.status = 'paused';
          return;
        }
        continue;
      }
      this.#wakeAt = this.time + beat.value;
    }
    if (this.status === 'playing') this.time = target;
    // A caller that moves the take itself (the recorder) reads the screen next: it must show this moment, settled.
    if (this.#manual) await this.#settle();
  }

  async #end(status: 'done' | 'failed', error: string | null): Promise<void> {
    this.status = status;
    this.error = error;
    this.#run = null;
    this.#stopAfterStep = false;
    if (this.#clockWasRunning) await this.api.setClockRunning({ running: true });
  }

  /** Live play: the take's time follows the page's frames (at most 100 ms a frame, so a stall does not skip actions). */
  #live(): void {
    if (this.#manual || typeof requestAnimationFrame === 'undefined') return;
    this.#lastFrame = null;
    const frame = (now: number) => {
      if (this.status !== 'playing' || this.#manual) return;
      const dt = this.#lastFrame === null ? 0 : Math.min(now - this.#lastFrame, 100);
      this.#lastFrame = now;
      void this.advance(dt).then(() => requestAnimationFrame(frame));
    };
    requestAnimationFrame(frame);
  }

  async *#beats(): AsyncGenerator<Beat, void, void> {
    for (let index = this.stepIndex; index < this.steps.length; index++) {
      const step = this.steps[index]!;
      this.stepIndex = index;
      this.cues.push({ step: index, at: this.time, caption: captionOf(step) });
      for (const action of planStep(step)) yield* this.#perform(action);
      yield STEP_END;
    }
    this.stepIndex = this.steps.length;
  }

  async *#perform(action: UiAction): AsyncGenerator<number, void, void> {
    switch (action.do) {
      case 'caption':
        this.caption = action.caption;
        return;
      case 'pause':
        yield action.ms;
        return;
      case 'tab': {
        await this.#settle();
        if ((this.eyes.tab?.() ?? 'platform') === action.tab) return;
        const tab = this.root.querySelector(`#stage-tab-${action.tab}`);
        if (tab instanceof HTMLElement) yield* this.#tap(tab);
        else {
          this.eyes.show?.(action.tab);
          await this.#settle();
          yield PACE.tap;
        }
        return;
      }
      case 'tap': {
        await this.#settle();
        if (action.unless && this.#findNow(action.unless)) return;
        const element = action.ifPresent ? this.#findNow(action.target) : await this.#find(action.target);
        if (element) yield* this.#tap(element);
        return;
      }
      case 'type': {
        const field = await this.#find(action.target);
        yield* this.#touch(field, PACE.tap);
        field.focus();
        const text = await this.#text(action.text);
        setFieldValue(field, '');
        for (let i = 1; i <= text.length; i++) {
          setFieldValue(field, text.slice(0, i));
          yield PACE.key;
        }
        await this.#settle();
        return;
      }
      case 'keys': {
        const text = await this.#text(action.text);
        // The fob's keys are printed on it, digits and OK, the same in every language.
        for (const key of [...text, 'OK']) yield* this.#tap(await this.#find({ area: action.area, role: 'button', name: { literal: key } }));
        return;
      }
      case 'select': {
        const element = await this.#find(action.target);
        yield* this.#touch(element, PACE.tap / 2);
        element.focus();
        if (!chooseOption(element, action.value)) throw new AutopilotFailure(`${describe(this.#sought(action.target))} offers no "${action.value}"`);
        await this.#settle();
        yield PACE.tap / 2;
        return;
      }
      case 'advance': {
        // Virtual time moves in even slices over the shown span, so countdowns visibly run.
        const slices = Math.max(1, Math.round(action.showMs / 250));
        for (let k = 0; k < slices; k++) {
          const ms = Math.round((action.ms * (k + 1)) / slices) - Math.round((action.ms * k) / slices);
          if (ms > 0) await this.api.advanceClock({ ms });
          await this.#settle();
          yield action.showMs / slices;
        }
        return;
      }
      case 'world': {
        await this.#world(action.step);
        await this.#settle();
        yield PACE.tap;
        return;
      }
    }
  }

  /** The touch indicator on the element, `before` ms of the take, then the tap itself and the screen's answer. */
  async *#tap(element: HTMLElement): AsyncGenerator<number, void, void> {
    yield* this.#touch(element, PACE.tap * 0.4);
    element.click();
    await this.#settle();
    yield PACE.tap * 0.6;
  }

  async *#touch(element: HTMLElement, ms: number): AsyncGenerator<number, void, void> {
    element.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    this.touch = { ...centreOf(element), at: this.time };
    yield ms;
  }

  /** Every answer this page waits for has come, one more round trip lets the events sent before it land, and the screen shows them. */
  async #settle(): Promise<void> {
    // An answer may set off another call (a login's answer makes the phone read itself): until a round starts none.
    for (let round = 0; round < 20; round++) {
      const before = this.api.callsMade();
      await this.api.settled();
      await this.api.getClock({});
      await tick();
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.api.callsMade() === before + 1) return;
    }
  }

  /** The words a name stands for now: the message in the windows' language, or what the phone shows. */
  #words(words: Words): string | undefined {
    if ('literal' in words) return words.literal;
    if ('id' in words) return t(words.id);
    return this.eyes.phone()?.notifications.find((n) => n.source.kind === 'push')?.title;
  }

  /** The target as the screen names it now (worded each time it is looked for: the language may switch). */
  #sought(target: Target): Sought {
    const name = target.name && this.#words(target.name);
    const contains = target.contains && this.#words(target.contains);
    return {
      area: target.area,
      role: target.role,
      ...(target.name ? { name: name ?? '' } : {}),
      ...(target.contains ? { contains: contains ?? '' } : {}),
      ...(target.checked !== undefined ? { checked: target.checked } : {}),
    };
  }

  /** The target if the screen shows it now. A text read off the phone that is not there yet matches nothing. */
  #findNow(target: Target): HTMLElement | null {
    const sought = this.#sought(target);
    if (sought.name === '' || sought.contains === '') return null;
    return findTarget(this.root, sought, t);
  }

  /** Waits (outside the take's time) until the screen shows the target. */
  async #find(target: Target): Promise<HTMLElement> {
    await this.#settle();
    return this.#until(() => this.#findNow(target), () => `the stage shows no ${describe(this.#sought(target))}`);
  }

  #until<T>(check: () => T | null | undefined, why: () => string): Promise<T> {
    const found = check();
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        const now = check();
        if (now) finish(() => resolve(now));
      });
      const timer = setTimeout(() => finish(() => reject(new AutopilotFailure(why()))), SCREEN_TIMEOUT_MS);
      const finish = (then: () => void) => {
        observer.disconnect();
        clearTimeout(timer);
        then();
      };
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }

  async #text(text: Text): Promise<string> {
    if ('literal' in text) return text.literal;
    const value = await this.#read(text.read);
    if (!value) throw new AutopilotFailure(`nothing to read for ${text.read} (${this.#reading(text.read)})`);
    return value;
  }

  #reading(reading: Reading): string {
    const words: Record<Reading, string> = {
      phoneCode: 'no security code has reached the phone',
      challenge: 'the login window shows no challenge',
      appResponse: 'the app shows no Response String',
      fobResponse: 'the fob shows no response',
      cardValues: 'no card values for the index numbers',
      passcode: 'no temporary passcode was issued',
      confirmationCode: 'no confirmation code has reached the phone',
    };
    return words[reading];
  }

  /** What a person reads off a screen: the phone's SMS or call, the login window's challenge, the app's or the fob's display, the card. */
  async #read(reading: Reading): Promise<string | undefined> {
    const login = this.eyes.login();
    const digits = (text: string | null | undefined) => text?.replace(/\D/g, '') || undefined;
    switch (reading) {
      case 'phoneCode': {
        const phone = this.eyes.phone();
        return phone ? codeOnPhone(phone) : undefined;
      }
      case 'challenge':
        return digits(login.challenge);
      case 'appResponse':
        return digits(await this.#until(() => labelledText(this.root, 'app', t('ibkr.responseString'), t), () => this.#reading(reading)));
      case 'fobResponse':
        return digits(labelledText(this.root, 'fob', t('devices.fob.display'), t));
      case 'cardValues': {
        const serial = deviceSerial(login, 'codecard');
        if (!serial || !login.cardIndexes) return undefined;
        const card = await this.api.getCodeCard({ serial });
        return login.cardIndexes.map((i) => card.entries.find((e) => e.index === i)?.value ?? '').join('');
      }
      case 'passcode':
        return (await this.api.listPending({})).find((p) => p.loginId === login.loginId && p.kind === 'passcode')?.code ?? undefined;
      case 'confirmationCode': {
        // The login's enrolment, or the Client Portal's Mobile Number being verified.
        const phoneId = login.enrolment?.phoneId ?? login.portal?.verification?.phoneId;
        return phoneId ? codeOnPhone(await this.api.getPhone({ phoneId })) : undefined;
      }
    }
  }

  /** What the trainer changes in the world, as the Director does. */
  async #world(step: Extract<UiAction, { do: 'world' }>['step']): Promise<void> {
    switch (step.kind) {
      case 'setPhone':
        await this.api.setPhoneState({ phoneId: step.phone, patch: step.patch });
        return;
      case 'restart':
        await this.api.restartPhone({ phoneId: step.phone });
        return;
      case 'clearAppData':
        await this.api.clearAppData({ phoneId: step.phone });
        return;
      case 'seamless':
        await this.api.setSeamless({ username: step.user, enabled: step.enabled });
        return;
      case 'setLocale':
        await this.api.setLocale({ locale: step.locale });
        return;
      case 'installApp':
        await this.api.installApp({ phoneId: step.phone });
        return;
      case 'uninstallApp':
        await this.api.uninstallApp({ phoneId: step.phone });
        return;
      case 'activateIbKey':
      case 'migrateIbKey':
        await this.#activate(step);
        return;
    }
  }

  /** IB Key's activation in the app, as the runner does it: the token off the phone with the user's number (or the fob), then Android's PIN. */
  async #activate(step: Extract<ScriptStepView, { kind: 'activateIbKey' | 'migrateIbKey' }>): Promise<void> {
    const phoneId = step.phone;
    const password = step.password ?? '';
    const started = await this.api.startIbKeyActivation({ phoneId, username: step.user, password, purpose: step.kind === 'migrateIbKey' ? 'migrate' : 'activate' });
    const view = started.activation;
    if (!view) throw new Error(started.error?.code ?? 'no activation');
    let token: string | undefined;
    if (view.via === 'dscplus' && view.serial && view.challenge) {
      await this.api.fobPress({ serial: view.serial });
      await this.api.fobEnter({ serial: view.serial, digits: step.pin ?? '' });
      token = (await this.api.fobEnter({ serial: view.serial, digits: view.challenge })).display;
    } else {
      const world = await this.api.getWorld({});
      const number = world.users.find((u) => u.username === step.user)?.devices.find((d) => d.kind === 'sms')?.phoneId;
      const reader = number ?? world.phones.find((p) => p.ibkeyUser === step.user)?.id ?? phoneId;
      const before = (await this.api.getPhone({ phoneId: reader })).messages.length;
      for (let i = 0; i < 60 && !token; i++) {
        const phone = await this.api.getPhone({ phoneId: reader });
        token = phone.messages.length > before ? codeOnPhone(phone) : undefined;
        if (!token) await this.api.advanceClock({ ms: 1_000 });
      }
    }
    if (!token) throw new Error('no Activation Token arrived');
    const after = await this.api.submitActivationToken({ phoneId, token, pin: view.asksCurrentPin ? step.pin : undefined, method: view.asksOwner ? ('method' in step ? step.method : undefined) : undefined });
    if (after.activation?.step === 'pin') await this.api.setActivationPin({ phoneId, pin: step.pin ?? '', repeat: step.pin ?? '' });
  }
}
