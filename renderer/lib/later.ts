// What the lazy parts of the UI wait for besides their own module: the later parts of the message
// catalogue (i18n.svelte.ts) and of the icons (icon-shapes.ts), which the first load leaves out
// (scripts/first-load.ts). Every lazy part goes through here: `Lazy.svelte`, the Director's and the
// autopilot's doors, the prefetches.
import { laterIcons } from './icon-shapes';
import { laterMessages } from './i18n.svelte';

/** The later messages and icons, fetched once. */
export async function laterParts(): Promise<void> {
  await Promise.all([laterMessages(), laterIcons()]);
}

/** A lazy part's module, once the messages and icons it uses are here too. */
export async function withLater<M>(load: () => Promise<M>): Promise<M> {
  const [module] = await Promise.all([load(), laterParts()]);
  return module;
}
