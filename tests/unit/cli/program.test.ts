// The root program: every failure is one line on stderr with exit code 2; help goes to stdout.
import { describe, it, expect } from 'vitest';
import { run } from './run.js';

describe('sls-sim root program', () => {
  it.each([
    [[], 'error: sls-sim needs a command (otp, run, record); see sls-sim --help'],
    [['nonsense'], "error: unknown command 'nonsense' for sls-sim (expected otp, run, record)"],
    [['--nonsense'], "error: unknown option '--nonsense'"],
  ])('%j fails with one line and exit code 2', async (argv, message) => {
    expect(await run(...argv)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('lists its commands in --help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: sls-sim/);
    expect(result.stdout).toContain('otp');
  });

  it('answers `help otp` like `otp --help`', async () => {
    expect(await run('help', 'otp')).toEqual(await run('otp', '--help'));
  });
});
