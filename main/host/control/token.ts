// The control API's token: generated per start, or known in advance (--token, SLS_TOKEN, --token-file), and refused when weak.
//
// A tester's suite wants the token before the host starts, not scraped from its output. A known
// token is still a secret that guards the pending codes, so it must be one a guesser cannot find:
// long, of the characters a bearer token may hold, and not a pattern. A token file is read as
// hostile input (a regular file, a few KB at most) and, when asked, created with mode 0600 so that
// no other user of the machine can read it.
import { closeSync, constants, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { generateSecret } from '../secret.js';

const TOKEN_MIN_LENGTH = 32;
const TOKEN_MAX_LENGTH = 256;
/** RFC 6750's token characters: safe in a header, an environment variable and a file. */
const TOKEN_CHARACTERS = /^[A-Za-z0-9._~+/=-]+$/;
/** Fewer different characters than this is a pattern, not a secret. */
const MIN_DISTINCT = 8;
/** A token file holds one line; anything far larger is not a token file. */
const MAX_TOKEN_FILE_BYTES = 4096;

const TOKEN_ADVICE = 'make one with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64url\'))"';

/** Where the token came from, as the banner names it. */
type TokenSource = 'generated' | 'option' | 'env' | 'file' | 'new-file';

export interface ControlToken {
  value: string;
  source: TokenSource;
  /** The token file, for the sources 'file' and 'new-file'. */
  file?: string;
  /** Worth saying, not worth refusing (a token file others may read). */
  warnings: string[];
}

/** What the command line and the environment ask for. */
export interface TokenRequest {
  token?: string;
  tokenFile?: string;
  generateToken?: boolean;
  /** SLS_TOKEN; empty means unset. */
  env?: string;
}

/** A token that cannot be used, with what to do instead. */
export class TokenError extends Error {
  override name = 'TokenError';
}

/** Why `token` is too weak or malformed to guard the control API (null: it will do). */
export function tokenProblem(token: string): string | null {
  if (token.length < TOKEN_MIN_LENGTH) return `is too short (${token.length} characters; at least ${TOKEN_MIN_LENGTH})`;
  if (token.length > TOKEN_MAX_LENGTH) return `is too long (${token.length} characters; at most ${TOKEN_MAX_LENGTH})`;
  if (!TOKEN_CHARACTERS.test(token)) return 'may hold only letters, digits and - . _ ~ + / =';
  if (new Set(token).size < MIN_DISTINCT) return `is too weak (fewer than ${MIN_DISTINCT} different characters)`;
  for (let period = 1; period <= token.length / 2; period++) {
    if (token.length % period === 0 && token.slice(0, period).repeat(token.length / period) === token) return 'is too weak (a short pattern repeated)';
  }
  return null;
}

function checked(value: string, source: TokenSource, where: string, file?: string, warnings: string[] = []): ControlToken {
  const problem = tokenProblem(value);
  if (problem) throw new TokenError(`${where}: the control API token ${problem}; ${TOKEN_ADVICE}`);
  return file === undefined ? { value, source, warnings } : { value, source, file, warnings };
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** The token file's text, or null when it does not exist; bounded, regular files only. */
function readTokenFile(file: string): { text: string; mode: number } | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw new TokenError(`--token-file ${file}: cannot be read (${errnoCode(error) ?? (error as Error).message})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new TokenError(`--token-file ${file}: not a regular file`);
    if (stat.size > MAX_TOKEN_FILE_BYTES) throw new TokenError(`--token-file ${file}: too large for a token file (${stat.size} bytes)`);
    const buffer = Buffer.alloc(MAX_TOKEN_FILE_BYTES + 1);
    let total = 0;
    for (let read = -1; read !== 0 && total < buffer.length; total += read) read = readSync(fd, buffer, total, buffer.length - total, null);
    if (total > MAX_TOKEN_FILE_BYTES) throw new TokenError(`--token-file ${file}: too large for a token file`);
    return { text: buffer.subarray(0, total).toString('utf8'), mode: stat.mode };
  } finally {
    closeSync(fd);
  }
}

/** Writes a new token to a file that does not exist yet (never over one), readable by its owner only. */
function writeTokenFile(file: string, token: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw new TokenError(`--token-file ${file}: cannot be created (${errnoCode(error) ?? (error as Error).message})`);
  }
  try {
    writeSync(fd, `${token}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function fromFile(file: string, generate: boolean): ControlToken {
  let read = readTokenFile(file);
  if (read === null) {
    if (!generate) throw new TokenError(`--token-file ${file}: file not found (add --generate-token to write a new token there)`);
    const token = generateSecret();
    if (writeTokenFile(file, token)) return { value: token, source: 'new-file', file, warnings: [] };
    // Another process made it between the two calls: its token is the one.
    read = readTokenFile(file);
    if (read === null) throw new TokenError(`--token-file ${file}: cannot be read`);
  }
  const warnings = process.platform !== 'win32' && (read.mode & 0o077) !== 0 ? [`--token-file ${file} can be read by other users of this machine (chmod 600 it)`] : [];
  // One line; the newline an editor or `echo` adds is not part of the token.
  const value = read.text.replace(/\r?\n$/, '');
  if (value === '') throw new TokenError(`--token-file ${file}: the file is empty`);
  return checked(value, 'file', `--token-file ${file}`, file, warnings);
}

/**
 * The control token a start asks for: --token, else --token-file, else SLS_TOKEN, else a fresh one.
 * Throws a TokenError naming the option and what to do when the token cannot be used.
 */
export function resolveControlToken(request: TokenRequest): ControlToken {
  const { token, tokenFile, generateToken = false, env } = request;
  if (token !== undefined && tokenFile !== undefined) throw new TokenError('--token and --token-file cannot be used together: give one');
  if (generateToken && tokenFile === undefined) throw new TokenError('--generate-token needs --token-file <path> (without a file, a fresh token is generated anyway)');
  if (token !== undefined) return checked(token, 'option', '--token');
  if (tokenFile !== undefined) return fromFile(tokenFile, generateToken);
  if (env !== undefined && env !== '') return checked(env, 'env', 'SLS_TOKEN');
  return { value: generateSecret(), source: 'generated', warnings: [] };
}
