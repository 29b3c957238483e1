// What the stage's first load carries of the UI's tables (the message catalogues, the icons). The entry
// (renderer/main.ts) and every module it imports statically form the first load; the ids of a table
// written in those files are its "first" part, shipped with it, and every other entry is its "later"
// part, fetched with the first lazy part of the UI (the later login steps, the Settings app, the
// broker's app, the Client Portal, the Director), which waits for it (renderer/lib/later.ts). Found
// from the sources, not listed by hand, so an entry a first-load file starts using follows by itself.
// Ids are literals everywhere (`MessageId` and `IconName` are unions of them): a message id assembled
// at run time (`\`login.${x}\``) could not be found, so it is reported as a problem.
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RENDERER_ENTRY = fileURLToPath(new URL('../renderer/main.ts', import.meta.url));

// `import x from '…'`, `import '…'`, `export … from '…'`; not `import type` (erased), not `import(…)` (a chunk of its own).
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The file a relative specifier names, as the bundler resolves it (`./x.js` may be `./x.ts`). */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.svelte`, base.replace(/\.js$/, '.ts'), path.join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** The entry and every file it reaches through static imports (sources only: .ts and .svelte). */
export function staticClosure(entry = RENDERER_ENTRY): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || !/\.(ts|svelte)$/.test(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) {
      const target = resolveSpecifier(file, match[1]!);
      if (target) stack.push(target);
    }
  }
  return [...seen].sort();
}

// A quoted id (`'login.title'`, `'alert'`), and the start of a template literal that builds a message id (`\`login.${`).
const QUOTED = /(['"`])([A-Za-z][A-Za-z0-9_.-]*)\1/g;
const ASSEMBLED = /`([a-z][A-Za-z0-9]*)\.[A-Za-z0-9_.-]*\$\{/g;

/** The ids of `keys` written in `files`, and each place an id of one of `surfaces` is assembled at run time. */
export function idsWrittenIn(files: string[], keys: ReadonlySet<string>, surfaces: ReadonlySet<string>): { ids: Set<string>; problems: string[] } {
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(QUOTED)) if (keys.has(match[2]!)) ids.add(match[2]!);
    for (const match of text.matchAll(ASSEMBLED))
      if (surfaces.has(match[1]!)) problems.push(`${path.relative(process.cwd(), file)}: a message id assembled at run time (${match[0]}…): write the ids out`);
  }
  return { ids, problems };
}

/** The ids of `keys` the first load carries: those written in the files the entry imports statically. */
export function firstLoadIds(keys: ReadonlySet<string>, entry = RENDERER_ENTRY): { ids: Set<string>; files: string[]; problems: string[] } {
  const surfaces = new Set([...keys].map((k) => k.slice(0, k.indexOf('.'))));
  const files = staticClosure(entry);
  return { ...idsWrittenIn(files, keys, surfaces), files };
}
