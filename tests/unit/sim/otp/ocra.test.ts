// RFC 6287 appendix C vectors, input checks and properties for OCRA.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ocra,
  ocraTimestamp,
  parseOcraSuite,
  ibKeyResponse,
  IB_KEY_SUITE,
  OtpInputError,
  type OcraOptions,
} from '../../../../main/sim/otp/index.js';
import { questionField } from '../../../../main/sim/otp/ocra.js';
import { KEY20, KEY32, KEY64, PIN, PIN_SHA1 } from './keys.js';

// Appendix C's time: "Mar 25 2008, 12:06:30 GMT", i.e. T = 132d0b6 minutes.
const T = 0x132d0b6;

describe('RFC 6287 C.1 one-way challenge-response', () => {
  it.each([
    ['00000000', '237653'],
    ['11111111', '243178'],
    ['22222222', '653583'],
    ['33333333', '740991'],
    ['44444444', '608993'],
    ['55555555', '388898'],
    ['66666666', '816933'],
    ['77777777', '224598'],
    ['88888888', '750600'],
    ['99999999', '294470'],
  ])('OCRA-1:HOTP-SHA1-6:QN08, Q=%s → %s', (question, expected) => {
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA1-6:QN08', key: KEY20, question })).toBe(expected);
  });

  it.each([
    [0, '65347737'],
    [1, '86775851'],
    [2, '78192410'],
    [3, '71565254'],
    [4, '10104329'],
    [5, '65983500'],
    [6, '70069104'],
    [7, '91771096'],
    [8, '75011558'],
    [9, '08522129'],
  ])('OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1, C=%i, Q=12345678 → %s', (counter, expected) => {
    const suite = 'OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1';
    expect(ocra({ suite, key: KEY32, counter, question: '12345678', pin: PIN })).toBe(expected);
  });

  it.each([
    ['00000000', '83238735'],
    ['11111111', '01501458'],
    ['22222222', '17957585'],
    ['33333333', '86776967'],
    ['44444444', '86807031'],
  ])('OCRA-1:HOTP-SHA256-8:QN08-PSHA1, Q=%s → %s', (question, expected) => {
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA256-8:QN08-PSHA1', key: KEY32, question, pin: PIN })).toBe(expected);
  });

  it.each([
    [0, '00000000', '07016083'],
    [1, '11111111', '63947962'],
    [2, '22222222', '70123924'],
    [3, '33333333', '25341727'],
    [4, '44444444', '33203315'],
    [5, '55555555', '34205738'],
    [6, '66666666', '44343969'],
    [7, '77777777', '51946085'],
    [8, '88888888', '20403879'],
    [9, '99999999', '31409299'],
  ])('OCRA-1:HOTP-SHA512-8:C-QN08, C=%i, Q=%s → %s', (counter, question, expected) => {
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA512-8:C-QN08', key: KEY64, counter, question })).toBe(expected);
  });

  it.each([
    ['00000000', '95209754'],
    ['11111111', '55907591'],
    ['22222222', '22048402'],
    ['33333333', '24218844'],
    ['44444444', '36209546'],
  ])('OCRA-1:HOTP-SHA512-8:QN08-T1M, Q=%s, T=132d0b6 → %s', (question, expected) => {
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA512-8:QN08-T1M', key: KEY64, question, timestamp: T })).toBe(expected);
  });
});

