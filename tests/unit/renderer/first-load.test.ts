// The first load's part of the catalogues and of the icons: the ids its modules write, found through the
// static imports only (a dynamic import is a chunk of its own), and a message id built at run time is refused.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstLoadIds, staticClosure } from '../../../scripts/first-load.ts';
import { loadCatalogues } from '../../../scripts/catalogues.ts';
import { iconParts } from '../../../scripts/icon-parts.ts';
import { ICONS } from '../../../renderer/lib/icons.ts';

describe('the first load of the renderer', () => {
  const keys = new Set(Object.keys(loadCatalogues().compiled.en ?? {}));
  const first = firstLoadIds(keys);

  it('writes every message id out', () => {
    expect(first.problems).toEqual([]);
  });

  it('carries the login window’s first screen and the lock screen, not the lazy parts', () => {
    const files = first.files.map((f) => f.slice(f.indexOf('renderer/')));
    expect(files).toContain('renderer/components/login/CredentialsStep.svelte');
    expect(files).toContain('renderer/components/phone/LockScreen.svelte');
    for (const lazy of ['SecurityCodeStep', 'SettingsApp', 'IbkrApp', 'ClientPortal', 'Director'])
      expect(files.some((f) => f.endsWith(`/${lazy}.svelte`))).toBe(false);
    expect(first.ids.has('login.username')).toBe(true);
    // The Settings app's page titles come with the app.
    expect(first.ids.has('settings.ios.title.battery')).toBe(false);
    expect(first.ids.size).toBeLessThan(keys.size / 2);
  });
});

describe('the icons in two parts', () => {
  const parts = iconParts();

  it('puts every icon in exactly one part', () => {
    expect(Object.keys({ ...parts.first, ...parts.later }).sort()).toEqual(Object.keys(ICONS).sort());
    expect(Object.keys(parts.first).filter((name) => name in parts.later)).toEqual([]);
  });

  it('ships what the login window and the lock screen draw, not the broker app’s line icons', () => {
    expect(Object.keys(parts.first)).toEqual(expect.arrayContaining(['alert', 'lock']));
    expect(Object.keys(parts.later)).toEqual(expect.arrayContaining(['menuLine', 'swapLine']));
  });
});

describe('the split', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function tree(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'split-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return join(dir, 'main.ts');
  }
  const keys = new Set(['login.a', 'login.b', 'login.c', 'phone.d', 'phone.e']);

  it('follows static imports (with or without an extension, .js for .ts) and not dynamic or type-only ones', () => {
    const entry = tree({
      'main.ts': "import App from './App.svelte';\nimport './style.css';\nexport { x } from './lib/x.js';",
      'App.svelte': "<script lang=\"ts\">\n  import { y } from './lib/y';\n  import type { Z } from './lib/z';\n  const later = () => import('./Later.svelte');\n</script>\n<p>{t('login.a')}</p>",
      'lib/x.ts': "export const x = 'phone.d';",
      'lib/y.ts': 'export const y = "login.b";',
      'lib/z.ts': "export type Z = 'login.c';",
      'Later.svelte': "<p>{t('phone.e')}</p>",
      'style.css': '',
    });
    expect(staticClosure(entry).map((f) => f.slice(dir.length + 1))).toEqual(['App.svelte', 'lib/x.ts', 'lib/y.ts', 'main.ts']);
    const { ids, problems } = firstLoadIds(keys, entry);
    expect([...ids].sort()).toEqual(['login.a', 'login.b', 'phone.d']);
    expect(problems).toEqual([]);
  });

  it('refuses an id assembled at run time in the first load', () => {
    const entry = tree({ 'main.ts': 'export const id = (n: string) => `login.rule_${n}`;' });
    expect(firstLoadIds(keys, entry).problems).toEqual([expect.stringContaining('assembled at run time (`login.rule_${')]);
  });
});
