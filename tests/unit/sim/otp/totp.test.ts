// RFC 6238 appendix B vectors and input checks for TOTP.
import { describe, it, expect } from 'vitest';
import { totp, totpStep, OtpInputError, type OtpAlgorithm } from '../../../../main/sim/otp/index.js';
import { KEY20, KEY32, KEY64 } from './keys.js';

const SEEDS: Record<OtpAlgorithm, Buffer> = { sha1: KEY20, sha256: KEY32, sha512: KEY64 };

// Appendix B: time (s), T as 16 hex digits, TOTP (8 digits, 30 s step, T0 = 0), mode.
const APPENDIX_B: ReadonlyArray<[number, string, string, OtpAlgorithm]> = [
  [59, '0000000000000001', '94287082', 'sha1'],
  [59, '0000000000000001', '46119246', 'sha256'],
  [59, '0000000000000001', '90693936', 'sha512'],
  [1111111109, '00000000023523EC', '07081804', 'sha1'],
  [1111111109, '00000000023523EC', '68084774', 'sha256'],
  [1111111109, '00000000023523EC', '25091201', 'sha512'],
  [1111111111, '00000000023523ED', '14050471', 'sha1'],
  [1111111111, '00000000023523ED', '67062674', 'sha256'],
  [1111111111, '00000000023523ED', '99943326', 'sha512'],
  [1234567890, '000000000273EF07', '89005924', 'sha1'],
  [1234567890, '000000000273EF07', '91819424', 'sha256'],
  [1234567890, '000000000273EF07', '93441116', 'sha512'],
  [2000000000, '0000000003F940AA', '69279037', 'sha1'],
  [2000000000, '0000000003F940AA', '90698825', 'sha256'],
  [2000000000, '0000000003F940AA', '38618901', 'sha512'],
  [20000000000, '0000000027BC86AA', '65353130', 'sha1'],
  [20000000000, '0000000027BC86AA', '77737706', 'sha256'],
  [20000000000, '0000000027BC86AA', '47863826', 'sha512'],
];

describe('TOTP (RFC 6238 appendix B)', () => {
  it.each(APPENDIX_B)('time %i, T=%s → %s (%s)', (time, stepHex, expected, algorithm) => {
    expect(totpStep({ time })).toBe(Number.parseInt(stepHex, 16));
    expect(totp({ key: SEEDS[algorithm], time, algorithm, digits: 8 })).toBe(expected);
  });
});

describe('TOTP steps', () => {
  it('counts whole steps since T0', () => {
    expect(totpStep({ time: 29 })).toBe(0);
    expect(totpStep({ time: 30 })).toBe(1);
    expect(totpStep({ time: 100, step: 60, t0: 40 })).toBe(1);
  });

  it('gives the same code throughout a step', () => {
    expect(totp({ key: KEY20, time: 30 })).toBe(totp({ key: KEY20, time: 59 }));
  });

  it('gives 6 digits unless told otherwise (RFC 6238 §5.3)', () => {
    expect(totp({ key: KEY20, time: 59 })).toBe('287082');
  });

  it('honours T0 and the step size', () => {
    expect(totp({ key: KEY20, time: 1059, t0: 1000, digits: 8 })).toBe('94287082');
    expect(totp({ key: KEY20, time: 119, step: 60, digits: 6 })).toBe('287082');
  });

  it.each([
    [{ time: 10, step: 0 }, 'step'],
    [{ time: 10, step: -30 }, 'step'],
    [{ time: Number.NaN }, 'time'],
    [{ time: 10, t0: 20 }, 'time'],
  ])('rejects %o naming %s', (options, field) => {
    expect(() => totpStep(options)).toThrow(OtpInputError);
    expect(() => totpStep(options)).toThrow(new RegExp(`^${field} `));
  });
});
