// The recorder's speed: seconds of video rendered per second of wall time, at 1280×720 and 1920×1080 (printed, never asserted).
import path from 'node:path';
import { readScenarioFile } from '../../main/host/scenario-files.js';
import { recordTake } from '../../main/cli/take.js';
import { fmt } from './stats.js';

/** The SMS login take (about 16 s of video at human pace), frames rendered and hashed but not encoded, then the same with ffmpeg's share left out. */
export async function recordingRates(options: { rendererDir: string; header: (title: string) => void }): Promise<void> {
  options.header('Recording (npm run cli -- record: happy-sms, 25 fps, frames rendered, not encoded)');
  const loaded = readScenarioFile(path.join('scenarios', 'library', 'happy-sms.yaml'));
  if (!loaded.ok) throw new Error('happy-sms does not load');
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    const t0 = performance.now();
    const take = await recordTake({ scenario: loaded.scenario, width, height, fps: 25, rendererDir: options.rendererDir, onFrame: () => {} });
    const wall = (performance.now() - t0) / 1000;
    console.log(`${width}x${height}: ${fmt(take.durationMs / 1000, 1)} s of video (${take.frames} frames) in ${fmt(wall, 1)} s   ${fmt(take.durationMs / 1000 / wall, 2)} s of video per second`);
  }
}