describe('RFC 6287 C.2 mutual challenge-response', () => {
  it.each([
    ['CLI22220', 'SRV11110', '28247970', '15510767'],
    ['CLI22221', 'SRV11111', '01984843', '90175646'],
    ['CLI22222', 'SRV11112', '65387857', '33777207'],
    ['CLI22223', 'SRV11113', '03351211', '95285278'],
    ['CLI22224', 'SRV11114', '83412541', '28934924'],
  ])('OCRA-1:HOTP-SHA256-8:QA08, %s/%s: server %s, client %s', (cli, srv, server, client) => {
    const suite = 'OCRA-1:HOTP-SHA256-8:QA08';
    expect(ocra({ suite, key: KEY32, question: [cli, srv] })).toBe(server);
    expect(ocra({ suite, key: KEY32, question: [srv, cli] })).toBe(client);
  });

  it.each([
    ['CLI22220', 'SRV11110', '79496648', '18806276'],
    ['CLI22221', 'SRV11111', '76831980', '70020315'],
    ['CLI22222', 'SRV11112', '12250499', '01600026'],
    ['CLI22223', 'SRV11113', '90856481', '18951020'],
    ['CLI22224', 'SRV11114', '12761449', '32528969'],
  ])('server OCRA-1:HOTP-SHA512-8:QA08, client ...:QA08-PSHA1, %s/%s: server %s, client %s', (cli, srv, server, client) => {
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA512-8:QA08', key: KEY64, question: [cli, srv] })).toBe(server);
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA512-8:QA08-PSHA1', key: KEY64, question: [srv, cli], pin: PIN })).toBe(client);
  });
});

describe('RFC 6287 C.3 plain signature', () => {
  it.each([
    ['SIG10000', '53095496'],
    ['SIG11000', '04110475'],
    ['SIG12000', '31331128'],
    ['SIG13000', '76028668'],
    ['SIG14000', '46554205'],
  ])('OCRA-1:HOTP-SHA256-8:QA08, Q=%s → %s', (question, expected) => {
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA256-8:QA08', key: KEY32, question })).toBe(expected);
  });

  it.each([
    ['SIG1000000', '77537423'],
    ['SIG1100000', '31970405'],
    ['SIG1200000', '10235557'],
    ['SIG1300000', '95213541'],
    ['SIG1400000', '65360607'],
  ])('OCRA-1:HOTP-SHA512-8:QA10-T1M, Q=%s, T=132d0b6 → %s', (question, expected) => {
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA512-8:QA10-T1M', key: KEY64, question, timestamp: T })).toBe(expected);
  });
});

describe('OCRA data inputs', () => {
  it('hashes the plain PIN exactly as a given PIN hash', () => {
    const suite = 'OCRA-1:HOTP-SHA256-8:QN08-PSHA1';
    const pinHash = Buffer.from(PIN_SHA1, 'hex');
    expect(ocra({ suite, key: KEY32, question: '00000000', pinHash })).toBe('83238735');
  });

  it('derives T=132d0b6 from the appendix time for a T1M suite', () => {
    const seconds = Date.UTC(2008, 2, 25, 12, 6, 30) / 1000;
    expect(ocraTimestamp('OCRA-1:HOTP-SHA512-8:QN08-T1M', seconds)).toBe(T);
    expect(ocraTimestamp('OCRA-1:HOTP-SHA1-6:QN08-T30S', 60)).toBe(2);
  });

  it('concatenates mutual challenges: passed whole or in parts gives the same response', () => {
    const suite = 'OCRA-1:HOTP-SHA256-8:QA16';
    const whole = ocra({ suite, key: KEY32, question: 'CLI22220SRV11110' });
    expect(ocra({ suite, key: KEY32, question: ['CLI22220', 'SRV11110'] })).toBe(whole);
  });

  it('encodes a numeric question as one big integer in hex, left-aligned, 0 nibble appended', () => {
    // 22222222 is 153158E in hex: the field starts 15 31 58 E0 and is zero-padded to 128 bytes.
    const expected = Buffer.alloc(128);
    expected.set([0x15, 0x31, 0x58, 0xe0]);
    expect(questionField(parseOcraSuite('OCRA-1:HOTP-SHA1-6:QN08'), '22222222')).toEqual(expected);
    expect(questionField(parseOcraSuite('OCRA-1:HOTP-SHA1-6:QH08'), '153158E')).toEqual(expected);
    expect(questionField(parseOcraSuite('OCRA-1:HOTP-SHA1-6:QH08'), '153158e0')).toEqual(expected);
  });

  it('encodes an alphanumeric question as its bytes', () => {
    const expected = Buffer.alloc(128);
    expected.write('SIG10000', 'ascii');
    expect(questionField(parseOcraSuite('OCRA-1:HOTP-SHA1-6:QA08'), 'SIG10000')).toEqual(expected);
  });

  it('returns the whole HMAC as hex when the suite asks for 0 digits', () => {
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA1-0:QN08', key: KEY20, question: '00000000' })).toMatch(/^[0-9a-f]{40}$/);
    expect(ocra({ suite: 'OCRA-1:HOTP-SHA512-0:QN08', key: KEY64, question: '00000000' })).toMatch(/^[0-9a-f]{128}$/);
  });

  it('right-aligns shorter session information', () => {
    const suite = 'OCRA-1:HOTP-SHA1-6:QN08-S064';
    const short = ocra({ suite, key: KEY20, question: '12345678', session: Buffer.from('abcd', 'hex') });
    const padded = Buffer.alloc(64);
    padded.set([0xab, 0xcd], 62);
    expect(ocra({ suite, key: KEY20, question: '12345678', session: padded })).toBe(short);
  });

  it('computes the IB Key response with the emulation suite', () => {
    expect(IB_KEY_SUITE).toBe('OCRA-1:HOTP-SHA256-8:QN06-PSHA1');
    const expected = ocra({ suite: IB_KEY_SUITE, key: KEY32, question: '123456', pin: '1357' });
    expect(ibKeyResponse({ key: KEY32, pin: '1357', challenge: '123456' })).toBe(expected);
    expect(expected).toMatch(/^\d{8}$/);
    expect(ibKeyResponse({ key: KEY32, pin: '2468', challenge: '123456' })).not.toBe(expected);
  });
});

