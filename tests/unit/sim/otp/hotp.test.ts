// RFC 4226 appendix D vectors and input checks for HOTP.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dynamicTruncate, hmac, uint64 } from '../../../../main/sim/otp/hotp.js';
import { hotp, OtpInputError } from '../../../../main/sim/otp/index.js';
import { KEY20 } from './keys.js';

// Appendix D: count, intermediate HMAC-SHA-1, truncated value (hex and decimal), HOTP.
const APPENDIX_D: ReadonlyArray<[number, string, string, number, string]> = [
  [0, 'cc93cf18508d94934c64b65d8ba7667fb7cde4b0', '4c93cf18', 1284755224, '755224'],
  [1, '75a48a19d4cbe100644e8ac1397eea747a2d33ab', '41397eea', 1094287082, '287082'],
  [2, '0bacb7fa082fef30782211938bc1c5e70416ff44', '82fef30', 137359152, '359152'],
  [3, '66c28227d03a2d5529262ff016a1e6ef76557ece', '66ef7655', 1726969429, '969429'],
  [4, 'a904c900a64b35909874b33e61c5938a8e15ed1c', '61c5938a', 1640338314, '338314'],
  [5, 'a37e783d7b7233c083d4f62926c7a25f238d0316', '33c083d4', 868254676, '254676'],
  [6, 'bc9cd28561042c83f219324d3c607256c03272ae', '7256c032', 1918287922, '287922'],
  [7, 'a4fb960c0bc06e1eabb804e5b397cdc4b45596fa', '4e5b397', 82162583, '162583'],
  [8, '1b3c89f65e6c9e883012052823443f048b4332db', '2823443f', 673399871, '399871'],
  [9, '1637409809a679dc698207310c8c7fc07290d9e5', '2679dc69', 645520489, '520489'],
];

describe('HOTP (RFC 4226 appendix D)', () => {
  it.each(APPENDIX_D)('count %i', (count, mac, truncatedHex, truncated, expected) => {
    const digest = hmac('sha1', KEY20, uint64(count, 'counter'));
    expect(digest.toString('hex')).toBe(mac);
    expect(dynamicTruncate(digest).toString(16)).toBe(truncatedHex);
    expect(dynamicTruncate(digest)).toBe(truncated);
    expect(hotp({ key: KEY20, counter: count })).toBe(expected);
  });

  it('accepts the counter as a bigint', () => {
    expect(hotp({ key: KEY20, counter: 9n })).toBe('520489');
  });

  it('keeps more digits of the same truncated value when asked', () => {
    expect(hotp({ key: KEY20, counter: 0, digits: 8 })).toBe('84755224');
    expect(hotp({ key: KEY20, counter: 7, digits: 10 })).toBe('0082162583');
  });

  it('accepts the largest 64-bit counter', () => {
    expect(hotp({ key: KEY20, counter: (1n << 64n) - 1n })).toMatch(/^\d{6}$/);
  });
});

describe('HOTP input checks', () => {
  const cases: ReadonlyArray<[string, Parameters<typeof hotp>[0], string, RegExp]> = [
    ['an empty key', { key: Buffer.alloc(0), counter: 0 }, 'key', /non-empty/],
    ['a negative counter', { key: KEY20, counter: -1 }, 'counter', /0 to 2\^64-1/],
    ['a counter of 2^64', { key: KEY20, counter: 1n << 64n }, 'counter', /0 to 2\^64-1/],
    ['a fractional counter', { key: KEY20, counter: 1.5 }, 'counter', /whole number/],
    ['5 digits', { key: KEY20, counter: 0, digits: 5 }, 'digits', /6 to 10/],
    ['11 digits', { key: KEY20, counter: 0, digits: 11 }, 'digits', /6 to 10/],
    ['an unknown hash', { key: KEY20, counter: 0, algorithm: 'md5' as 'sha1' }, 'algorithm', /sha1, sha256 or sha512/],
  ];

  it.each(cases)('rejects %s', (_name, options, field, message) => {
    let error: unknown;
    try {
      hotp(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OtpInputError);
    expect((error as OtpInputError).field).toBe(field);
    expect((error as OtpInputError).message).toMatch(message);
  });
});

describe('HOTP properties', () => {
  it('always gives exactly the requested number of decimal digits', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 6, max: 10 }),
        fc.constantFrom('sha1' as const, 'sha256' as const, 'sha512' as const),
        (key, counter, digits, algorithm) => {
          expect(hotp({ key, counter, digits, algorithm })).toMatch(new RegExp(`^\\d{${digits}}$`));
        },
      ),
      // A fixed number of runs, never a time limit; fast-check prints the seed of a failing run to replay it.
      { numRuns: 100 },
    );
  }, 60_000);
});
