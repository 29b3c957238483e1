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

  // Compiling electron-builder's schema (some 360 kB of JSON Schema) is a few seconds of CPU, more on a
  // busy machine: the budget only catches a hang, it does not time the compile.
  it("matches electron-builder's own configuration schema", { timeout: 120_000 }, () => {
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The check has teeth: a misspelt fuse is refused.
    expect(validate({ ...config, electronFuses: { runAsnode: false } })).toBe(false);
  });

  it('names the app and packages the built files in an asar', () => {
    expect(config).toMatchObject({ productName: 'SLS Simulator', asar: true });
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.files).toEqual(['dist/**', 'scenarios/**', 'package.json']);
    // Nothing native to rebuild; the step's tools (@electron/rebuild, node-gyp) want Node 22.
    expect(config.npmRebuild).toBe(false);
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
