// The message catalogues: every key in every locale with the same placeholders, and the check that
// guards the build catches each kind of mistake (it is the one the Vite plugin runs).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogues } from '../../../scripts/catalogues.ts';
import { LOCALES } from '../../../main/api/vocabulary';

describe('the catalogues in renderer/i18n', () => {
  it('hold every key in every locale, with the same placeholders, and all compile', () => {
    const { locales, problems, compiled } = loadCatalogues();
    expect(problems).toEqual([]);
    expect(locales).toEqual([...LOCALES].sort());
    const english = Object.keys(compiled.en ?? {}).sort();
    expect(english.length).toBeGreaterThan(0);
    for (const locale of LOCALES) expect(Object.keys(compiled[locale] ?? {}).sort()).toEqual(english);
  });
});

describe('the catalogue check', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(files: Record<string, Record<string, unknown> | string>): string[] {
    dir = mkdtempSync(join(tmpdir(), 'catalogues-'));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path.split('/')[0] ?? ''), { recursive: true });
      writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
    }
    return loadCatalogues(dir).problems;
  }

  it('names a key one locale lacks', () => {
    expect(write({ 'en/login.json': { 'login.a': 'A', 'login.b': 'B' }, 'fr/login.json': { 'login.a': 'A' } })).toEqual([
      '"login.b" is missing from fr',
    ]);
  });

  it('names a placeholder one locale has and another lacks, inside plurals too', () => {
    const problems = write({
      'en/login.json': { 'login.n': '{n, plural, one {# code for {user}} other {# codes}}' },
      'fr/login.json': { 'login.n': '{n, plural, one {# code} other {# codes}}' },
    });
    expect(problems).toEqual(['"login.n" has different placeholders: en {n,user}, fr {n}']);
  });

  it('names a key outside its file’s surface, an empty message, a file that is not JSON and a message that does not parse', () => {
    const problems = write({
      'en/login.json': { 'phone.a': 'A', 'login.e': '', 'login.p': 'Hello {name' },
      'fr/login.json': '{ not json',
    });
    expect(problems).toContain('en/login.json: "phone.a" must start with "login."');
    expect(problems).toContain('en/login.json: "login.e" must be a non-empty string');
    expect(problems.some((p) => p.startsWith('fr/login.json: not JSON'))).toBe(true);
    expect(problems.some((p) => p.startsWith('en: "login.p" is not ICU MessageFormat'))).toBe(true);
  });
});