describe('OCRA input checks', () => {
  const base = { key: KEY32 };
  const cases: ReadonlyArray<[string, OcraOptions, string, RegExp]> = [
    ['a numeric question with letters', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08', question: '1234567A' }, 'question', /only decimal digits/],
    ['a too long question', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08', question: '123456789' }, 'question', /4 to 8 decimal digits.*got 9.*separately/],
    ['a too short question', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08', question: '123' }, 'question', /4 to 8 decimal digits/],
    ['a punctuated alphanumeric question', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QA08', question: 'SIG-1000' }, 'question', /only letters or digits/],
    ['a hex question with g', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QH08', question: '12345g' }, 'question', /only hexadecimal digits/],
    ['an empty challenge list', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QA08', question: [] }, 'question', /non-empty list/],
    ['a too long mutual part', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QA08', question: ['CLI22220', 'SRV111100'] }, 'question', /4 to 8/],
    ['a missing counter', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:C-QN08', question: '12345678' }, 'counter', /required.*includes C/],
    ['an unexpected counter', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08', question: '12345678', counter: 1 }, 'counter', /must not be given/],
    ['a negative counter', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:C-QN08', question: '12345678', counter: -1 }, 'counter', /0 to 2\^64-1/],
    ['a missing PIN', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08-PSHA1', question: '12345678' }, 'pin', /required.*PSHA1/],
    ['an unexpected PIN', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08', question: '12345678', pin: '1234' }, 'pin', /must not be given/],
    ['an unexpected PIN hash', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08', question: '12345678', pinHash: Buffer.alloc(20) }, 'pinHash', /must not be given/],
    ['both PIN and PIN hash', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08-PSHA1', question: '12345678', pin: '1', pinHash: Buffer.alloc(20) }, 'pinHash', /together with pin/],
    ['a PIN hash of the wrong size', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08-PSHA256', question: '12345678', pinHash: Buffer.alloc(20) }, 'pinHash', /32 bytes/],
    ['a missing session', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08-S064', question: '12345678' }, 'session', /required/],
    ['a too long session', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08-S064', question: '12345678', session: Buffer.alloc(65) }, 'session', /at most 64 bytes/],
    ['an unexpected session', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08', question: '12345678', session: Buffer.alloc(1) }, 'session', /must not be given/],
    ['a missing timestamp', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08-T1M', question: '12345678' }, 'timestamp', /required/],
    ['an unexpected timestamp', { ...base, suite: 'OCRA-1:HOTP-SHA1-6:QN08', question: '12345678', timestamp: 1 }, 'timestamp', /must not be given/],
    ['an empty key', { key: Buffer.alloc(0), suite: 'OCRA-1:HOTP-SHA1-6:QN08', question: '12345678' }, 'key', /non-empty/],
    ['a bad suite', { ...base, suite: 'OCRA-1:HOTP-MD5-6:QN08', question: '12345678' }, 'suite', /SHA1, SHA256 or SHA512/],
  ];

  it.each(cases)('rejects %s', (_name, options, field, message) => {
    let error: unknown;
    try {
      ocra(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OtpInputError);
    expect((error as OtpInputError).field).toBe(field);
    expect((error as OtpInputError).message).toMatch(message);
  });

  it.each(['12345', '1234567', '12345a', ''])('IB Key rejects the challenge %j', (challenge) => {
    expect(() => ibKeyResponse({ key: KEY32, pin: '1357', challenge })).toThrow(/challenge must be exactly 6 decimal digits/);
  });
});

// Random suites from the whole grammar, with inputs that fit them.
const suiteParts = fc.record({
  hash: fc.constantFrom('SHA1', 'SHA256', 'SHA512'),
  digits: fc.constantFrom(4, 5, 6, 7, 8, 9, 10),
  counter: fc.boolean(),
  format: fc.constantFrom('A', 'N', 'H'),
  length: fc.integer({ min: 4, max: 64 }),
  pin: fc.option(fc.constantFrom('SHA1', 'SHA256', 'SHA512'), { nil: undefined }),
  session: fc.option(fc.integer({ min: 1, max: 512 }), { nil: undefined }),
  time: fc.option(fc.constantFrom('1S', '30S', '59S', '1M', '59M', '1H', '48H'), { nil: undefined }),
});

const ALPHABET = { A: 'ABCXYZabcxyz0189', N: '0123456789', H: '0123456789abcdefABCDEF' } as const;

const suiteWithInputs = suiteParts.chain((parts) => {
  const suite =
    `OCRA-1:HOTP-${parts.hash}-${parts.digits}:${parts.counter ? 'C-' : ''}` +
    `Q${parts.format}${String(parts.length).padStart(2, '0')}` +
    (parts.pin ? `-P${parts.pin}` : '') +
    (parts.session ? `-S${String(parts.session).padStart(3, '0')}` : '') +
    (parts.time ? `-T${parts.time}` : '');
  return fc.record({
    parts: fc.constant(parts),
    options: fc.record({
      suite: fc.constant(suite),
      key: fc.uint8Array({ minLength: 1, maxLength: 100 }),
      question: fc.string({ unit: fc.constantFrom(...ALPHABET[parts.format]), minLength: 4, maxLength: parts.length }),
      counter: parts.counter ? fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }) : fc.constant(undefined),
      pin: parts.pin ? fc.string() : fc.constant(undefined),
      session: parts.session ? fc.uint8Array({ maxLength: parts.session }) : fc.constant(undefined),
      timestamp: parts.time ? fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }) : fc.constant(undefined),
    }),
  });
});

describe('OCRA properties', () => {
  it('responds with exactly the suite digit count of decimal digits', () => {
    fc.assert(
      fc.property(suiteWithInputs, ({ parts, options }) => {
        expect(parseOcraSuite(options.suite).digits).toBe(parts.digits);
        expect(ocra(options)).toMatch(new RegExp(`^\\d{${parts.digits}}$`));
      }),
      // A fixed number of runs, never a time limit; fast-check prints the seed of a failing run to replay it.
      { numRuns: 100 },
    );
  }, 60_000);

  it('is deterministic and binds in the question', () => {
    fc.assert(
      fc.property(suiteWithInputs, ({ options }) => {
        expect(ocra(options)).toBe(ocra({ ...options }));
        const digits = parseOcraSuite(options.suite).digits;
        const other = options.question.endsWith('1') ? '2' : '1';
        const changed = `${options.question.slice(0, -1)}${other}`;
        // Different questions may still collide on a few digits; only the full MAC must differ.
        const full = options.suite.replace(`-${digits}:`, '-0:');
        expect(ocra({ ...options, suite: full, question: changed })).not.toBe(ocra({ ...options, suite: full }));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
