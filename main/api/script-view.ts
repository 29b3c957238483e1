// The scenario's script as the windows' autopilot reads it (getScript): each step as the runner knows it, and its caption.
//
// The simulation's own type is the zod output of main/sim/scenario/script-schema.ts; this contract
// cannot import it (main/api imports nothing of the project), so it is written out here and
// script-schema.ts checks at compile time that every step it parses fits this shape.
import type { CodeChannel, Locale, TradingMode, UnlockMethod } from './vocabulary.js';
import type { PhoneStatePatch } from './phone-state.js';

interface Written {
  /** The step as the scenario file wrote it (`wait: 5s`). */
  written: string;
  /** The scenario's own words for the caption strip; without them the UI says the kind's default. */
  caption?: string | undefined;
}

export type ScriptStepView = Written &
  (
    | { kind: 'login'; user: string; password?: string | undefined; mode: TradingMode; readOnly?: boolean | undefined; elsewhere?: boolean | undefined; phone?: string | undefined; portal?: boolean | undefined }
    | { kind: 'wait'; ms: number }
    | { kind: 'chooseDevice'; device: string }
    | { kind: 'enterCode'; code?: string | undefined }
    | { kind: 'requestCode'; channel: CodeChannel }
    | { kind: 'answerCall' }
    | { kind: 'approvePush'; method: UnlockMethod; pin?: string | undefined }
    | { kind: 'challengeResponse'; method: UnlockMethod; pin?: string | undefined }
    | { kind: 'dscplus'; pin: string }
    | { kind: 'codeCard' }
    | { kind: 'temporaryPasscode'; code?: string | undefined }
    | { kind: 'acceptPaperWarning' }
    | { kind: 'continueLogin' }
    | { kind: 'cancel' }
    | { kind: 'enrolSms'; number: string }
    | { kind: 'confirmEnrolment' }
    | { kind: 'verifyNumber'; number: string }
    | { kind: 'confirmNumber'; code?: string | undefined }
    | { kind: 'saveSeamless'; enabled: boolean }
    | { kind: 'optOut' }
    | { kind: 'setPhone'; phone: string; patch: PhoneStatePatch }
    | { kind: 'restart'; phone: string }
    | { kind: 'clearAppData'; phone: string }
    | { kind: 'seamless'; user: string; enabled: boolean }
    | { kind: 'setLocale'; locale: Locale }
    | { kind: 'installApp'; phone: string }
    | { kind: 'uninstallApp'; phone: string }
    | { kind: 'activateIbKey'; phone: string; user: string; pin?: string | undefined; method?: UnlockMethod | undefined; password?: string | undefined }
    | { kind: 'migrateIbKey'; phone: string; user: string; pin?: string | undefined; password?: string | undefined }
  );

/**
 * The running scenario's script for the autopilot. A login step carries the password the person
 * types (the step's own, else the user's in the scenario file): the autopilot types it as a person
 * who knows it would, so only the Director (and the stage of the browser host) may read this.
 */
export interface ScriptView {
  name: string;
  title: string;
  /** The help article and step the scenario shows, cited on the caption strip. */
  article: { title: string; step: string } | null;
  steps: ScriptStepView[];
}

export type AutopilotStatus = 'idle' | 'playing' | 'paused' | 'done' | 'failed';

/**
 * What the stage's page offers as `window.slsAutopilot`: the recorder (`npm run cli -- record`) and
 * the end-to-end tests drive the autopilot through it, frame by frame.
 */
export interface AutopilotHandle {
  play(): Promise<void>;
  pause(): void;
  step(): Promise<void>;
  restart(): Promise<void>;
  /** Moves the take's time by `ms` (manual clock); resolves once the screen shows that moment. */
  advance(ms: number): Promise<void>;
  /** The take's time moves only by `advance` from now on (the recorder, tests). */
  manual(): void;
  snapshot(): AutopilotSnapshot;
}

export interface AutopilotSnapshot {
  status: AutopilotStatus;
  time: number;
  step: number;
  steps: number;
  /** The caption strip's words now, in the UI's language. */
  caption: string | null;
  /** The help article's step the strip cites, in the UI's language. */
  article: string | null;
  error: string | null;
  /** The take's cues so far: each step's start and its caption's words (the recorder writes them as WebVTT). */
  cues: { step: number; at: number; text: string }[];
}

