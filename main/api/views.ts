// What the operations answer: plain, serializable views of the simulated world.
import type { JournalEntry } from './events.js';

export type Platform = 'ios' | 'android';
export type DeviceKind = 'sms' | 'voice' | 'ibkey' | 'dscplus' | 'codecard';
export type TradingMode = 'live' | 'paper';

/** The screens of the login window, in the order a login walks through them. */
export type LoginStep =
  | 'credentials'
  | 'selectDevice'
  | 'securityCode'
  | 'push'
  | 'challenge'
  | 'dscplus'
  | 'codecard'
  | 'unavailable'
  | 'paperWarning'
  | 'loggedIn'
  | 'failed';

export interface DeviceChoice {
  id: string;
  kind: DeviceKind;
  /** What the drop-down shows: kind and a recognisable detail (masked number, model, serial). */
  label: string;
}

/** Never carries a secret: codes and responses live only on the phone and in the server. */
export interface LoginView {
  loginId: string | null;
  step: LoginStep;
  mode: TradingMode;
  username: string;
  /** Text for the alert region, e.g. "Invalid user name password combination". */
  error: string | null;
  /** Informational line, e.g. where the code was sent. */
  notice: string | null;
  devices: DeviceChoice[];
  device: DeviceChoice | null;
  /** Virtual time at which "Didn't receive a security code?" may send again. */
  resendAvailableAt: number | null;
  /** Which channels "Didn't receive a security code?" offers, and whether each works yet. */
  resendChannels: { sms: boolean; voice: boolean };
  challenge: string | null;
  cardIndexes: [number, number] | null;
  /** Virtual time when this view was made. */
  now: number;
}

export interface PhoneStatus {
  poweredOn: boolean;
  /** Bars, 0 = no service. */
  signal: number;
  airplane: boolean;
  wifi: boolean;
  mobileData: boolean;
  doNotDisturb: boolean;
  lowPower: boolean;
  roaming: boolean;
  battery: number;
}

export interface SmsView {
  id: string;
  from: string;
  text: string;
  at: number;
  read: boolean;
}

export interface NotificationView {
  id: string;
  app: string;
  title: string;
  body: string;
  at: number;
  /** Silenced notifications stay in the list but raise no banner. */
  silenced: boolean;
  source: { kind: 'sms'; messageId: string } | { kind: 'push'; loginId: string };
}

export interface PhoneView {
  id: string;
  name: string;
  platform: Platform;
  model: string;
  number: string;
  carrier: string;
  region: string;
  status: PhoneStatus;
  messages: SmsView[];
  notifications: NotificationView[];
  unread: number;
  now: number;
}

export interface ClockView {
  now: number;
  running: boolean;
  /** Virtual time elapsed since the scenario started. */
  elapsed: number;
}

export interface UserSummary {
  username: string;
  region: string;
  devices: DeviceChoice[];
  lockedUntil: number | null;
  recentFailures: number;
}

export interface PhoneSummary {
  id: string;
  name: string;
  platform: Platform;
  model: string;
}

export interface Branding {
  company: string;
  product: string;
  mobileApp: string;
  smsSender: string;
}

export interface ScenarioView {
  name: string;
  title: string;
  description: string;
  seed: string;
  branding: Branding;
}

export interface WorldView {
  scenario: ScenarioView;
  clock: ClockView;
  users: UserSummary[];
  phones: PhoneSummary[];
}

export interface JournalPage {
  entries: JournalEntry[];
  lastSeq: number;
}
