// The desktop app's command line, wherever Electron, Chromium and Playwright put their own switches.
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../main/electron/args.js';

describe('parseLaunchArgs', () => {
  it('reads --scenario and --user-data-dir, resolved against the working directory', () => {
    expect(parseLaunchArgs(['/bin/electron', 'dist/electron/main.js', '--scenario', 'my.yaml', '--user-data-dir=/tmp/p'], '/home/t')).toEqual({
      scenario: '/home/t/my.yaml',
      userDataDir: '/tmp/p',
    });
  });

  it('ignores switches of others and their position', () => {
    const argv = ['/bin/electron', '--inspect=0', '--remote-debugging-port=0', '/app/dist/electron/main.js', '--no-sandbox', '--scenario=/s/x.yaml'];
    expect(parseLaunchArgs(argv, '/')).toEqual({ scenario: '/s/x.yaml', userDataDir: null });
  });

  it('has nothing to say without our switches, or with a switch missing its value', () => {
    expect(parseLaunchArgs(['/opt/SLS Simulator/sls-simulator'], '/')).toEqual({ scenario: null, userDataDir: null });
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--scenario'], '/')).toEqual({ scenario: null, userDataDir: null });
  });
});
