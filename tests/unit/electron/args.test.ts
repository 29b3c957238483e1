// The desktop app's command line (commander), wherever Electron, Chromium and Playwright put their own switches.
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../main/electron/args.js';

const none = { scenario: null, userDataDir: null, controlPort: null, control: {}, importFile: null, exportOnExit: null, problems: [] };

describe('parseLaunchArgs', () => {
  it('reads --scenario and --user-data-dir, resolved against the working directory', () => {
    expect(parseLaunchArgs(['/bin/electron', 'dist/electron/main.js', '--scenario', 'my.yaml', '--user-data-dir=/tmp/p'], '/home/t')).toEqual({
      ...none,
      scenario: '/home/t/my.yaml',
      userDataDir: '/tmp/p',
    });
  });

  it('ignores switches of others, their values and their position', () => {
    const argv = ['/bin/electron', '--inspect=0', '--remote-debugging-port=0', '/app/dist/electron/main.js', '--no-sandbox', '--scenario=/s/x.yaml'];
    expect(parseLaunchArgs(argv, '/')).toEqual({ ...none, scenario: '/s/x.yaml' });
    const spaced = ['/bin/electron', '--remote-debugging-port', '9222', '--scenario', 'a.yaml', '--enable-logging', 'stderr', '--control-port', '0'];
    expect(parseLaunchArgs(spaced, '/x')).toEqual({ ...none, scenario: '/x/a.yaml', controlPort: 0 });
    // No --help or --version of ours: Electron's and Chromium's switches are not for us to answer.
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--help', '--version', '-h'], '/')).toEqual(none);
  });

  it('has nothing to say without our switches', () => {
    expect(parseLaunchArgs(['/opt/SLS Simulator/sls-simulator'], '/')).toEqual(none);
  });

  it('says which switch of ours is missing its value, and keeps what came before it', () => {
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--user-data-dir', '/p', '--scenario'], '/')).toEqual({
      ...none,
      userDataDir: '/p',
      problems: ['--scenario needs a value, and none was given'],
    });
  });

  it('reads --control-port in either spelling; 0 means any free port', () => {
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--control-port', '4180'], '/')).toEqual({ ...none, controlPort: 4180 });
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--control-port=0', '--scenario', 'a.yaml'], '/x')).toEqual({ ...none, controlPort: 0, scenario: '/x/a.yaml' });
  });

  it('reads --import and --export-on-exit, resolved against the working directory; --import wins over --scenario', () => {
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--import', 'saved.yaml', '--export-on-exit=/tmp/out.yaml'], '/home/t')).toEqual({
      ...none,
      importFile: '/home/t/saved.yaml',
      exportOnExit: '/tmp/out.yaml',
    });
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--scenario', 'a.yaml', '--import', 'b.yaml'], '/x')).toEqual({
      ...none,
      importFile: '/x/b.yaml',
      problems: ['--import and --scenario both name the world to start from; --scenario is ignored'],
    });
  });

  it('says what is wrong with a control port that is not one, and serves none', () => {
    for (const bad of [['--control-port', 'eighty'], ['--control-port=70000'], ['--control-port'], ['--control-port', '-1'], ['--control-port=']]) {
      const options = parseLaunchArgs(['/bin/electron', 'main.js', ...bad], '/');
      expect(options.controlPort, bad.join(' ')).toBeNull();
      expect(options.problems, bad.join(' ')).toEqual([expect.stringMatching(/^--control-port needs a port number from 0 to 65535/)]);
    }
  });

  it('reads the control API start options beside --control-port, a token file resolved against the working directory', () => {
    const argv = ['/bin/electron', 'main.js', '--control-port', '0', '--token-file', 'ci/token', '--generate-token', '--print-json'];
    expect(parseLaunchArgs(argv, '/work')).toEqual({ ...none, controlPort: 0, control: { tokenFile: '/work/ci/token', generateToken: true, printJson: true } });
    expect(parseLaunchArgs(['/bin/electron', 'main.js', '--control-port=0', '--token=abc'], '/')).toMatchObject({ control: { token: 'abc' }, problems: [] });
  });

  it('says that the start options need --control-port, and starts without a control API', () => {
    const options = parseLaunchArgs(['/bin/electron', 'main.js', '--token-file', 't', '--print-json'], '/home');
    expect(options.controlPort).toBeNull();
    expect(options.problems).toEqual(['--token-file, --print-json need --control-port <n> (without it there is no control API)']);
  });
});
