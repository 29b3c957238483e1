// The Electron release line: its package and the tooling that fetches its binary must run on the project's Node (20.19+).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { version?: string; engines?: { node?: string }; devDependencies?: Record<string, string> };
const project = readJson(new URL('package.json', root).pathname);
const electronDir = path.join(new URL('node_modules/electron', root).pathname);
// Resolved as Electron's own install.js resolves it (from the electron package), whichever copy that is.
const requireFromElectron = createRequire(path.join(electronDir, 'install.js'));

/** The oldest Node a plain ">= a.b.c" range (the form these packages use) admits; anything else is refused. */
function minimumNode(range: string | undefined): [number, number] {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.\d+)?$/.exec(range?.trim() ?? '');
  if (!match) throw new Error(`engines.node "${range}" is not a plain ">=" range`);
  return [Number(match[1]), Number(match[2] ?? 0)];
}
const admitsNode20 = (range: string | undefined) => {
  const [major, minor] = minimumNode(range);
  return major < 20 || (major === 20 && minor <= 19);
};

describe('the Electron release line', () => {
  it('is pinned exactly: the next patch releases of every newer line need Node 22', () => {
    // From 40.10.3, 41.7.2 and 42.0.0 on, electron and @electron/get 5 declare engines node >= 22.12.
    expect(project.devDependencies?.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readJson(path.join(electronDir, 'package.json')).version).toBe(project.devDependencies?.electron);
  });

  it("accepts Node 20.19, and so does the downloader its install.js uses", () => {
    expect(admitsNode20(readJson(path.join(electronDir, 'package.json')).engines?.node)).toBe(true);
    const getDir = path.dirname(requireFromElectron.resolve('@electron/get/package.json'));
    expect(admitsNode20(readJson(path.join(getDir, 'package.json')).engines?.node)).toBe(true);
    // The check has teeth: what the newer lines declare is refused.
    expect(admitsNode20('>= 22.12.0')).toBe(false);
    expect(admitsNode20('>=12')).toBe(true);
  });
});
