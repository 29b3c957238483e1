// OCRA (RFC 6287): challenge-response over HOTP's truncation, with counter, PIN, session and time bound in.
import { createHash } from 'node:crypto';
import { OtpInputError } from './errors.js';
import { checkKey, hmac, truncateToDigits, uint64, type OtpAlgorithm } from './hotp.js';
import { parseOcraSuite, type OcraSuite, type OcraQuestionFormat } from './ocra-suite.js';

export interface OcraOptions {
  suite: string | OcraSuite;
  key: Uint8Array;
  /**
   * The challenge. For mutual challenge-response (RFC 6287 §7.3) pass the two challenges as an
   * array: each is checked against the suite's length on its own, then they are concatenated.
   */
  question: string | readonly string[];
  counter?: bigint | number;
  /** The plain PIN; it is hashed with the suite's P algorithm. */
  pin?: string;
  /** The already hashed PIN, when the verifier stores only the hash. */
  pinHash?: Uint8Array;
  session?: Uint8Array;
  /** Number of the suite's time steps since the Unix epoch (see `ocraTimestamp`). */
  timestamp?: bigint | number;
}

const QUESTION_BYTES = 128;
const HASH_BYTES: Record<OtpAlgorithm, number> = { sha1: 20, sha256: 32, sha512: 64 };
const MIN_CHALLENGE = 4;

const ALPHABETS: Record<OcraQuestionFormat, { pattern: RegExp; unit: string }> = {
  N: { pattern: /^[0-9]*$/, unit: 'decimal digits' },
  A: { pattern: /^[A-Za-z0-9]*$/, unit: 'letters or digits' },
  H: { pattern: /^[0-9A-Fa-f]*$/, unit: 'hexadecimal digits' },
};

export function ocra(options: OcraOptions): string {
  const suite = typeof options.suite === 'string' ? parseOcraSuite(options.suite) : options.suite;
  checkKey(options.key);

  const message = Buffer.concat([
    Buffer.from(suite.text, 'latin1'),
    Buffer.from([0]),
    counterField(suite, options.counter),
    questionField(suite, options.question),
    pinField(suite, options.pin, options.pinHash),
    sessionField(suite, options.session),
    timestampField(suite, options.timestamp),
  ]);
  const mac = hmac(suite.algorithm, options.key, message);
  return suite.digits === 0 ? mac.toString('hex') : truncateToDigits(mac, suite.digits);
}

/** The T value for a moment: whole time steps of the suite since the Unix epoch. */
export function ocraTimestamp(suite: string | OcraSuite, unixSeconds: number): number {
  const parsed = typeof suite === 'string' ? parseOcraSuite(suite) : suite;
  if (parsed.timeStep === null) throw new OtpInputError('timestamp', `is not used by suite ${parsed.text} (it has no T)`);
  if (!Number.isFinite(unixSeconds) || unixSeconds < 0) {
    throw new OtpInputError('time', `must be a non-negative number of seconds, got ${String(unixSeconds)}`);
  }
  return Math.floor(unixSeconds / parsed.timeStep);
}

function counterField(suite: OcraSuite, counter: bigint | number | undefined): Buffer {
  if (!suite.counter) {
    if (counter !== undefined) throw new OtpInputError('counter', `must not be given: suite ${suite.text} has no C`);
    return Buffer.alloc(0);
  }
  if (counter === undefined) throw new OtpInputError('counter', `is required: suite ${suite.text} includes C`);
  return uint64(counter, 'counter');
}

