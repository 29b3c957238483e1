// The icon registry (renderer/lib/icons.ts) in two parts, as the catalogues are: `virtual:icons/first`
// holds the icons named in the first load's files (first-load.ts), `virtual:icons/later` the rest,
// which renderer/lib/icon-shapes.ts fetches with the first lazy part of the UI.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { ICONS } from '../renderer/lib/icons.ts';
import { firstLoadIds, RENDERER_ENTRY } from './first-load.ts';

export const ICONS_PREFIX = 'virtual:icons/';
const REGISTRY = fileURLToPath(new URL('../renderer/lib/icons.ts', import.meta.url));

/** The registry's two parts: the shapes the first load draws, and the others. */
export function iconParts(entry = RENDERER_ENTRY): { first: Record<string, unknown>; later: Record<string, unknown>; files: string[] } {
  const { ids, files } = firstLoadIds(new Set(Object.keys(ICONS)), entry);
  const entries = Object.entries(ICONS);
  return {
    first: Object.fromEntries(entries.filter(([name]) => ids.has(name))),
    later: Object.fromEntries(entries.filter(([name]) => !ids.has(name))),
    files,
  };
}

/** The Vite plugin: `virtual:icons/first` and `virtual:icons/later`. */
export function icons(entry = RENDERER_ENTRY): Plugin {
  const resolved = '\0' + ICONS_PREFIX;
  return {
    name: 'sls-icons',
    resolveId(id: string) {
      return id.startsWith(ICONS_PREFIX) ? '\0' + id : undefined;
    },
    load(id: string) {
      if (!id.startsWith(resolved)) return undefined;
      const part = id.slice(resolved.length);
      if (part !== 'first' && part !== 'later') this.error(`"${id.slice(1)}": ask for ${ICONS_PREFIX}first or ${ICONS_PREFIX}later`);
      const parts = iconParts(entry);
      for (const file of [REGISTRY, ...parts.files]) this.addWatchFile(file);
      return `export default ${JSON.stringify(parts[part])};`;
    },
  };
}
