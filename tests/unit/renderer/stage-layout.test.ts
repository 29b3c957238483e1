// The stage's one scale: the desk at its natural size, scaled to fill 1280×720, 1920×1080, 2560×1440 and any size between.
import { describe, expect, it } from 'vitest';
import { FRAME_SIZES } from '../../../main/api/vocabulary';
import { STAGE_MARGIN, controlsExtent, fitScale, frameBox, stageLayout } from '../../../renderer/lib/stage-layout';

/** The usual desk: the login window (460 + its title bar) and the 740 px phone, 56 px apart. */
const desk = { width: 460 + 56 + 360, height: 740 };
const controls = { left: 190, right: 160, band: 160 };

describe('stageLayout', () => {
  it('fills each recording size by the phone\'s height, so a 15 px font renders at 14 px or more at 720p', () => {
    const [p720, p1080, p1440] = FRAME_SIZES.map((size) => stageLayout(size, desk, null).scale);
    expect(p720! * 15).toBeGreaterThanOrEqual(14);
    expect(p720).toBeCloseTo((720 - 2 * STAGE_MARGIN) / 740, 2);
    // Enlarged with the frame, not left at a third of it.
    expect(p1080).toBeCloseTo((1080 - 2 * STAGE_MARGIN) / 740, 2);
    expect(p1440).toBeCloseTo((1440 - 2 * STAGE_MARGIN) / 740, 2);
    for (const [size, scale] of FRAME_SIZES.map((s, i) => [s, [p720, p1080, p1440][i]!] as const)) {
      expect(desk.height * scale).toBeLessThanOrEqual(size.height - 2 * STAGE_MARGIN);
      expect(desk.width * scale).toBeLessThanOrEqual(size.width - 2 * STAGE_MARGIN);
    }
  });

  it('grows steadily between the presets and never passes the frame', () => {
    let last = 0;
    for (let height = 720; height <= 1440; height += 40) {
      const frame = { width: Math.round((height * 16) / 9), height };
      const { scale } = stageLayout(frame, desk, null);
      expect(scale).toBeGreaterThanOrEqual(last);
      expect(desk.height * scale).toBeLessThanOrEqual(height);
      last = scale;
    }
  });

  it('keeps the controls in the gutters at 16:9, and puts the desk below them in a narrow window', () => {
    const wide = stageLayout({ width: 1280, height: 720 }, desk, controls);
    expect(wide).toEqual({ scale: stageLayout({ width: 1280, height: 720 }, desk, null).scale, belowControls: false });
    const narrow = stageLayout({ width: 1024, height: 768 }, desk, controls);
    expect(narrow.belowControls).toBe(true);
    expect(desk.height * narrow.scale).toBeLessThanOrEqual(768 - controls.band - 2 * STAGE_MARGIN);
  });

  it('fits the width when the desk is wide (the Director docked leaves a narrow frame)', () => {
    const { scale } = stageLayout({ width: 700, height: 720 }, desk, null);
    expect(desk.width * scale).toBeLessThanOrEqual(700 - 2 * STAGE_MARGIN);
    expect(scale).toBeLessThan(0.8);
  });

  it('does nothing before the desk is measured', () => {
    expect(stageLayout({ width: 1280, height: 720 }, { width: 0, height: 0 }, null)).toEqual({ scale: 1, belowControls: false });
  });
});

describe('frameBox', () => {
  it('is the window when fitting it, and the preset (shrunk as a whole in a smaller window) otherwise', () => {
    expect(frameBox('fit', { width: 1100, height: 860 })).toEqual({ width: 1100, height: 860, zoom: 1 });
    expect(frameBox('720p', { width: 1920, height: 1080 })).toEqual({ width: 1280, height: 720, zoom: 1 });
    expect(frameBox('1080p', { width: 1280, height: 800 })).toEqual({ width: 1920, height: 1080, zoom: 1280 / 1920 });
  });
});

describe('fitScale (a part alone)', () => {
  it('scales the part as a whole to the window, never stretching it', () => {
    expect(fitScale({ width: 460, height: 600 }, { width: 460, height: 600 }, 0)).toBe(1);
    // The login window alone in a 720p browser tab: as high as the tab, centred, its own width.
    expect(fitScale({ width: 1280, height: 720 }, { width: 460, height: 600 }, 0)).toBe(1.2);
    expect(740 * fitScale({ width: 1280, height: 720 }, { width: 360, height: 740 }, 12)).toBeLessThanOrEqual(720 - 24);
  });
});

describe('controlsExtent', () => {
  it('measures how far the controls reach from each side and the band they take', () => {
    const boxes = [
      { left: 10, right: 110, bottom: 42, width: 100 },
      { left: 10, right: 190, bottom: 160, width: 180 },
      { left: 1120, right: 1270, bottom: 42, width: 150 },
      { left: 0, right: 0, bottom: 0, width: 0 },
    ];
    expect(controlsExtent(boxes, 1280)).toEqual({ left: 190, right: 160, band: 160 });
    expect(controlsExtent([], 1280)).toBeNull();
  });
});
