// The windows' message catalogues: one JSON file per locale and surface under renderer/i18n/<locale>/,
// ICU MessageFormat strings keyed `<surface>.<name>`. Read, checked (every key in every locale, the same
// placeholders, the key's surface matching its file) and compiled here, once, for Vite and the tests alike:
// the bundle carries Lingui's compiled form, so no message parser ships to the windows.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';
import { firstLoadIds, RENDERER_ENTRY } from './first-load.ts';

type Sources = Record<string, Record<string, string>>;
type Compiled = Record<string, Record<string, CompiledMessage>>;

export const CATALOGUE_DIR = fileURLToPath(new URL('../renderer/i18n/', import.meta.url));

/** The virtual modules a locale's compiled catalogue is imported from, in two parts (`virtual:catalogue/fr/first`). */
export const VIRTUAL_PREFIX = 'virtual:catalogue/';

/** The placeholder names a compiled message uses, sorted (`{n, plural, …}` and `{name}` alike). */
function placeholders(compiled: unknown, found = new Set<string>()): Set<string> {
  if (!Array.isArray(compiled)) return found;
  for (const part of compiled) {
    if (!Array.isArray(part)) continue;
    if (typeof part[0] === 'string') found.add(part[0]);
    if (part[2] && typeof part[2] === 'object') for (const branch of Object.values(part[2])) placeholders(branch, found);
  }
  return found;
}

/** Every locale's messages, read from `dir` (each a directory of surface files). */
function readLocales(dir: string): { locales: Sources; problems: string[] } {
  const locales: Sources = {};
  const problems: string[] = [];
  for (const locale of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const messages: Record<string, string> = {};
    for (const file of readdirSync(join(dir, locale)).filter((f) => f.endsWith('.json')).sort()) {
      const surface = file.slice(0, -'.json'.length);
      let entries: Record<string, unknown>;
      try {
        entries = JSON.parse(readFileSync(join(dir, locale, file), 'utf8'));
      } catch (e) {
        problems.push(`${locale}/${file}: not JSON (${(e as Error).message})`);
        continue;
      }
      for (const [key, text] of Object.entries(entries)) {
        if (!key.startsWith(`${surface}.`)) problems.push(`${locale}/${file}: "${key}" must start with "${surface}."`);
        if (typeof text !== 'string' || text === '') problems.push(`${locale}/${file}: "${key}" must be a non-empty string`);
        else messages[key] = text;
      }
    }
    locales[locale] = messages;
  }
  return { locales, problems };
}

/**
 * Reads, checks and compiles every catalogue. `problems` lists, one per line, a key missing from a
 * locale, a placeholder one locale has and another lacks, a message that does not parse.
 */
export function loadCatalogues(dir = CATALOGUE_DIR): { locales: string[]; compiled: Compiled; sources: Sources; problems: string[] } {
  const { locales, problems } = readLocales(dir);
  const checked = compileLocales(locales);
  return { locales: Object.keys(checked.compiled), compiled: checked.compiled, sources: locales, problems: [...problems, ...checked.problems] };
}

/**
 * Compiles each locale's messages and checks them against each other: the one check of the
 * windows' catalogues and of the simulated world's texts (scripts/world-text.ts).
 */
export function compileLocales(locales: Sources): { compiled: Compiled; problems: string[] } {
  const problems: string[] = [];
  const compiled: Compiled = {};
  for (const [locale, messages] of Object.entries(locales)) {
    const out: Record<string, CompiledMessage> = (compiled[locale] = {});
    for (const [key, text] of Object.entries(messages)) {
      try {
        out[key] = compileMessageOrThrow(text);
      } catch (e) {
        problems.push(`${locale}: "${key}" is not ICU MessageFormat (${(e as Error).message})`);
      }
    }
  }
  const names = Object.keys(compiled);
  const keys = new Set(names.flatMap((l) => Object.keys(locales[l] ?? {})));
  for (const key of [...keys].sort()) {
    const inLocales = names.filter((l) => key in (compiled[l] ?? {}));
    const missing = names.filter((l) => !(key in (locales[l] ?? {})));
    if (missing.length) problems.push(`"${key}" is missing from ${missing.join(', ')}`);
    const shapes = inLocales.map((l) => [...placeholders(compiled[l]?.[key])].sort().join(','));
    if (new Set(shapes).size > 1)
      problems.push(`"${key}" has different placeholders: ${inLocales.map((l, i) => `${l} {${shapes[i]}}`).join(', ')}`);
  }
  return { compiled, problems };
}

/** The two parts of a locale's catalogue: the messages of the first load, and the rest (first-load.ts). */
export type CataloguePart = 'first' | 'later';

/**
 * The Vite plugin: `virtual:catalogue/<locale>/first` is the compiled part of that locale's catalogue the
 * first load uses, `virtual:catalogue/<locale>/later` the rest; a problem fails the build.
 */
export function catalogues(dir = CATALOGUE_DIR, entry = RENDERER_ENTRY): Plugin {
  const resolved = '\0' + VIRTUAL_PREFIX;
  return {
    name: 'sls-catalogues',
    resolveId(id: string) {
      return id.startsWith(VIRTUAL_PREFIX) ? '\0' + id : undefined;
    },
    load(id: string) {
      if (!id.startsWith(resolved)) return undefined;
      const [locale = '', part] = id.slice(resolved.length).split('/');
      if (part !== 'first' && part !== 'later') this.error(`"${id.slice(1)}": ask for ${VIRTUAL_PREFIX}<locale>/first or /later`);
      const { compiled, problems, locales } = loadCatalogues(dir);
      for (const l of locales) for (const f of readdirSync(join(dir, l))) this.addWatchFile(join(dir, l, f));
      const messages = compiled[locale];
      if (!messages) this.error(`no catalogue for locale "${locale}"`);
      const first = firstLoadIds(new Set(Object.keys(messages)), entry);
      for (const file of first.files) this.addWatchFile(file);
      if (problems.length || first.problems.length) this.error(`message catalogues:\n  ${[...problems, ...first.problems].join('\n  ')}`);
      const chosen = Object.fromEntries(Object.entries(messages).filter(([key]) => first.ids.has(key) === (part === 'first')));
      return `export default ${JSON.stringify(chosen)};`;
    },
  };
}
