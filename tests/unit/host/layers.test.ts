// Neither host imports the other, and main/host (what both share) imports neither: the control API, its tokens and the HTTP base live in main/host.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const main = path.resolve(import.meta.dirname, '../../../main');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports, type-only ones included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+'([^']+)'/gm), ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
}

/** The folders of main/ that a folder's files reach through relative imports. */
function reached(folder: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of sources(path.join(main, folder))) {
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = path.relative(main, path.resolve(path.dirname(file), specifier)).split(path.sep)[0]!;
      out.set(target, [...(out.get(target) ?? []), `${path.relative(main, file)} → ${specifier}`]);
    }
  }
  return out;
}

describe('the hosts\' layers', () => {
  it('finds the imports it checks (the scan is not empty)', () => {
    expect(reached('electron').get('host')?.length).toBeGreaterThan(3);
    expect(reached('web').get('host')?.length).toBeGreaterThan(3);
  });

  it('Electron does not import the browser host, nor the browser host Electron', () => {
    expect(reached('electron').get('web') ?? []).toEqual([]);
    expect(reached('web').get('electron') ?? []).toEqual([]);
  });

  it('main/host imports neither host', () => {
    const host = reached('host');
    expect([...(host.get('web') ?? []), ...(host.get('electron') ?? []), ...(host.get('cli') ?? [])]).toEqual([]);
  });
});
