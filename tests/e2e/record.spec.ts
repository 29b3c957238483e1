// The recorder: a short scenario rendered twice gives the same frames; three library takes are written as videos that play.
//
// Each take starts its own browser host and headless Chromium (main/cli/take.ts) and ends both in
// its own finally; ffmpeg is Debian's (.ci/run installs it). Small frames, few frames per second and
// a faster pace keep these a few seconds of video each; the 1920×1080 render is in the bench.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { runCli } from '../../main/cli/program.js';
import { recordTake } from '../../main/cli/take.js';
import { parseScenario } from '../../main/sim/scenario/load.js';
import { SMS_SCENARIO } from '../unit/cli/sms-scenario.js';
import { rendererDir, repoRoot } from './renderer-dir.js';

// Hang guards for a loaded 2-core machine: a take is a browser rendering frame after frame.
test.setTimeout(600_000);

// The runner tests' SMS user and phone, with a script: the login, then the SMS arriving on the phone.
const SHORT = `${SMS_SCENARIO}script:
  - login: { user: smsuser }
    caption: smsuser logs in
  - wait: 5s
`;

// Byte-identical frames, the Log In tap and the SMS banner included: take.ts has Chromium raster each
// frame whole (partial raster left anti-aliased edges a shade different from one render to the next
// on a busy machine).
test('two renders of one short scenario give the same frames', async () => {
  const parsed = parseScenario(SHORT, 'short.yaml');
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const render = () => recordTake({ scenario: parsed.scenario, width: 480, height: 270, fps: 5, speed: 2, rendererDir, onFrame: () => {} });
  const first = await render();
  const second = await render();
  expect(first.end.status).toBe('done');
  expect(first.frames).toBeGreaterThan(10);
  // The frames change as the take goes on (typing, the indicator, the caption), so equal lists mean equal frames.
  expect(new Set(first.hashes).size).toBeGreaterThan(5);
  expect(second.hashes).toEqual(first.hashes);
});

/** ffprobe's view of a video: its duration in seconds and its frame size. */
function probe(file: string): { duration: number; width: number; height: number } {
  const out = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_frames', '-show_entries', 'stream=width,height,nb_read_frames:format=duration', '-of', 'json', file], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  const info = JSON.parse(out.stdout) as { streams: { width: number; height: number; nb_read_frames: string }[]; format: { duration: string } };
  expect(Number(info.streams[0]!.nb_read_frames)).toBeGreaterThan(0);
  return { duration: Number(info.format.duration), width: info.streams[0]!.width, height: info.streams[0]!.height };
}

// Each take's captions in the UI's language: the French scenario (locale: fr) plays and is captioned in French.
for (const [scenario, steps, caption] of [
  ['happy-sms', 3, 'Reads the security code on the phone and types it'],
  ['push-timeout', 3, '3 minutes later'],
  ['sms-carrier-blocked', 7, 'The phone rings: answers and listens to the code'],
  ['sms-french', 3, 'Lit le code de sécurité sur le téléphone et le saisit'],
] as const) {
  test(`${scenario}: recorded as a WebM that plays, with a caption per step`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sls-record-'));
    const out = path.join(dir, `${scenario}.webm`);
    const vtt = path.join(dir, `${scenario}.vtt`);
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      ['record', path.join(repoRoot, 'scenarios', 'library', `${scenario}.yaml`), '--out', out, '--size', '640x360', '--fps', '5', '--speed', '4', '--captions', vtt, '--renderer', rendererDir],
      { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const said = /: ([\d.]+) s, (\d+) frames at 5 fps, 640x360/.exec(stdout);
    expect(said, stdout).not.toBeNull();
    const video = probe(out);
    expect({ width: video.width, height: video.height }).toEqual({ width: 640, height: 360 });
    // The container's duration is the frames at the fixed rate (to a frame).
    expect(Math.abs(video.duration - Number(said![1]))).toBeLessThanOrEqual(0.25);
    expect(video.duration).toBeGreaterThan(2);
    const captions = readFileSync(vtt, 'utf8');
    expect(captions.startsWith('WEBVTT\n')).toBe(true);
    expect(captions.match(/-->/g)).toHaveLength(steps);
    expect(captions).toContain(caption);
  });
}
