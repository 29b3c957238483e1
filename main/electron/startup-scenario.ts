// Reading a scenario file the desktop app was pointed at (--scenario, the remembered one, Open Scenario…) without ever failing on it.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { defaultScenarioPath } from '../host/scenario-files.js';
import { formatProblem, parseScenario, type ScenarioProblem, type ScenarioResult } from '../sim/scenario/load.js';
import type { Scenario } from '../sim/scenario/schema.js';

/** As much text as the loadScenario operation takes (main/api/operations.ts). */
export const MAX_SCENARIO_CHARS = 1_000_000;
/** UTF-8 takes up to 4 bytes a character: a file past this is refused before it is read at all. */
export const MAX_SCENARIO_BYTES = 4 * MAX_SCENARIO_CHARS;

export type ScenarioText = { ok: true; text: string } | { ok: false; reason: string };

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'not a file (a folder)';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The text of a scenario file, read through one open file so that what is checked is what is read:
 * only a regular file (a FIFO or a device such as /dev/zero would block or never end; the open is
 * non-blocking for that reason), at most MAX_SCENARIO_BYTES even if the file grows meanwhile.
 */
export function readScenarioText(file: string): ScenarioText {
  let fd: number;
  try {
    // O_NONBLOCK does not exist on Windows, where opening a pipe by path does not wait either.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'not a file (a folder)' };
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    const tooLarge = { ok: false, reason: `too large for a scenario: the limit is ${MAX_SCENARIO_CHARS.toLocaleString('en')} characters` } as const;
    if (stat.size > MAX_SCENARIO_BYTES) return tooLarge;
    // Up to one byte more than allowed: reading it means the file grew past the limit since fstat
    // (or is one of those files whose size says 0). The buffer grows as the bytes keep coming.
    const limit = MAX_SCENARIO_BYTES + 1;
    let buffer = Buffer.alloc(Math.min(stat.size + 1, limit));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (buffer.length >= limit) break;
        const larger = Buffer.alloc(Math.min(buffer.length * 2, limit));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const read = readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0) break;
      total += read;
    }
    if (total > MAX_SCENARIO_BYTES) return tooLarge;
    const text = buffer.subarray(0, total).toString('utf8');
    if (text.length > MAX_SCENARIO_CHARS) return tooLarge;
    return { ok: true, text };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  } finally {
    closeSync(fd);
  }
}

function fileProblem(file: string, message: string): ScenarioResult {
  const problem: ScenarioProblem = { file, line: 1, column: 1, field: '(file)', message };
  return { ok: false, problems: [problem] };
}

/**
 * A scenario file checked as the loader checks it; never throws. A hostile file (an alias bomb the
 * YAML library refuses by throwing, say) becomes a problem like any other.
 */
export function readScenarioSafely(file: string): ScenarioResult {
  const read = readScenarioText(file);
  if (!read.ok) return fileProblem(file, read.reason);
  try {
    return parseScenario(read.text, file);
  } catch (error) {
    return fileProblem(file, `not a usable scenario: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface StartupScenario {
  scenario: Scenario;
  /** The file the scenario came from. */
  file: string;
  /** Problems of the requested file, when the default was loaded in its place. */
  refused: { file: string; problems: string[] } | null;
}

/** The requested scenario file, or the embedded default when none was asked for or it has problems. */
export function loadStartupScenario(requested: string | null, defaultFile = defaultScenarioPath()): StartupScenario {
  let refused: StartupScenario['refused'] = null;
  if (requested) {
    const result = readScenarioSafely(requested);
    if (result.ok) return { scenario: result.scenario, file: requested, refused: null };
    refused = { file: requested, problems: result.problems.map(formatProblem) };
  }
  // The embedded default ships with the app: if it does not load, the installation is broken and the app cannot start.
  const fallback = readScenarioSafely(defaultFile);
  if (!fallback.ok) throw new Error(`The default scenario cannot be read:\n${fallback.problems.map(formatProblem).join('\n')}`);
  return { scenario: fallback.scenario, file: defaultFile, refused };
}
