// The windows' message catalogues: one JSON file per locale and surface under renderer/i18n/<locale>/,
// ICU MessageFormat strings keyed `<surface>.<name>`. Read, checked (every key in every locale, the same
// placeholders, the key's surface matching its file) and compiled here, once, for Vite and the tests alike:
// the bundle carries Lingui's compiled form, so no message parser ships to the windows.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';

type Sources = Record<string, Record<string, string>>;
type Compiled = Record<string, Record<string, CompiledMessage>>;

export const CATALOGUE_DIR = fileURLToPath(new URL('../renderer/i18n/', import.meta.url));

/** The virtual module a locale's compiled catalogue is imported from (`import fr from 'virtual:catalogue/fr'`). */
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
  return { locales: names, compiled, sources: locales, problems };
}

/** The Vite plugin: `virtual:catalogue/<locale>` is that locale's compiled catalogue; a problem fails the build. */
export function catalogues(dir = CATALOGUE_DIR): Plugin {
  const resolved = '\0' + VIRTUAL_PREFIX;
  return {
    name: 'sls-catalogues',
    resolveId(id: string) {
      return id.startsWith(VIRTUAL_PREFIX) ? '\0' + id : undefined;
    },
    load(id: string) {
      if (!id.startsWith(resolved)) return undefined;
      const locale = id.slice(resolved.length);
      const { compiled, problems, locales } = loadCatalogues(dir);
      for (const l of locales) for (const f of readdirSync(join(dir, l))) this.addWatchFile(join(dir, l, f));
      if (problems.length) this.error(`message catalogues:\n  ${problems.join('\n  ')}`);
      const messages = compiled[locale];
      if (!messages) this.error(`no catalogue for locale "${locale}"`);
      return `export default ${JSON.stringify(messages)};`;
    },
  };
}
