// The `otp` CLI: RFC vectors through runCli, bad arguments, and one real child process via tsx.
import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { start } from '../processes.js';
import { run } from './run.js';

const HEX20 = Buffer.from('12345678901234567890').toString('hex');
const HEX32 = Buffer.from('12345678901234567890123456789012').toString('hex');
const HEX64 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234').toString('hex');
const PIN_SHA1 = '7110eda4d09e062aa5e4a390b0a572ac0d2c0220';
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** npx, then tsx compiling the CLI: seconds when idle, far more on a loaded machine; the process group is killed before this. */
const NPX_TEST_TIMEOUT = 120_000;

describe('otp ocra', () => {
  it.each([
    [['--suite', 'OCRA-1:HOTP-SHA1-6:QN08', '--key-hex', HEX20, '--question', '33333333'], '740991'],
    [['--suite', 'OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1', '--key-hex', HEX32, '--question', '12345678', '--counter', '9', '--pin', '1234'], '08522129'],
    [['--suite', 'OCRA-1:HOTP-SHA256-8:QN08-PSHA1', '--key-hex', HEX32, '--question', '11111111', '--pin-hash', PIN_SHA1], '01501458'],
    [['--suite', 'OCRA-1:HOTP-SHA512-8:C-QN08', '--key-hex', HEX64, '--question', '99999999', '--counter', '9'], '31409299'],
    [['--suite', 'OCRA-1:HOTP-SHA512-8:QN08-T1M', '--key-hex', HEX64, '--question', '44444444', '--time-hex', '132d0b6'], '36209546'],
    // The same moment in Unix seconds: 0x132d0b6 minutes, and any second within that minute.
    [['--suite', 'OCRA-1:HOTP-SHA512-8:QN08-T1M', '--key-hex', HEX64, '--question', '44444444', '--time', String(0x132d0b6 * 60)], '36209546'],
    [['--suite', 'OCRA-1:HOTP-SHA512-8:QN08-T1M', '--key-hex', HEX64, '--question', '44444444', '--time', String(0x132d0b6 * 60 + 59)], '36209546'],
    // RFC 6287 C.2 writes the mutual question as one string; as two questions it gives the same.
    [['--suite', 'OCRA-1:HOTP-SHA256-8:QA08', '--key-hex', HEX32, '--question', 'CLI22220SRV11110'], '28247970'],
    [['--suite', 'OCRA-1:HOTP-SHA512-8:QA08-PSHA1', '--key-hex', HEX64, '--question', 'SRV11114CLI22224', '--pin', '1234'], '32528969'],
    [['--suite', 'OCRA-1:HOTP-SHA256-8:QA08', '--key-hex', HEX32, '--question', 'CLI22220', '--question', 'SRV11110'], '28247970'],
    [['--suite', 'OCRA-1:HOTP-SHA512-8:QA08-PSHA1', '--key-hex', HEX64, '--question', 'SRV11114', '--question', 'CLI22224', '--pin', '1234'], '32528969'],
    [['--suite', 'OCRA-1:HOTP-SHA512-8:QA10-T1M', '--key-hex', HEX64, '--question', 'SIG1400000', '--time-hex', '0x132D0B6'], '65360607'],
  ])('otp ocra %j → %s', async (args, expected) => {
    expect(await run('otp', 'ocra', ...args)).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('accepts session information in hex', async () => {
    const result = await run('otp', 'ocra', '--suite', 'OCRA-1:HOTP-SHA1-6:QN08-S064', '--key-hex', HEX20, '--question', '12345678', '--session', 'abcd');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d{6}\n$/);
  });
});

describe('otp hotp and totp', () => {
  it.each([
    [['--counter', '0'], '755224'],
    [['--counter', '9'], '520489'],
    [['--counter', '0', '--digits', '8'], '84755224'],
  ])('otp hotp %j → %s', async (args, expected) => {
    expect(await run('otp', 'hotp', '--key-hex', HEX20, ...args)).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it.each([
    [HEX20, 'sha1', '59', '94287082'],
    [HEX32, 'sha256', '59', '46119246'],
    [HEX64, 'sha512', '1111111111', '99943326'],
    [HEX20, 'sha1', '20000000000', '65353130'],
  ])('otp totp (%s…, %s, time %s) → %s', async (key, algorithm, time, expected) => {
    // RFC 6238's appendix B prints 8 digits; the tool's default is the RFC's 6.
    const result = await run('otp', 'totp', '--key-hex', key, '--algorithm', algorithm, '--time', time, '--digits', '8');
    expect(result).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('gives 6 digits by default, the last 6 of the 8-digit vector', async () => {
    expect(await run('otp', 'totp', '--key-hex', HEX20, '--time', '59')).toEqual({ code: 0, stdout: '287082\n', stderr: '' });
  });

  it('honours --step and --digits', async () => {
    expect((await run('otp', 'totp', '--key-hex', HEX20, '--time', '119', '--step', '60', '--digits', '6')).stdout).toBe('287082\n');
  });
});

describe('otp bad arguments', () => {
  const ocraBase = ['otp', 'ocra', '--suite', 'OCRA-1:HOTP-SHA1-6:QN08', '--key-hex', HEX20];
  it.each([
    [['otp', 'hotp', '--key-hex', 'xyz', '--counter', '1'], 'error: --key-hex must be hexadecimal'],
    [['otp', 'hotp', '--key-hex', 'abc', '--counter', '1'], 'error: --key-hex must have an even number of hex digits'],
    [['otp', 'hotp', '--key-hex', HEX20, '--counter', '-1'], 'error: --counter must be a non-negative decimal integer'],
    [['otp', 'hotp', '--key-hex', HEX20, '--counter', '18446744073709551616'], 'error: --counter must be from 0 to 2^64-1, got 18446744073709551616'],
    [['otp', 'hotp', '--key-hex', HEX20, '--counter', '1', '--digits', '5'], 'error: --digits must be an integer from 6 to 10'],
    [['otp', 'hotp', '--key-hex', HEX20, '--counter', '1', '--algorithm', 'md5'], 'error: --algorithm must be sha1, sha256 or sha512'],
    [['otp', 'hotp', '--counter', '1'], "error: required option '--key-hex <hex>' not specified"],
    [['otp', 'hotp', '--key-hex', HEX20, '--counter', '1', '--bogus'], "error: unknown option '--bogus'"],
    [['otp', 'hotp', '--key-hex', HEX20, '--counter', '1', '--digit', '7'], "error: unknown option '--digit' (Did you mean --digits?)"],
    [['otp', 'totp', '--key-hex', HEX20, '--time', 'soon'], 'error: --time must be a number'],
    [['otp', 'totp', '--key-hex', HEX20, '--time', '10', '--step', '0'], 'error: --step must be a positive number of seconds, got 0'],
    [[...ocraBase, '--question', '1234567'.repeat(3)], 'error: --question must be 4 to 8 characters, or two such challenges written together for mutual challenge-response, got 21'],
    // Read as the client's 8 digits and the server's 2: too short a second challenge.
    [[...ocraBase, '--question', '1234567890'], 'error: --question must be 4 to 8 decimal digits (suite uses QN08), got 2'],
    [[...ocraBase, '--question', 'ABCDEFGH'], 'error: --question must contain only decimal digits (suite uses QN08)'],
    [[...ocraBase, '--question', '12345678', '--counter', '1'], 'error: --counter must not be given: suite OCRA-1:HOTP-SHA1-6:QN08 has no C'],
    [[...ocraBase, '--question', '12345678', '--time-hex', 'zz'], 'error: --time-hex must be a hexadecimal number'],
    [['otp', 'ocra', '--suite', 'OCRA-1:HOTP-SHA1-6:QN08-T1M', '--key-hex', HEX20, '--question', '12345678', '--time', '132d0b6'], 'error: --time must be a number'],
    [[...ocraBase, '--question', '12345678', '--time', '60'], 'error: --time is not used by suite OCRA-1:HOTP-SHA1-6:QN08 (it has no T)'],
    [['otp', 'ocra', '--suite', 'OCRA-1:HOTP-SHA1-6:QN08-T1M', '--key-hex', HEX20, '--question', '12345678', '--time', '60', '--time-hex', '1'], "error: option '--time <seconds>' cannot be used with option '--time-hex <hex>'"],
    [[...ocraBase, '--question', '12345678', '--pin', '1', '--pin-hash', 'aa'], "error: option '--pin <pin>' cannot be used with option '--pin-hash <hex>'"],
    [['otp', 'ocra', '--suite', 'OCRA-1:HOTP-SHA1-6:C-QN08-T1M', '--key-hex', HEX20, '--question', '12345678', '--time', '1'], 'error: --counter is required: suite OCRA-1:HOTP-SHA1-6:C-QN08-T1M includes C'],
    [['otp', 'ocra', '--suite', 'OCRA-1:HOTP-SHA1-6:QN08-T1M', '--key-hex', HEX20, '--question', '12345678'], 'error: --time is required: suite OCRA-1:HOTP-SHA1-6:QN08-T1M includes T'],
    [['otp', 'ocra', '--suite', 'OCRA-1:HOTP-SHA1-6:QN08-PSHA256', '--key-hex', HEX20, '--question', '12345678', '--pin-hash', PIN_SHA1], 'error: --pin-hash must be 32 bytes (a SHA256 digest) for suite OCRA-1:HOTP-SHA1-6:QN08-PSHA256'],
    [['otp', 'ocra', '--suite', 'OCRA-1:HOTP-SHA1-3:QN08', '--key-hex', HEX20, '--question', '12345678'], 'error: --suite "OCRA-1:HOTP-SHA1-3:QN08" is invalid: response length must be 0 or 4 to 10 digits, got "3"'],
    [['otp'], 'error: sls-sim otp needs a command (ocra, hotp, totp); see sls-sim otp --help'],
    [['otp', 'hopt'], "error: unknown command 'hopt' for sls-sim otp (expected ocra, hotp, totp)"],
  ])('%j fails with one line and exit code 2', async (argv, message) => {
    expect(await run(...argv)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('prints help on stdout with exit code 0', async () => {
    const result = await run('otp', 'ocra', '--help');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('--question <q>');
  });
});

describe('otp through the npm script path', () => {
  it('runs `npx tsx main/cli/index.ts otp ocra ...` as a child process', async () => {
    const argv = ['tsx', 'main/cli/index.ts', 'otp', 'ocra', '--suite', 'OCRA-1:HOTP-SHA512-8:QN08-T1M', '--key-hex', HEX64, '--question', '22222222', '--time-hex', '132d0b6'];
    const { code, stdout, stderr } = await start('npx', argv, { cwd: REPO_ROOT, killAfterMs: NPX_TEST_TIMEOUT - 10_000 }).finished;
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '22048402\n', stderr: '' });
  }, NPX_TEST_TIMEOUT);

  it('exits with code 2 and one stderr line for a bad argument in a child process', async () => {
    const argv = ['tsx', 'main/cli/index.ts', 'otp', 'hotp', '--key-hex', 'nothex', '--counter', '1'];
    const { code, stdout, stderr } = await start('npx', argv, { cwd: REPO_ROOT, killAfterMs: NPX_TEST_TIMEOUT - 10_000 }).finished;
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'error: --key-hex must be hexadecimal\n' });
  }, NPX_TEST_TIMEOUT);
});
