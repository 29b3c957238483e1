// The icons' shapes at run time: the first load's part of the registry (scripts/icon-parts.ts) comes
// with it, the rest with the first lazy part of the UI (later.ts). An icon asked for before its part
// arrived is a bug of the split: said on the console, where the end-to-end tests look.
import first from 'virtual:icons/first';
import type { IconName, IconShape } from './icons';

const shapes: Partial<Record<IconName, IconShape>> = { ...first };

/** The shape of icon `name`, or null (and a console error) when its part is not here yet. */
export function iconShape(name: IconName): IconShape | null {
  const shape = shapes[name];
  if (!shape) console.error(`[icons] missing icon "${name}"`);
  return shape ?? null;
}

let fetching: Promise<void> | null = null;

/** The icons of the lazy parts of the UI. */
export function laterIcons(): Promise<void> {
  fetching ??= import('virtual:icons/later').then(
    ({ default: later }) => void Object.assign(shapes, later),
    (error: unknown) => {
      // Tried again the next time a lazy part needs them.
      fetching = null;
      throw error;
    },
  );
  return fetching;
}
