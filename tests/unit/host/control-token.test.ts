// The control API's token known in advance: --token, SLS_TOKEN, --token-file (created 0600 on request), weak ones refused; the start-up banner and JSON line.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlBanner, startLine } from '../../../main/host/control/start-info.js';
import { resolveControlToken, TokenError, tokenProblem, type TokenRequest } from '../../../main/host/control/token.js';
import { generateSecret } from '../../../main/host/secret.js';

const good = 'k3J9xQ2mV7pL0sR4tW8yZ1aB5cD6eF-_';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sls-token-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The TokenError's message, failing the test when none is thrown. */
function refusal(request: TokenRequest): string {
  try {
    resolveControlToken(request);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(request)}`);
}

describe('tokenProblem', () => {
  it('accepts generated tokens and long random ones of the bearer characters', () => {
    for (let i = 0; i < 20; i++) expect(tokenProblem(generateSecret())).toBeNull();
    expect(tokenProblem(good)).toBeNull();
    expect(tokenProblem('0f'.repeat(3) + 'a9c81e2b7d44f0e6c1b9a83d52e7f0c4a6b1d9e2f7c3a5b8')).toBeNull();
    expect(tokenProblem('AbC.123~x+y/z=Q-w_e4R5t6Y7u8I9o0P1')).toBeNull();
  });

  it('refuses short, long, oddly spelt and patterned tokens, saying which', () => {
    expect(tokenProblem('s3cret')).toBe('is too short (6 characters; at least 32)');
    expect(tokenProblem(good.slice(0, 31))).toMatch(/too short \(31 characters/);
    expect(tokenProblem('a'.repeat(300))).toMatch(/too long \(300 characters; at most 256\)/);
    expect(tokenProblem(`${good} with spaces`)).toMatch(/only letters, digits and - \. _ ~ \+ \/ =/);
    expect(tokenProblem(`${good}"`)).toMatch(/only letters/);
    expect(tokenProblem(`${good}é`)).toMatch(/only letters/);
    expect(tokenProblem('a'.repeat(40))).toMatch(/fewer than 8 different characters/);
    expect(tokenProblem('0101010101010101abababababababab')).toMatch(/fewer than 8 different characters/);
    expect(tokenProblem('abcdefgh'.repeat(5))).toBe('is too weak (a short pattern repeated)');
    expect(tokenProblem('password1234'.repeat(3))).toBe('is too weak (a short pattern repeated)');
  });
});

