// `record`: a scenario's script played by the autopilot in headless Chromium, written as a video (WebM) and WebVTT captions.
//
// Frames come from take.ts one virtual moment at a time and go to Debian's ffmpeg as PNGs at a fixed
// frame rate, so the video's time is the take's time, however long each frame took to render.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { AutopilotSnapshot } from '../api/script-view.js';
import { readScenarioFile } from '../host/scenario-files.js';
import { formatProblem } from '../sim/scenario/load.js';
import { parseIntegerInRange, UsageError, type CliIo } from './args.js';
import { recordTake, TakeError, type Take } from './take.js';

interface RecordOptions {
  out: string;
  size: string;
  fps: string;
  speed: string;
  captions?: string;
  posters?: string;
  chromium?: string;
  renderer?: string;
}

/** `1920x1080` → its width and height; even numbers, as the encoder needs, between 320×180 and 3840×2160. */
export function parseSize(value: string): { width: number; height: number } {
  const match = /^(\d{3,4})x(\d{3,4})$/.exec(value);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < 320 || height < 180 || width > 3840 || height > 2160 || width % 2 || height % 2) {
    throw new UsageError(`--size must be WIDTHxHEIGHT with even numbers from 320x180 to 3840x2160 (e.g. 1920x1080), not "${value}"`);
  }
  return { width, height };
}

const stamp = (ms: number) => {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(total % 1000, 3)}`;
};

/**
 * The take's captions as WebVTT: a cue per step from its start to the next one's (the last to the
 * end of the video), its caption's words, and the article step the scenario cites on a second line.
 */
export function toWebVtt(cues: AutopilotSnapshot['cues'], offsetMs: number, endMs: number, article: string | null): string {
  const lines = ['WEBVTT', ''];
  cues.forEach((cue, i) => {
    const start = cue.at + offsetMs;
    const end = i + 1 < cues.length ? cues[i + 1]!.at + offsetMs : endMs;
    lines.push(`${i + 1}`, `${stamp(start)} --> ${stamp(Math.max(end, start + 1))}`, cue.text.replace(/-->/g, '→'));
    if (article) lines.push(article.replace(/-->/g, '→'));
    lines.push('');
  });
  return lines.join('\n');
}

/** `[#######.........]  step 2/3  5.2 s of video`, redrawn on one terminal line. */
function progressLine(state: AutopilotSnapshot, frames: number, fps: number): string {
  const width = 24;
  const done = state.steps ? Math.min(1, (state.status === 'done' ? state.steps : state.step) / state.steps) : 0;
  const bar = '#'.repeat(Math.round(done * width)).padEnd(width, '.');
  return `\r[${bar}] step ${Math.min(state.step + 1, state.steps || 1)}/${state.steps || '?'}  ${(frames / fps).toFixed(1)} s of video`;
}

/** ffmpeg reading PNG frames on its standard input, writing VP8 WebM at `fps`. */
function encoder(out: string, fps: number) {
  const child = spawn(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'image2pipe', '-framerate', String(fps), '-c:v', 'png', '-i', '-', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '4M', '-crf', '10', '-pix_fmt', 'yuv420p', '-an', out],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const finished = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(new TakeError(`ffmpeg did not start (${error.message}); record needs Debian's ffmpeg (apt-get install ffmpeg)`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new TakeError(`ffmpeg failed (exit ${code}): ${errors.trim().split('\n').at(-1) ?? ''}`))));
  });
  finished.catch(() => {});
  return {
    write: (png: Buffer) =>
      new Promise<void>((resolve, reject) => {
        if (child.stdin.destroyed) return reject(new TakeError(`ffmpeg stopped: ${errors.trim()}`));
        child.stdin.write(png, (error) => (error ? reject(new TakeError(`ffmpeg stopped: ${errors.trim() || error.message}`)) : resolve()));
      }),
    finish: async () => {
      child.stdin.end();
      await finished;
    },
    kill: () => child.kill('SIGKILL'),
  };
}

export function hasFfmpeg(): boolean {
  return spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
}

export function registerRecordCommand(program: Command, io: CliIo): void {
  program
    .command('record')
    .description("play a scenario's script through the UI in headless Chromium and write a video (WebM) and WebVTT captions")
    .argument('<scenario>', 'scenario file (.yaml)')
    .requiredOption('--out <file.webm>', 'the video to write')
    .option('--size <WxH>', 'frame size', '1280x720')
    .option('--fps <n>', 'frames per second of video', '25')
    .option('--speed <n>', 'play the script this many times faster than a person would (1 to 8)', '1')
    .option('--captions <file.vtt>', 'also write the captions as WebVTT')
    .option('--posters <dir>', "also write poster frames (PNG): each step's first caption frame and the last frame")
    .option('--chromium <path>', 'the Chromium to drive', '/usr/bin/chromium')
    .option('--renderer <dir>', 'the built renderer (default: dist/renderer)')
    .action(async (file: string, options: RecordOptions) => {
      const { width, height } = parseSize(options.size);
      const fps = parseIntegerInRange('--fps', options.fps, 1, 60);
      const speed = parseIntegerInRange('--speed', options.speed, 1, 8);
      const loaded = readScenarioFile(file);
      if (!loaded.ok) throw new UsageError(loaded.problems.map(formatProblem).join('; '));
      if (loaded.scenario.script.length === 0) throw new UsageError(`${file} has no script to play`);
      if (!hasFfmpeg()) throw new TakeError("record needs Debian's ffmpeg on the PATH (apt-get install ffmpeg)");
      mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      if (options.posters) mkdirSync(options.posters, { recursive: true });

      const video = encoder(options.out, fps);
      const leadInMs = 600;
      let lastStep = -1;
      let last: Buffer | null = null;
      let take: Take;
      try {
        take = await recordTake({
          scenario: loaded.scenario,
          width,
          height,
          fps,
          speed,
          chromium: options.chromium,
          rendererDir: options.renderer,
          leadInMs,
          onFrame: async (png, index, state) => {
            await video.write(png);
            last = png;
            // A step's poster: its frame once the caption has had a moment on screen.
            if (options.posters && state.status === 'playing' && state.step !== lastStep && state.time - (state.cues.at(-1)?.at ?? 0) >= 800) {
              lastStep = state.step;
              writeFileSync(path.join(options.posters, `step-${String(state.step + 1).padStart(2, '0')}.png`), png);
            }
            if (io.stderr.isTTY) io.stderr.write(progressLine(state, index + 1, fps));
          },
        });
        await video.finish();
      } catch (error) {
        video.kill();
        throw error;
      }
      if (io.stderr.isTTY) io.stderr.write('\n');
      if (options.posters && last) writeFileSync(path.join(options.posters, 'end.png'), last);
      if (options.captions) writeFileSync(options.captions, toWebVtt(take.end.cues.map((c) => ({ ...c, at: c.at / speed })), take.startMs, take.durationMs, take.end.article));
      io.stdout.write(`${options.out}: ${(take.durationMs / 1000).toFixed(1)} s, ${take.frames} frames at ${fps} fps, ${width}x${height}${options.captions ? `; captions ${options.captions}` : ''}\n`);
      // A take that does not end as the scenario says is not the video asked for: written, but the command fails.
      const unmet = take.expectations.filter((e) => !e.ok);
      if (unmet.length) throw new TakeError(`the take does not end as ${file} expects: ${unmet.map((e) => `expected ${e.detail}`).join('; ')}`);
    });
}
