// Finding and reading scenario files from disk for the hosts and the CLI.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';
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

export function readScenarioFile(file: string): ScenarioResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    return { ok: false, problems: [{ file, line: 1, column: 1, field: '(file)', message: reason }] };
  }
  return parseScenario(text, file);
}
