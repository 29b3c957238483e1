// Finding and reading scenario files from disk for the hosts and the CLI.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { MAX_SCENARIO_CHARS } from '../sim/scenario/limits.js';
import { parseScenario, type ScenarioResult } from '../sim/scenario/load.js';

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

/** Problems, never an exception: the desktop app falls back to the default when a remembered file fails. */
export function readScenarioFile(file: string): ScenarioResult {
  let text: string;
  try {
    // A character takes at most 4 bytes in UTF-8: a file larger than this is refused without reading it.
    const size = statSync(file).size;
    if (size > 4 * MAX_SCENARIO_CHARS) {
      const message = `the file has ${(size / 1_000_000).toFixed(1)} MB; a scenario file may have at most ${MAX_SCENARIO_CHARS.toLocaleString('en-US')} characters`;
      return { ok: false, problems: [{ file, line: 1, column: 1, field: '(file)', message }] };
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    return { ok: false, problems: [{ file, line: 1, column: 1, field: '(file)', message: reason }] };
  }
  return parseScenario(text, file);
}
