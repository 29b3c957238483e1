// `otp` subcommands: compute HOTP, TOTP and OCRA values from the command line, e.g. to check RFC vectors.
import { Option, type Command } from 'commander';
import { hotp, ocra, ocraTimestamp, parseOcraSuite, totp, OtpInputError, type OcraSuite, type OtpAlgorithm } from '../sim/otp/index.js';
import {
  parseDecimalInteger,
  parseHexBytes,
  parseHexInteger,
  parseIntegerInRange,
  parseNumber,
  requireSubcommand,
  UsageError,
  type CliIo,
} from './args.js';

/** Which option carries each field the OTP library may complain about. */
type FlagOf = Record<string, string>;

const HASH_FLAGS: FlagOf = { key: '--key-hex', counter: '--counter', digits: '--digits', algorithm: '--algorithm' };

export function registerOtpCommands(program: Command, io: CliIo): void {
  const otp = program.command('otp').description('compute one-time passwords (HOTP, TOTP, OCRA)');
  requireSubcommand(otp);

  otp
    .command('ocra')
    .description('OCRA response (RFC 6287)')
    .requiredOption('--suite <suite>', 'OCRA suite, e.g. OCRA-1:HOTP-SHA1-6:QN08')
    .requiredOption('--key-hex <hex>', 'shared secret in hex')
    .requiredOption('--question <q>', 'challenge; repeat for mutual challenge-response', collect)
    .addOption(new Option('--pin <pin>', 'plain PIN, hashed as the suite says').conflicts('pinHash'))
    .option('--pin-hash <hex>', 'PIN hash in hex, instead of --pin')
    .option('--counter <n>', 'counter C, decimal')
    .option('--session <hex>', 'session information S in hex')
    .addOption(new Option('--time <seconds>', 'Unix time in seconds; T is counted in the suite\'s time steps').conflicts('timeHex'))
    .option('--time-hex <hex>', 'the time-step count T itself, in hex, as the RFC writes it (e.g. 132d0b6)')
    .action((options: OcraArgs) => {
      const flags: FlagOf = {
        suite: '--suite',
        key: '--key-hex',
        question: '--question',
        pin: '--pin',
        pinHash: '--pin-hash',
        counter: '--counter',
        session: '--session',
        timestamp: options.timeHex === undefined ? '--time' : '--time-hex',
        time: '--time',
      };
      const response = withFlags(flags, () => {
        const suite = parseOcraSuite(options.suite);
        return ocra({
          suite,
          key: parseHexBytes('--key-hex', options.keyHex),
          question: questionParts(suite, options.question),
          pin: options.pin,
          pinHash: optional(options.pinHash, (value) => parseHexBytes('--pin-hash', value)),
          counter: optional(options.counter, (value) => parseDecimalInteger('--counter', value)),
          session: optional(options.session, (value) => parseHexBytes('--session', value)),
          timestamp:
            options.time === undefined
              ? optional(options.timeHex, (value) => parseHexInteger('--time-hex', value))
              : ocraTimestamp(suite, parseNumber('--time', options.time)),
        });
      });
      io.stdout.write(`${response}\n`);
    });

  otp
    .command('hotp')
    .description('HOTP value (RFC 4226)')
    .requiredOption('--key-hex <hex>', 'shared secret in hex')
    .requiredOption('--counter <n>', 'counter, decimal')
    .option('--digits <n>', 'number of digits (6-10)', '6')
    .option('--algorithm <name>', 'sha1, sha256 or sha512', 'sha1')
    .action((options: HotpArgs) => {
      const value = withFlags(HASH_FLAGS, () =>
        hotp({
          key: parseHexBytes('--key-hex', options.keyHex),
          counter: parseDecimalInteger('--counter', options.counter),
          digits: parseIntegerInRange('--digits', options.digits, 6, 10),
          algorithm: parseAlgorithm(options.algorithm),
        }),
      );
      io.stdout.write(`${value}\n`);
    });

  otp
    .command('totp')
    .description('TOTP value (RFC 6238)')
    .requiredOption('--key-hex <hex>', 'shared secret in hex')
    .requiredOption('--time <seconds>', 'Unix time in seconds')
    .option('--step <seconds>', 'time step', '30')
    .option('--t0 <seconds>', 'Unix time the steps count from', '0')
    .option('--digits <n>', 'number of digits (6-10)', '6')
    .option('--algorithm <name>', 'sha1, sha256 or sha512', 'sha1')
    .action((options: TotpArgs) => {
      const value = withFlags({ ...HASH_FLAGS, time: '--time', step: '--step', t0: '--t0' }, () =>
        totp({
          key: parseHexBytes('--key-hex', options.keyHex),
          time: parseNumber('--time', options.time),
          step: parseNumber('--step', options.step),
          t0: parseNumber('--t0', options.t0),
          digits: parseIntegerInRange('--digits', options.digits, 6, 10),
          algorithm: parseAlgorithm(options.algorithm),
        }),
      );
      io.stdout.write(`${value}\n`);
    });
}

interface OcraArgs {
  suite: string;
  keyHex: string;
  question: string[];
  pin?: string;
  pinHash?: string;
  counter?: string;
  session?: string;
  time?: string;
  timeHex?: string;
}

interface HotpArgs {
  keyHex: string;
  counter: string;
  digits: string;
  algorithm: string;
}

interface TotpArgs extends Omit<HotpArgs, 'counter'> {
  time: string;
  step: string;
  t0: string;
}

/**
 * The challenges as the library takes them. RFC 6287's mutual vectors write the client's and the
 * server's challenges as one question (`CLI22220SRV11110` for QA08), as its reference code accepts:
 * a single question longer than the suite's length is read as that concatenation, split after the
 * first challenge (the encoding of the whole is the same either way).
 */
function questionParts(suite: OcraSuite, questions: string[]): string | string[] {
  const { maxLength } = suite.question;
  const [only] = questions;
  if (questions.length !== 1 || only === undefined || only.length <= maxLength) return questions.length === 1 ? questions[0]! : questions;
  if (only.length > 2 * maxLength) {
    throw new UsageError(
      `--question must be 4 to ${maxLength} characters, or two such challenges written together for mutual challenge-response, got ${only.length}`,
    );
  }
  return [only.slice(0, maxLength), only.slice(maxLength)];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function optional<T>(value: string | undefined, parse: (value: string) => T): T | undefined {
  return value === undefined ? undefined : parse(value);
}

function parseAlgorithm(value: string): OtpAlgorithm {
  const name = value.toLowerCase();
  if (name !== 'sha1' && name !== 'sha256' && name !== 'sha512') {
    throw new UsageError('--algorithm must be sha1, sha256 or sha512');
  }
  return name;
}

/** Re-labels the library's complaints with the option the user typed. */
function withFlags<T>(flags: FlagOf, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof OtpInputError) {
      const flag = flags[error.field];
      throw new UsageError(flag ? `${flag} ${error.requirement}` : error.message);
    }
    throw error;
  }
}
