// Finding and reading scenario files from disk for the hosts and the CLI: whatever is on disk, problems, never an exception.
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { MAX_SCENARIO_BYTES, MAX_SCENARIO_CHARS } from '../api/vocabulary.js';
import { parseScenario, type ScenarioProblem, type ScenarioResult } from '../sim/scenario/load.js';

/** The project root, whether running from sources (tsx) or from a bundle in dist/. */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'scenarios', 'default.yaml'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export function defaultScenarioPath(): string {
  return path.join(appRoot(), 'scenarios', 'default.yaml');
}

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
 * A scenario file read within the limits and checked as the loader checks it; never throws (the
 * desktop app falls back to the default when a remembered file fails). The loader lists a hostile
 * file's problems itself; the catch is for a bug, so that it too is a problem of the file.
 */
export function readScenarioFile(file: string): ScenarioResult {
  const read = readScenarioText(file);
  if (!read.ok) return fileProblem(file, read.reason);
  try {
    return parseScenario(read.text, file);
  } catch (error) {
    return fileProblem(file, `not a usable scenario: ${error instanceof Error ? error.message : String(error)}`);
  }
}
