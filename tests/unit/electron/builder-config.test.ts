// electron-builder.yml: valid for electron-builder, packaged in an asar, and its fuses set as required.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  function validator() {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    return new Ajv({ allErrors: true, strict: false }).compile(schema);
  }

  it("matches electron-builder's own configuration schema", () => {
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The check has teeth: a misspelt fuse is refused.
    expect(validate({ ...config, electronFuses: { runAsnode: false } })).toBe(false);
  }, 120_000); // compiling electron-builder's large JSON Schema with Ajv takes seconds

  it('names the app and packages the built files in an asar', () => {
    expect(config).toMatchObject({ productName: 'SLS Simulator', asar: true });
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.files).toEqual(['dist/**', 'scenarios/**', 'package.json']);
  });

  it('builds AppImage and deb, dmg, and nsis', () => {
    expect(config).toMatchObject({ linux: { target: ['AppImage', 'deb'] }, mac: { target: ['dmg'] }, win: { target: ['nsis'] } });
  });

  it('flips the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
