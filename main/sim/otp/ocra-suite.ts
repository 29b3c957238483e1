// OCRA suite strings (RFC 6287 §6): parse `OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1` into what the algorithm needs.
import { OcraSuiteError } from './errors.js';
import type { OtpAlgorithm } from './hotp.js';

export type OcraQuestionFormat = 'A' | 'N' | 'H';

export interface OcraSuite {
  /** The suite exactly as written; it is hashed into every response, so it is kept verbatim. */
  readonly text: string;
  readonly algorithm: OtpAlgorithm;
  /** Response length; 0 means no truncation (the whole HMAC, as hex). */
  readonly digits: number;
  readonly counter: boolean;
  readonly question: { readonly format: OcraQuestionFormat; readonly maxLength: number };
  /** Hash applied to the PIN, or null when the suite has no P. */
  readonly pin: OtpAlgorithm | null;
  /** Length of the session information in bytes, or null when the suite has no S. */
  readonly sessionLength: number | null;
  /** Time-step size in seconds, or null when the suite has no T. */
  readonly timeStep: number | null;
}

// The grammar parseOcraSuite reads (RFC 6287 §6):
//   OCRA-1:HOTP-SHA{1|256|512}-{0|4..10}:[C-]Q{A|N|H}{04..64}[-P{SHA1|SHA256|SHA512}][-S{nnn}][-T{n}{S|M|H}]

// A Map, not an object literal, so that names like "constructor" are not found on the prototype.
const HASHES = new Map<string, OtpAlgorithm>([
  ['SHA1', 'sha1'],
  ['SHA256', 'sha256'],
  ['SHA512', 'sha512'],
]);

// RFC 6287 §6.3: seconds and minutes 1-59, hours up to 48.
const TIME_UNITS: Record<string, { seconds: number; max: number; name: string }> = {
  S: { seconds: 1, max: 59, name: 'seconds' },
  M: { seconds: 60, max: 59, name: 'minutes' },
  H: { seconds: 3600, max: 48, name: 'hours' },
};

// The optional data-input fields after Q, in the only order the RFC allows.
const OPTIONAL_ORDER = ['P', 'S', 'T'] as const;

export function parseOcraSuite(suite: string): OcraSuite {
  if (typeof suite !== 'string') throw new OcraSuiteError(String(suite), 'a suite must be a string');
  // Annotated so that TypeScript narrows after `if (...) fail(...)`.
  const fail: (problem: string) => never = (problem) => {
    throw new OcraSuiteError(suite, problem);
  };

  const parts = suite.split(':');
  if (parts.length !== 3) {
    fail(`expected 3 parts separated by ':' (version:crypto function:data input), found ${parts.length}`);
  }
  const [version, cryptoFunction, dataInput] = parts as [string, string, string];

  if (version !== 'OCRA-1') fail(`version must be "OCRA-1", got "${version}"`);

  const crypto = /^HOTP-([A-Za-z0-9]+)-(\d+)$/.exec(cryptoFunction);
  if (!crypto) fail(`crypto function must look like HOTP-SHA1-6, got "${cryptoFunction}"`);
  // Capture groups of a successful match are always present.
  const hashName = crypto[1]!;
  const digitsText = crypto[2]!;
  const algorithm = HASHES.get(hashName);
  if (!algorithm) fail(`crypto function hash must be SHA1, SHA256 or SHA512, got "${hashName}"`);
  const digits = Number(digitsText);
  if (!/^(0|[1-9]\d?)$/.test(digitsText) || (digits !== 0 && (digits < 4 || digits > 10))) {
    fail(`response length must be 0 or 4 to 10 digits, got "${digitsText}"`);
  }

  const fields = dataInput.split('-');
  if (fields.some((field) => field === '')) fail(`data input "${dataInput}" has an empty field`);
  let index = 0;
  const counter = fields[0] === 'C';
  if (counter) index += 1;

  const questionField = fields[index] ?? '';
  const question = /^Q([ANH])(\d\d)$/.exec(questionField);
  if (!question) {
    fail(`data input must continue with Q{A|N|H}{04..64} after the optional C, got "${questionField}"`);
  }
  const format = question[1] as OcraQuestionFormat;
  const lengthText = question[2]!;
  const maxLength = Number(lengthText);
  if (maxLength < 4 || maxLength > 64) fail(`question length must be 04 to 64, got "${lengthText}"`);
  index += 1;

  let pin: OtpAlgorithm | null = null;
  let sessionLength: number | null = null;
  let timeStep: number | null = null;
  let lastOrder = -1;
  for (const field of fields.slice(index)) {
    const order = OPTIONAL_ORDER.indexOf(field[0] as (typeof OPTIONAL_ORDER)[number]);
    if (order < 0) {
      fail(`unknown data input field "${field}" (expected P{SHA1|SHA256|SHA512}, S{nnn} or T{n}{S|M|H})`);
    }
    if (order <= lastOrder) fail(`data input fields must appear once each, in the order C, Q, P, S, T; "${field}" is out of place`);
    lastOrder = order;

    if (field[0] === 'P') {
      const hash = HASHES.get(field.slice(1));
      if (!hash) fail(`PIN hash must be PSHA1, PSHA256 or PSHA512, got "${field}"`);
      pin = hash;
    } else if (field[0] === 'S') {
      const session = /^S(\d{3})$/.exec(field);
      if (!session || Number(session[1]) === 0) fail(`session field must be S followed by 3 digits (001-999), got "${field}"`);
      sessionLength = Number(session[1]);
    } else {
      const time = /^T([1-9]\d?)([SMH])$/.exec(field);
      if (!time) fail(`time-step field must be T{n}{S|M|H} such as T1M or T30S, got "${field}"`);
      const countText = time[1]!;
      const unit = TIME_UNITS[time[2]!]!;
      if (Number(countText) > unit.max) fail(`time step "${field}" is too large: at most ${unit.max} ${unit.name}`);
      timeStep = Number(countText) * unit.seconds;
    }
  }

  return {
    text: suite,
    algorithm,
    digits,
    counter,
    question: { format, maxLength },
    pin,
    sessionLength,
    timeStep,
  };
}
