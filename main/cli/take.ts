// One take of a scenario: the browser host on a free port, headless Chromium at the frame's size, the autopilot frame by frame.
//
// Deterministic by construction: the host has no pacer (the simulation's clock moves only by the
// script's waits, which the autopilot asks for), and the take's time moves only when this file says
// (`slsAutopilot.advance`, one frame's worth), so frame N shows the same moment on every render. Each
// frame is a screenshot taken once the page has answered that moment, with CSS animations finished
// and the caret hidden, and Chromium rasters it whole (SAME_PIXELS_ARGS); wall-clock time never enters a frame.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { AutopilotHandle, AutopilotSnapshot } from '../api/script-view.js';
import { appRoot } from '../host/scenario-files.js';
import { fileLibrary } from '../host/scenario-library.js';
import { checkExpectations, type ExpectationResult } from '../sim/expect.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { Simulation } from '../sim/simulation.js';
import { createWebServer } from '../web/server.js';

export interface TakeOptions {
  scenario: Scenario;
  width: number;
  height: number;
  fps: number;
  /** How many times faster than a person the take plays (1: human pace; the CI's short takes use more). */
  speed?: number;
  /** Debian's Chromium unless told otherwise. */
  chromium?: string;
  /** The built renderer (dist/renderer). */
  rendererDir?: string;
  /** Frames of the clean stage before the autopilot starts, and of the end held after it. */
  leadInMs?: number;
  holdMs?: number;
  /** A guard: the take stops with an error past this much video. */
  maxMs?: number;
  /** Each frame as PNG bytes, in order (to the encoder, a poster, a hash). */
  onFrame: (png: Buffer, index: number, state: AutopilotSnapshot) => void | Promise<void>;
}

export interface Take {
  frames: number;
  /** Milliseconds of video. */
  durationMs: number;
  /** Where the autopilot's time 0 is in the video (after the lead-in frames). */
  startMs: number;
  /** SHA-256 of every frame, in order: two renders of one scenario give the same list. */
  hashes: string[];
  end: AutopilotSnapshot;
  /** The scenario's `expect` section checked against the world the take left: the take showed what the scenario says happens. */
  expectations: ExpectationResult[];
}

export class TakeError extends Error {
  override name = 'TakeError';
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function defaultRendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--hide-scrollbars', '--font-render-hinting=none'];

/**
 * A frame's pixels a function of what the page shows now, never of which frames Chromium happened to
 * draw before it. Chromium draws on its own wall-clock frame beat; on a busy machine it skips some of
 * the page's intermediate states, and with partial raster it re-rasters only the changed part of a
 * tile, so the anti-aliased edges and blurred shadows around a change (the phone's corner, a field's
 * border, a button) came out a shade different depending on that history: two renders differed by a
 * few pixels. Whole tiles re-rastered, every stage of the compositor run before a frame is drawn
 * (no frame with tiles still to raster), images decoded before they are drawn, no compositor-thread
 * animation or scrolling, and one colour profile and text anti-aliasing (as headless Chromium's own
 * deterministic mode sets them).
 */
const SAME_PIXELS_ARGS = [
  '--disable-partial-raster',
  '--run-all-compositor-stages-before-draw',
  '--disable-checker-imaging',
  '--disable-image-animation-resync',
  '--disable-threaded-animation',
  '--disable-threaded-scrolling',
  '--disable-new-content-rendering-timeout',
  '--disable-lcd-text',
  '--force-color-profile=srgb',
];

type WithAutopilot = Window & { slsAutopilot: AutopilotHandle };

const advance = (page: Page, ms: number) =>
  page.evaluate(async (step) => {
    const pilot = (window as unknown as WithAutopilot).slsAutopilot;
    await pilot.advance(step);
    return pilot.snapshot();
  }, ms);

export async function recordTake(options: TakeOptions): Promise<Take> {
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new TakeError(`no built renderer in ${rendererDir} (run npm run build:only first)`);
  const chromiumPath = options.chromium ?? DEFAULT_CHROMIUM;
  if (!existsSync(chromiumPath)) throw new TakeError(`no Chromium at ${chromiumPath} (apt-get install chromium, or --chromium <path>)`);
  const frameMs = 1000 / options.fps;
  const leadIn = Math.round((options.leadInMs ?? 600) / frameMs);
  const hold = Math.round((options.holdMs ?? 1500) / frameMs);
  const maxFrames = Math.ceil((options.maxMs ?? 600_000) / frameMs);

  const sim = new Simulation(options.scenario, { library: fileLibrary() });
  const server = await createWebServer({ sim, rendererDir, port: 0, heartbeatMs: 60_000 });
  // Imported here so the runner and the OTP tool never load the browser driver.
  const { chromium } = await import('@playwright/test');
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS, ...SAME_PIXELS_ARGS] });
    const page = await browser.newPage({ viewport: { width: options.width, height: options.height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    // Presenter mode where the stage has it: nothing but the product in the frame.
    await page.goto(`${server.url}${server.url.includes('?') ? '&' : '?'}present`);
    await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.manual());
    await page.evaluate(() => document.fonts.ready);

    // No CSS animation or transition runs on its own clock, and no caret blinks: a frame shows only the take's moment.
    await page.addStyleTag({ content: '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }' });
    const cdp = await page.context().newCDPSession(page);
    const hashes: string[] = [];
    let state = await page.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.snapshot());
    const shoot = async () => {
      // Straight from Chromium's compositor (Playwright's screenshot adds waits of its own per frame).
      const { data } = (await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false })) as { data: string };
      const png = Buffer.from(data, 'base64');
      hashes.push(createHash('sha256').update(png).digest('hex'));
      await options.onFrame(png, hashes.length - 1, state);
    };
    for (let i = 0; i < leadIn; i++) await shoot();
    await page.evaluate(() => (window as unknown as WithAutopilot).slsAutopilot.play());
    while (state.status === 'playing' || state.status === 'idle') {
      if (hashes.length >= maxFrames) throw new TakeError(`the take is longer than ${Math.round((maxFrames * frameMs) / 1000)} s of video; stopped`);
      state = await advance(page, frameMs * (options.speed ?? 1));
      await shoot();
    }
    if (state.status === 'failed') throw new TakeError(`the autopilot stopped at step ${state.step + 1}: ${state.error}`);
    for (let i = 0; i < hold; i++) await shoot();
    return { frames: hashes.length, durationMs: hashes.length * frameMs, startMs: leadIn * frameMs, hashes, end: state, expectations: checkExpectations(sim, options.scenario.expect) };
  } finally {
    await browser?.close();
    await server.close();
  }
}
