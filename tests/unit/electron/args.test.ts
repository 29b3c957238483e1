// The desktop app's command line, wherever Electron, Chromium and Playwright put their own switches.
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../main/electron/args.js';

const none = { scenario: null, userDataDir: null, controlPort: null, problems: [] };

describe('parseLaunchArgs', () => {
  it('reads --scenario and --user-data-dir, resolved against the working directory', () => {
    expect(parseLaunchArgs(['/bin/electron', 'dist/electron/main.js', '--scenario', 'my.yaml', '--user-data-dir=/tmp/p'], '/home/t')).toEqual({
      ...none,
      scenario: '/home/t/my.yaml',
      userDataDir: '/tmp/p',
    });
  });

  it('ignores switches of others and their position', () => {
    const argv = ['/bin/electron', '--inspect=0', '--remote-debugging-port=0', '/app/dist/electron/main.js', '--no-sandbox', '--scenario=/s/x.yaml'];
    expect(parseLaunchArgs(argv, '/')).toEqual({ ...none, scenario: '/s/x.yaml' });
  });

  it('has nothing to say without our switches, or with a switch missing its value', () => {
    expect(parseLaunchArgs(['/opt/SLS Simulator/sls-simulator'], '/')).toEqual(none);
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--scenario'], '/')).toEqual(none);
  });

  it('reads --control-port in either spelling; 0 means any free port', () => {
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--control-port', '4180'], '/')).toEqual({ ...none, controlPort: 4180 });
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--control-port=0', '--scenario', 'a.yaml'], '/x')).toEqual({ ...none, controlPort: 0, scenario: '/x/a.yaml' });
  });

  it('says what is wrong with a control port that is not one, and serves none', () => {
    for (const bad of [['--control-port', 'eighty'], ['--control-port=70000'], ['--control-port'], ['--control-port', '-1']]) {
      const options = parseLaunchArgs(['/bin/electron', 'main.js', ...bad], '/');
      expect(options.controlPort).toBeNull();
      expect(options.problems).toEqual([expect.stringMatching(/^--control-port needs a port number from 0 to 65535/)]);
    }
  });
});
