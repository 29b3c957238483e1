// The built-in scenario library on disk, handed to the simulation by the hosts.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioLibrary } from '../sim/simulation.js';
import { appRoot, readScenarioFile } from './scenario-files.js';

export function libraryFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** The default scenario first, then scenarios/library/*.yaml; files that do not load are left out. */
export function fileLibrary(root = path.join(appRoot(), 'scenarios')): ScenarioLibrary {
  const files = () => [path.join(root, 'default.yaml'), ...libraryFiles(path.join(root, 'library'))];
  const loaded = () =>
    files().flatMap((file) => {
      const result = readScenarioFile(file);
      return result.ok ? [{ file, result, scenario: result.scenario }] : [];
    });
  return {
    list: () =>
      loaded().map(({ file, scenario: { name, title, description, article } }) => ({
        name,
        title,
        description,
        article: article ?? null,
        file: path.relative(path.dirname(root), file),
      })),
    read: (name) => loaded().find((s) => s.scenario.name === name)?.result ?? null,
  };
}
