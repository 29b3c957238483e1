// Which scenario the desktop app runs across starts: the remembered one restored, a loaded one remembered, and Open Scenario….
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dialog } from 'electron';
import { dispatch } from '../api/dispatch.js';
import type { LoadScenarioResult } from '../api/views.js';
import { appRoot, readScenarioFile, readScenarioText } from '../host/scenario-files.js';
import type { ScenarioLibrary, Simulation } from '../sim/simulation.js';
import { formatProblem } from '../sim/scenario/load.js';
import type { StartupScenario } from './startup-scenario.js';
import type { SettingsStore } from './store.js';

/** The warning that names a scenario file and lists its problems (the first 15: a box is no place for 500). */
export function scenarioProblemsBox(message: string, problems: string[], after: string[] = []): Electron.MessageBoxOptions {
  const shown = problems.slice(0, 15);
  if (problems.length > shown.length) shown.push(`…and ${problems.length - shown.length} more`);
  return { type: 'warning', title: 'Scenario not loaded', message, detail: [...shown, ...after].join('\n') };
}

/** The remembered scenario that did not load: shown once the windows are open. */
export interface LastRefused {
  file: string;
  problems: string[];
  /** Gone from disk, so no longer remembered. */
  forgotten: boolean;
}

const logError = (error: unknown) => console.error('Simulation error:', error);

/** The settings' `lastScenarioPath`, kept up to date with what the simulation runs. */
export class ScenarioMemory {
  constructor(
    private readonly settings: SettingsStore,
    private readonly library: ScenarioLibrary,
  ) {}

  remember(file: string | null): void {
    try {
      this.settings.set('lastScenarioPath', file);
    } catch (error) {
      // A path the schema refuses (absurdly long) is not worth stopping for.
      console.error('Could not remember the scenario path:', error);
    }
  }

  /** The simulation's onLoaded: a scenario loaded through the API (the Director) is remembered too. */
  loaded(source: { name: string } | { fileName: string }): void {
    if ('name' in source) {
      // A built-in scenario is a file of the library: remember its path.
      const entry = this.library.list().find((s) => s.name === source.name);
      if (entry) this.remember(path.join(appRoot(), entry.file));
    } else {
      // A dropped file's path is not known (Open Scenario… remembers its own path right after this).
      this.remember(null);
    }
  }

  /**
   * Without --scenario, the last scenario opened comes back. One that no longer loads never stops the
   * app: the demo scenario runs and the caller shows its problems once the windows are open.
   */
  restore(sim: Simulation, fallback: StartupScenario['scenario']): LastRefused | null {
    const last = this.settings.get('lastScenarioPath');
    if (!last) return null;
    const problems = loadInto(sim, last, fallback);
    if (!problems) return null;
    // A file that is gone is forgotten, so the notice comes once; one with problems is tried again (the user may fix it).
    const forgotten = !existsSync(last);
    if (forgotten) this.remember(null);
    return { file: last, problems, forgotten };
  }

  /** File › Open Scenario…: a file picked, loaded through the operation and its checks, remembered if it loads. */
  async open(sim: Simulation): Promise<void> {
    const last = this.settings.get('lastScenarioPath');
    const picked = await dialog.showOpenDialog({
      title: 'Open Scenario',
      defaultPath: last ? path.dirname(last) : undefined,
      filters: [{ name: 'Scenario', extensions: ['yaml', 'yml'] }],
      properties: ['openFile'],
    });
    const file = picked.filePaths[0];
    if (picked.canceled || !file) return;
    // Bounded and regular files only: a file far larger than the operation takes is not read into memory at all.
    const read = readScenarioText(file);
    if (!read.ok) {
      await dialog.showMessageBox({ type: 'error', title: 'Scenario not loaded', message: `${file} could not be read.`, detail: `${read.reason.charAt(0).toUpperCase()}${read.reason.slice(1)}.` });
      return;
    }
    // Through the operation, as the Director does: a bad file changes nothing and lists its problems.
    const envelope = dispatch(sim, 'loadScenario', { text: read.text, fileName: path.basename(file) }, logError);
    if (!envelope.ok) {
      await dialog.showMessageBox({ type: 'error', title: 'Scenario not loaded', message: `${path.basename(file)} could not be loaded.`, detail: envelope.error.message });
      return;
    }
    const result = envelope.value as LoadScenarioResult;
    if (!result.ok) {
      await dialog.showMessageBox(scenarioProblemsBox(`The scenario file ${path.basename(file)} has problems. The current scenario keeps running.`, result.problems.map(formatProblem)));
      return;
    }
    this.remember(file);
  }
}

/**
 * Loads a scenario file into `sim`, which runs `fallback`; returns its problems instead when it does
 * not load (gone, unreadable, too large, invalid, hostile, or refused by the simulation).
 */
function loadInto(sim: Simulation, file: string, fallback: StartupScenario['scenario']): string[] | null {
  const result = readScenarioFile(file);
  if (!result.ok) return result.problems.map(formatProblem);
  try {
    sim.load(result.scenario);
    return null;
  } catch (error) {
    // It passed the checks, yet the simulation could not start it (a bug): the default runs again, whole.
    sim.load(fallback);
    return [`${path.basename(file)}: the simulation could not start it: ${error instanceof Error ? error.message : String(error)}`];
  }
}
