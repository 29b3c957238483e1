// npm start: finding Electron's binary, fetching it, and the plain-words explanation when that fails offline.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ensureElectronBinary,
  explainMissingElectron,
  webCommand,
  findElectronBinary,
  firstErrorLine,
  runElectronInstaller,
} from '../../../scripts/electron-binary.mjs';
import { main, outputs, resolveUserArgs } from '../../../scripts/start.mjs';

// What Electron's install.js prints on stderr on a machine without internet.
const offlineStderr = `RequestError: getaddrinfo ENOTFOUND github.com
    at ClientRequest.<anonymous> (/work/main/node_modules/got/dist/source/core/index.js:970:111)
    at Object.onceWrapper (node:events:639:26)
    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26)
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sls-electron-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('finds nothing when the binary was never downloaded', () => {
    expect(findElectronBinary({ packageDir: dir, env: {} })).toBeNull();
  });

  it('finds nothing when path.txt names a binary that is not there', () => {
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary({ packageDir: dir, env: {} })).toBeNull();
  });

  it('finds the downloaded binary the way electron/index.js does', () => {
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary({ packageDir: dir, env: {} })).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    writeFileSync(path.join(dir, 'electron'), '');
    expect(findElectronBinary({ packageDir: path.join(dir, 'nowhere'), env: { ELECTRON_OVERRIDE_DIST_PATH: dir } })).toBe(path.join(dir, 'electron'));
  });
});

describe('runElectronInstaller', () => {
  it("runs Electron's own install.js, download not skipped, and keeps only the error's first line", () => {
    const spawn = vi.fn(() => ({ status: 1, stdout: '', stderr: offlineStderr }));
    const result = runElectronInstaller({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PATH: '/bin' }, spawn });
    expect(result).toEqual({ ok: false, reason: 'RequestError: getaddrinfo ENOTFOUND github.com' });
    const [command, args, options] = spawn.mock.calls[0] as unknown as [string, string[], { env: NodeJS.ProcessEnv }];
    expect(command).toBe(process.execPath);
    expect(args[0]).toMatch(/node_modules[\\/]electron[\\/]install\.js$/);
    expect(options.env).not.toHaveProperty('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });

  it('reports a spawn failure as a reason', () => {
    const spawn = vi.fn(() => ({ status: null, error: new Error('spawnSync node ETIMEDOUT') }));
    expect(runElectronInstaller({ spawn })).toEqual({ ok: false, reason: 'spawnSync node ETIMEDOUT' });
  });
});

describe('firstErrorLine', () => {
  it('picks the error message, never a stack frame', () => {
    expect(firstErrorLine(offlineStderr)).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
    expect(firstErrorLine('\n    at x (y.js:1:1)\nsomething odd\n')).toBe('something odd');
    expect(firstErrorLine('')).toBeNull();
  });
});

describe('the offline explanation', () => {
  const failingInstall = () => ({ ok: false as const, reason: 'RequestError: getaddrinfo ENOTFOUND github.com' });

  it('tries the installer once, then explains in one paragraph', () => {
    const install = vi.fn(failingInstall);
    const log = vi.fn();
    const result = ensureElectronBinary({ find: () => null, install, log });
    expect(install).toHaveBeenCalledOnce();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).not.toMatch(/\n\s*\n/);
    const text = result.message.replace(/\s+/g, ' ');
    expect(text).toMatch(/Electron [\d.]+ binary is not installed and could not be downloaded/);
    expect(text).toContain('ENOTFOUND github.com');
    expect(text).toContain('node node_modules/electron/install.js');
    expect(text).toContain('ELECTRON_MIRROR');
    expect(text).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(text).toContain('npm run web');
    expect(result.message).not.toMatch(/^\s*at /m);
  });

  it('does not run the installer when the binary is there', () => {
    const install = vi.fn(failingInstall);
    expect(ensureElectronBinary({ find: () => '/e/electron', install, log: () => {} })).toEqual({ ok: true, path: '/e/electron' });
    expect(install).not.toHaveBeenCalled();
  });

  it('explains too when the installer "succeeds" without a binary', () => {
    const result = ensureElectronBinary({ find: () => null, install: () => ({ ok: true, reason: null }), log: () => {} });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('no binary') });
  });

  it('npm start prints the paragraph, builds and launches nothing, and exits 1', async () => {
    const printed: string[] = [];
    const launch = vi.fn(async () => 0);
    const build = vi.fn(() => ({ ok: true as const }));
    const code = await main({
      argv: ['--scenario', 'x.yaml'],
      build,
      ensure: ({ log, args }) => ensureElectronBinary({ find: () => null, install: failingInstall, log, args }),
      launch,
      log: (m) => printed.push(m),
      error: (m) => printed.push(m),
    });
    expect(code).toBe(1);
    expect(launch).not.toHaveBeenCalled();
    // The binary is checked before the build: an offline machine learns it at once, not after ~40 s of building.
    expect(build).not.toHaveBeenCalled();
    expect(printed.at(-1)!.trim()).toBe(explainMissingElectron('RequestError: getaddrinfo ENOTFOUND github.com', undefined, ['--scenario', 'x.yaml']));
    expect(printed.join('\n')).not.toMatch(/^\s+at /m);
  });

  it('the hint for the browser host repeats the arguments typed, quoted, without the desktop-only ones', () => {
    const text = explainMissingElectron('offline', '41.7.1', ['--scenario', 'my take.yaml', '--user-data-dir', '/tmp/p', '--paused']).replace(/\s+/g, ' ');
    expect(text).toContain(`"npm run web -- --scenario 'my take.yaml' --paused"`);
    expect(webCommand([])).toBe('npm run web');
    expect(webCommand(['--user-data-dir=/x', '--port', '4200'])).toBe('npm run web -- --port 4200');
  });

  it('npm start builds once the binary is there, and stops on a failed build', async () => {
    const printed: string[] = [];
    const launch = vi.fn(async () => 0);
    const code = await main({
      build: () => ({ ok: false, message: 'The desktop app could not be built.' }),
      ensure: () => ({ ok: true, path: '/e/electron' }),
      launch,
      log: (m) => printed.push(m),
      error: (m) => printed.push(m),
    });
    expect(code).toBe(1);
    expect(launch).not.toHaveBeenCalled();
    expect(printed.at(-1)).toBe('The desktop app could not be built.');
  });
});

describe('launching', () => {
  it('runs the built main with the user arguments, paths made absolute where npm start was typed', async () => {
    const launch = vi.fn(async () => 0);
    const code = await main({
      argv: ['--scenario', 'take2.yaml', '--user-data-dir=profile', '--verbose'],
      baseDir: '/home/trainer/course',
      build: () => ({ ok: true }),
      ensure: () => ({ ok: true, path: '/e/electron' }),
      launch,
      log: () => {},
      error: () => {},
    });
    expect(code).toBe(0);
    expect(launch).toHaveBeenCalledWith('/e/electron', [
      outputs.main,
      '--scenario',
      path.resolve('/home/trainer/course', 'take2.yaml'),
      `--user-data-dir=${path.resolve('/home/trainer/course', 'profile')}`,
      '--verbose',
    ]);
  });

  it('makes a --token-file path absolute too, in either spelling', () => {
    expect(resolveUserArgs(['--control-port', '0', '--token-file', 'ci/token', '--generate-token'], '/x')).toEqual(['--control-port', '0', '--token-file', path.resolve('/x', 'ci/token'), '--generate-token']);
    expect(resolveUserArgs(['--token-file=t'], '/x')).toEqual([`--token-file=${path.resolve('/x', 't')}`]);
    expect(resolveUserArgs(['--import', 'saved.yaml', '--export-on-exit=out/w.yaml'], '/x')).toEqual(['--import', path.resolve('/x', 'saved.yaml'), `--export-on-exit=${path.resolve('/x', 'out/w.yaml')}`]);
  });

  it('with --print-json, says nothing on stdout itself and sends the build\'s output to stderr', async () => {
    const log = vi.fn();
    const build = vi.fn(({ log: say }: { log: (m: string) => void; toStderr: boolean }) => {
      say('Building…');
      return { ok: true } as const;
    });
    const code = await main({
      argv: ['--control-port', '0', '--print-json'],
      build,
      ensure: ({ log: say }) => {
        say('Electron is there');
        return { ok: true, path: '/e/electron' };
      },
      launch: vi.fn(async () => 0),
      log,
      error: () => {},
    });
    expect(code).toBe(0);
    expect(build).toHaveBeenCalledWith(expect.objectContaining({ toStderr: true }));
    expect(log).not.toHaveBeenCalled();
  });

  it('leaves other arguments alone', () => {
    expect(resolveUserArgs(['--foo', 'bar', '--scenario'], '/x')).toEqual(['--foo', 'bar', '--scenario']);
  });
});