describe('resolveControlToken', () => {
  it('generates a fresh token when none is asked for (an empty SLS_TOKEN is none)', () => {
    const first = resolveControlToken({});
    expect(first).toMatchObject({ source: 'generated', warnings: [] });
    expect(first.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(resolveControlToken({ env: '' }).source).toBe('generated');
    expect(resolveControlToken({}).value).not.toBe(first.value);
  });

  it('takes --token, else SLS_TOKEN; --token wins over the environment', () => {
    expect(resolveControlToken({ token: good })).toEqual({ value: good, source: 'option', warnings: [] });
    expect(resolveControlToken({ env: good })).toEqual({ value: good, source: 'env', warnings: [] });
    const other = generateSecret();
    expect(resolveControlToken({ token: other, env: good }).value).toBe(other);
  });

  it('refuses a weak token with the option it came from and how to make a good one', () => {
    expect(refusal({ token: 'hunter2' })).toMatch(/^--token: the control API token is too short \(7 characters; at least 32\); make one with: node -e/);
    expect(refusal({ env: 'x'.repeat(64) })).toMatch(/^SLS_TOKEN: the control API token is too weak/);
  });

  it('refuses --token with --token-file, and --generate-token without a file', () => {
    expect(refusal({ token: good, tokenFile: path.join(dir, 't') })).toBe('--token and --token-file cannot be used together: give one');
    expect(refusal({ generateToken: true })).toMatch(/^--generate-token needs --token-file <path>/);
  });

  it('reads --token-file (its one line, without the newline) and prefers it to SLS_TOKEN', () => {
    const file = path.join(dir, 'token');
    writeFileSync(file, `${good}\n`, { mode: 0o600 });
    expect(resolveControlToken({ tokenFile: file, env: generateSecret() })).toEqual({ value: good, source: 'file', file, warnings: [] });
    writeFileSync(file, `${good}\r\n`);
    expect(resolveControlToken({ tokenFile: file }).value).toBe(good);
  });

  it('says a missing token file is missing, unless asked to generate one', () => {
    const file = path.join(dir, 'absent');
    expect(refusal({ tokenFile: file })).toBe(`--token-file ${file}: file not found (add --generate-token to write a new token there)`);
  });

  it('writes a generated token to a new file readable by its owner only, and reads that same token the next time', () => {
    const file = path.join(dir, 'new-token');
    const made = resolveControlToken({ tokenFile: file, generateToken: true });
    expect(made).toMatchObject({ source: 'new-file', file, warnings: [] });
    expect(tokenProblem(made.value)).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe(`${made.value}\n`);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // The next start finds the file: the same token, never overwritten.
    expect(resolveControlToken({ tokenFile: file, generateToken: true })).toEqual({ value: made.value, source: 'file', file, warnings: [] });
  });

  it('cannot create a token file in a folder that does not exist, and says so', () => {
    const file = path.join(dir, 'no-such-folder', 'token');
    expect(refusal({ tokenFile: file, generateToken: true })).toBe(`--token-file ${file}: cannot be created (ENOENT)`);
  });

  it('refuses token files that are empty, weak, too large or not files', () => {
    const file = path.join(dir, 'token');
    writeFileSync(file, '\n', { mode: 0o600 });
    expect(refusal({ tokenFile: file })).toBe(`--token-file ${file}: the file is empty`);
    writeFileSync(file, 'changeme\n');
    expect(refusal({ tokenFile: file })).toMatch(new RegExp(`^--token-file ${file}: the control API token is too short`));
    writeFileSync(file, `${good}\n${good}\n`);
    expect(refusal({ tokenFile: file })).toMatch(/may hold only letters/);
    writeFileSync(file, 'x'.repeat(5000));
    expect(refusal({ tokenFile: file })).toMatch(/too large for a token file \(5000 bytes\)/);
    const folder = path.join(dir, 'folder');
    mkdirSync(folder);
    expect(refusal({ tokenFile: folder })).toBe(`--token-file ${folder}: not a regular file`);
  });

  it.skipIf(process.platform === 'win32')('warns when other users may read the token file', () => {
    const file = path.join(dir, 'token');
    writeFileSync(file, good);
    chmodSync(file, 0o644);
    expect(resolveControlToken({ tokenFile: file }).warnings).toEqual([`--token-file ${file} can be read by other users of this machine (chmod 600 it)`]);
  });
});

describe('the start-up words', () => {
  const url = 'http://127.0.0.1:4180/control';

  it('prints a generated token, and never echoes one the user gave (it may end up in a CI log)', () => {
    expect(controlBanner(url, { value: good, source: 'generated', warnings: [] })).toEqual([
      `Control API at ${url} (127.0.0.1 only); every request needs the token.`,
      `Control API token: ${good}`,
      `  e.g. curl -H 'Authorization: Bearer ${good}' '${url}/pending?username=smsuser'`,
    ]);
    const given = [
      controlBanner(url, { value: good, source: 'option', warnings: [] }),
      controlBanner(url, { value: good, source: 'env', warnings: [] }),
      controlBanner(url, { value: good, source: 'file', file: '/ci/token', warnings: [] }),
    ];
    for (const lines of given) expect(lines.join('\n')).not.toContain(good);
    expect(given[0]![1]).toBe('Control API token: the one given with --token');
    expect(given[1]![2]).toBe(`  e.g. curl -H "Authorization: Bearer $SLS_TOKEN" '${url}/pending?username=smsuser'`);
    expect(given[2]![2]).toBe(`  e.g. curl -H "Authorization: Bearer $(cat '/ci/token')" '${url}/pending?username=smsuser'`);
    expect(controlBanner(url, { value: good, source: 'new-file', file: '/ci/token', warnings: [] })[1]).toBe(`Control API token: ${good} (new, written to /ci/token with mode 0600)`);
  });

  it('--print-json is one line that parses back to what was given', () => {
    const info = { host: 'electron', port: 4180, controlUrl: url, controlToken: good, scenario: 'default', pid: 42 } as const;
    const line = startLine(info);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(info);
  });
});