/** RFC 6287 §5.2: Q is 128 bytes, the encoded challenge left-aligned and zero-padded. */
export function questionField(suite: OcraSuite, question: string | readonly string[]): Buffer {
  const parts: readonly string[] = typeof question === 'string' ? [question] : question;
  const { format, maxLength } = suite.question;
  const { pattern, unit } = ALPHABETS[format];
  const label = `Q${format}${String(maxLength).padStart(2, '0')}`;
  if (!Array.isArray(parts) || parts.length === 0 || parts.some((part) => typeof part !== 'string')) {
    throw new OtpInputError('question', 'must be a string or a non-empty list of strings');
  }
  for (const part of parts) {
    if (!pattern.test(part)) throw new OtpInputError('question', `must contain only ${unit} (suite uses ${label})`);
    if (part.length < MIN_CHALLENGE || part.length > maxLength) {
      const hint =
        part.length > maxLength && parts.length === 1
          ? '; for mutual challenge-response pass each challenge separately'
          : '';
      throw new OtpInputError(
        'question',
        `must be ${MIN_CHALLENGE} to ${maxLength} ${unit} (suite uses ${label}), got ${part.length}${hint}`,
      );
    }
  }

  const joined = parts.join('');
  let encoded: Buffer;
  if (format === 'A') {
    encoded = Buffer.from(joined, 'latin1');
  } else {
    // A numeric challenge is one big integer written in hex; a hex challenge is used as it stands.
    let hex = format === 'N' ? BigInt(joined).toString(16) : joined;
    if (hex.length % 2 === 1) hex += '0';
    encoded = Buffer.from(hex, 'hex');
  }
  if (encoded.length > QUESTION_BYTES) {
    throw new OtpInputError('question', `must encode to at most ${QUESTION_BYTES} bytes, got ${encoded.length}`);
  }
  const field = Buffer.alloc(QUESTION_BYTES);
  encoded.copy(field);
  return field;
}

function pinField(suite: OcraSuite, pin: string | undefined, pinHash: Uint8Array | undefined): Buffer {
  if (suite.pin === null) {
    if (pin !== undefined) throw new OtpInputError('pin', `must not be given: suite ${suite.text} has no P`);
    if (pinHash !== undefined) throw new OtpInputError('pinHash', `must not be given: suite ${suite.text} has no P`);
    return Buffer.alloc(0);
  }
  if (pin !== undefined && pinHash !== undefined) {
    throw new OtpInputError('pinHash', 'must not be given together with pin: give one of them');
  }
  if (pin !== undefined) {
    if (typeof pin !== 'string') throw new OtpInputError('pin', 'must be a string');
    return createHash(suite.pin).update(pin, 'utf8').digest();
  }
  if (pinHash !== undefined) {
    const expected = HASH_BYTES[suite.pin];
    if (!(pinHash instanceof Uint8Array) || pinHash.length !== expected) {
      throw new OtpInputError('pinHash', `must be ${expected} bytes (a ${suite.pin.toUpperCase()} digest) for suite ${suite.text}`);
    }
    return Buffer.from(pinHash);
  }
  throw new OtpInputError('pin', `is required: suite ${suite.text} includes P${suite.pin.toUpperCase()}`);
}

function sessionField(suite: OcraSuite, session: Uint8Array | undefined): Buffer {
  if (suite.sessionLength === null) {
    if (session !== undefined) throw new OtpInputError('session', `must not be given: suite ${suite.text} has no S`);
    return Buffer.alloc(0);
  }
  if (session === undefined) throw new OtpInputError('session', `is required: suite ${suite.text} includes S`);
  if (!(session instanceof Uint8Array) || session.length > suite.sessionLength) {
    throw new OtpInputError('session', `must be at most ${suite.sessionLength} bytes for suite ${suite.text}`);
  }
  // Shorter session data is right-aligned (zero bytes in front), as in the RFC's reference code.
  const field = Buffer.alloc(suite.sessionLength);
  field.set(session, suite.sessionLength - session.length);
  return field;
}

function timestampField(suite: OcraSuite, timestamp: bigint | number | undefined): Buffer {
  if (suite.timeStep === null) {
    if (timestamp !== undefined) throw new OtpInputError('timestamp', `must not be given: suite ${suite.text} has no T`);
    return Buffer.alloc(0);
  }
  if (timestamp === undefined) throw new OtpInputError('timestamp', `is required: suite ${suite.text} includes T`);
  return uint64(timestamp, 'timestamp');
}
