// How a phone is drawn, by its model: a Home button (with Touch ID), a notch, the Dynamic Island, an Android punch-hole camera, a tablet.
import type { Platform } from '../../main/api/vocabulary';
import type { MessageId } from '../i18n/keys';

export type FrameKind = 'homeButton' | 'notch' | 'island' | 'punchHole' | 'tablet';

export interface PhoneFrame {
  kind: FrameKind;
  /** A round Home button under the screen: it goes home, opens the lock screen, and is the Touch ID sensor. */
  homeButton: boolean;
  /** What the front camera cuts out of the top of the screen. */
  camera: 'island' | 'notch' | 'punchHole' | 'none';
  /** The gesture bar at the foot of the screen (every phone without a Home button). */
  gestureBar: boolean;
  /** What the lock screen says to open it. */
  lockHint: MessageId;
}

/** The one table of frames: what each kind has. */
const FRAMES: Record<FrameKind, Omit<PhoneFrame, 'kind' | 'lockHint'>> = {
  homeButton: { homeButton: true, camera: 'none', gestureBar: false },
  notch: { homeButton: false, camera: 'notch', gestureBar: true },
  island: { homeButton: false, camera: 'island', gestureBar: true },
  punchHole: { homeButton: false, camera: 'punchHole', gestureBar: true },
  tablet: { homeButton: false, camera: 'none', gestureBar: true },
};

/**
 * The iPhone generations by their number: up to the 8 (and every SE) a Home button with Touch ID;
 * X to 14 (and the 16e) the notch; the 14 Pro and everything from the 15 on the Dynamic Island.
 */
function iphoneKind(model: string): FrameKind {
  if (/\bSE\b/i.test(model)) return 'homeButton';
  // The number with its letter, if any: "5s", "6s Plus", "16e", "XR".
  const generation = /iPhone\s*(X[SR]?|\d+)([a-z]*)\b/i.exec(model);
  if (!generation) return 'island';
  const [, name = '', letter = ''] = generation;
  if (/^X/i.test(name)) return 'notch';
  const n = Number(name);
  if (n <= 8) return 'homeButton';
  if (n === 16 && letter.toLowerCase() === 'e') return 'notch';
  if (n === 14 && /\bPro\b/i.test(model)) return 'island';
  return n <= 14 ? 'notch' : 'island';
}

/** The kind of frame a phone model is drawn in; an unknown iPhone is drawn as a current one. */
export function frameKind(platform: Platform, model: string): FrameKind {
  if (/\biPad\b|\bTab\b|\bTablet\b/i.test(model)) return 'tablet';
  return platform === 'android' ? 'punchHole' : iphoneKind(model);
}

/** The frame of a phone model: its kind and what that kind has. */
export function phoneFrame(platform: Platform, model: string): PhoneFrame {
  const kind = frameKind(platform, model);
  const frame = FRAMES[kind];
  const lockHint: MessageId = platform === 'android' ? 'phone.lock.hint.android' : frame.homeButton ? 'phone.lock.hint.home' : 'phone.lock.hint.ios';
  return { kind, ...frame, lockHint };
}
