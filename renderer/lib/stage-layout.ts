// The stage's layout: one scale for the desk (login window, phone, devices), computed from the frame it fills.
//
// The desk is drawn at its natural size (CSS px: the login window 460 wide, the phone 740 high) and scaled
// as one by CSS `zoom`, so the login window and the phone keep their proportions at every frame size. The
// scale fills the frame's height or width less a margin, whichever binds first; it is not capped at 1, so
// at 1920×1080 and 2560×1440 the desk fills the frame instead of a third of it. At 1280×720 the phone binds:
// (720 − 2 × 12) / 740 ≈ 0.94, so a 15 px font (the smallest the stage draws) renders at 14.1 px.
import { FRAME_SIZES } from '../../main/api/vocabulary';

export interface Size {
  width: number;
  height: number;
}

/** The stage's own controls fixed at the top (Director, Presenter mode, Language, Frame, Trading device). */
export interface StageControls {
  /** How far the controls at the left reach from the frame's left edge, and those at the right from its right edge. */
  left: number;
  right: number;
  /** The band they take at the top. */
  band: number;
}

/** The margin kept around the desk at every size, in CSS px of the frame. */
export const STAGE_MARGIN = 12;
/** Beyond these the desk is too small to read or larger than any screen needs. */
const MIN_SCALE = 0.3;
const MAX_SCALE = 4;

export interface StageLayout {
  /** The desk's zoom. */
  scale: number;
  /** Whether the desk sits below the controls' band (it would meet them beside it otherwise). */
  belowControls: boolean;
}

// Rounded down to a thousandth, so that the scaled box never reaches half a pixel past the frame.
const clamp = (value: number) => Math.floor(Math.min(MAX_SCALE, Math.max(MIN_SCALE, value)) * 1000) / 1000;

/**
 * The desk's scale in a frame. Without controls (presenter mode) the desk fills the frame less the margin.
 * With them, the desk stays beside them in the gutters left and right when the frame is wide enough
 * (1280×720 and wider: the desk is height-bound and the gutters are wide), else it sits below their band.
 */
export function stageLayout(frame: Size, desk: Size, controls: StageControls | null): StageLayout {
  if (desk.width <= 0 || desk.height <= 0 || frame.width <= 0 || frame.height <= 0) return { scale: 1, belowControls: false };
  const fit = (width: number, height: number) => Math.min(width / desk.width, height / desk.height);
  const full = fit(frame.width - 2 * STAGE_MARGIN, frame.height - 2 * STAGE_MARGIN);
  if (!controls) return { scale: clamp(full), belowControls: false };
  // Beside the controls: the desk no wider than leaves each gutter room for its side's controls.
  const gutter = Math.max(controls.left, controls.right) + STAGE_MARGIN;
  const beside = Math.min(full, (frame.width - 2 * gutter) / desk.width);
  const below = fit(frame.width - 2 * STAGE_MARGIN, frame.height - controls.band - 2 * STAGE_MARGIN);
  return beside >= below ? { scale: clamp(beside), belowControls: false } : { scale: clamp(below), belowControls: true };
}

/** What the stage is framed at: the window as it is, or one of the sizes takes are recorded at. */
export type FrameChoice = 'fit' | (typeof FRAME_SIZES)[number]['label'];
export const FRAME_CHOICES: readonly FrameChoice[] = ['fit', ...FRAME_SIZES.map((size) => size.label)];

/** The frame's box in the window: the window itself, or a preset, shrunk as a whole (`zoom`) when the window is smaller. */
export function frameBox(choice: FrameChoice, window: Size): Size & { zoom: number } {
  const preset = FRAME_SIZES.find((size) => size.label === choice);
  if (!preset) return { width: window.width, height: window.height, zoom: 1 };
  const zoom = Math.min(1, window.width / preset.width, window.height / preset.height);
  return { width: preset.width, height: preset.height, zoom: zoom > 0 ? zoom : 1 };
}

/** A part alone (`#login`, `#phone/<id>`): its natural size scaled to fit the window less a margin, never stretched. */
export function fitScale(window: Size, part: Size, margin: number): number {
  if (part.width <= 0 || part.height <= 0 || window.width <= 0 || window.height <= 0) return 1;
  return clamp(Math.min((window.width - 2 * margin) / part.width, (window.height - 2 * margin) / part.height));
}

/**
 * Where the stage's fixed controls reach, from their boxes in the window: those left of the middle from the
 * left edge, the others from the right edge, and the band they take at the top. None drawn: null.
 */
export function controlsExtent(boxes: readonly { left: number; right: number; bottom: number; width: number }[], windowWidth: number): StageControls | null {
  const drawn = boxes.filter((b) => b.width > 0);
  if (!drawn.length) return null;
  let left = 0;
  let right = 0;
  let band = 0;
  for (const b of drawn) {
    if ((b.left + b.right) / 2 < windowWidth / 2) left = Math.max(left, b.right);
    else right = Math.max(right, windowWidth - b.left);
    band = Math.max(band, b.bottom);
  }
  return { left, right, band };
}
