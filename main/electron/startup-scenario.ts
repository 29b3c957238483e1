// Reading a scenario file the desktop app was pointed at (--scenario, the remembered one, Open Scenario…) without ever failing on it.
import { defaultScenarioPath, readScenarioFile } from '../host/scenario-files.js';
import { formatProblem } from '../sim/scenario/load.js';
import type { Scenario } from '../sim/scenario/schema.js';

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
    const result = readScenarioFile(requested);
    if (result.ok) return { scenario: result.scenario, file: requested, refused: null };
    refused = { file: requested, problems: result.problems.map(formatProblem) };
  }
  // The embedded default ships with the app: if it does not load, the installation is broken and the app cannot start.
  const fallback = readScenarioFile(defaultFile);
  if (!fallback.ok) throw new Error(`The default scenario cannot be read:\n${fallback.problems.map(formatProblem).join('\n')}`);
  return { scenario: fallback.scenario, file: defaultFile, refused };
}
