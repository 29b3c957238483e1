// The built-in scenario library on disk, handed to the simulation by the hosts.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioResult } from '../sim/scenario/load.js';
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
  // Reading the whole library takes tens of milliseconds, too long to repeat on every request:
  // a file is read again only when its modification time or size changed (an edit is seen at once).
  const cache = new Map<string, { stamp: string; result: ScenarioResult }>();
  const readCached = (file: string): ScenarioResult => {
    let stamp: string;
    try {
      const stat = statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      stamp = 'unreadable';
    }
    const hit = cache.get(file);
    if (hit?.stamp === stamp) return hit.result;
    const result = readScenarioFile(file);
    cache.set(file, { stamp, result });
    return result;
  };
  const loaded = () =>
    files().flatMap((file) => {
      const result = readCached(file);
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
    // A copy: the simulation that runs it must not change what the next load starts from.
    read: (name) => {
      const found = loaded().find((s) => s.scenario.name === name)?.result;
      return found ? structuredClone(found) : null;
    },
  };
}
