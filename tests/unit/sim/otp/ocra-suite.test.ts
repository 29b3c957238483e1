// Parsing OCRA suite strings: the typed description, and a clear error for each way a suite can be wrong.
import { describe, it, expect } from 'vitest';
import { parseOcraSuite, OcraSuiteError, OtpInputError } from '../../../../main/sim/otp/index.js';

describe('parseOcraSuite', () => {
  it('describes a minimal suite', () => {
    expect(parseOcraSuite('OCRA-1:HOTP-SHA1-6:QN08')).toEqual({
      text: 'OCRA-1:HOTP-SHA1-6:QN08',
      algorithm: 'sha1',
      digits: 6,
      counter: false,
      question: { format: 'N', maxLength: 8 },
      pin: null,
      sessionLength: null,
      timeStep: null,
    });
  });

  it('describes a suite using every data input', () => {
    expect(parseOcraSuite('OCRA-1:HOTP-SHA512-10:C-QH64-PSHA256-S512-T48H')).toEqual({
      text: 'OCRA-1:HOTP-SHA512-10:C-QH64-PSHA256-S512-T48H',
      algorithm: 'sha512',
      digits: 10,
      counter: true,
      question: { format: 'H', maxLength: 64 },
      pin: 'sha256',
      sessionLength: 512,
      timeStep: 48 * 3600,
    });
  });

  it.each([
    ['OCRA-1:HOTP-SHA256-8:QN06-PSHA1', { algorithm: 'sha256', digits: 8, pin: 'sha1' }],
    ['OCRA-1:HOTP-SHA1-0:QA04', { digits: 0, question: { format: 'A', maxLength: 4 } }],
    ['OCRA-1:HOTP-SHA1-4:QN08-T30S', { digits: 4, timeStep: 30 }],
    ['OCRA-1:HOTP-SHA1-6:QN08-T59M', { timeStep: 59 * 60 }],
    ['OCRA-1:HOTP-SHA1-6:QN08-S064', { sessionLength: 64 }],
    ['OCRA-1:HOTP-SHA1-6:C-QN08-T1M', { counter: true, timeStep: 60 }],
  ])('reads %s', (suite, fields) => {
    expect(parseOcraSuite(suite)).toMatchObject(fields);
  });

  const bad: ReadonlyArray<[string, RegExp]> = [
    ['', /expected 3 parts/],
    ['OCRA-1:HOTP-SHA1-6', /expected 3 parts separated by ':'.*found 2/],
    ['OCRA-1:HOTP-SHA1-6:QN08:X', /found 4/],
    ['OCRA-2:HOTP-SHA1-6:QN08', /version must be "OCRA-1", got "OCRA-2"/],
    ['ocra-1:HOTP-SHA1-6:QN08', /version must be "OCRA-1"/],
    ['OCRA-1:TOTP-SHA1-6:QN08', /crypto function must look like HOTP-SHA1-6, got "TOTP-SHA1-6"/],
    ['OCRA-1:HOTP-SHA1:QN08', /crypto function must look like/],
    ['OCRA-1:HOTP-MD5-6:QN08', /hash must be SHA1, SHA256 or SHA512, got "MD5"/],
    ['OCRA-1:HOTP-SHA384-6:QN08', /got "SHA384"/],
    ['OCRA-1:HOTP-constructor-6:QN08', /got "constructor"/],
    ['OCRA-1:HOTP-SHA1-6:QN08-Pconstructor', /got "Pconstructor"/],
    ['OCRA-1:HOTP-SHA1-3:QN08', /response length must be 0 or 4 to 10 digits, got "3"/],
    ['OCRA-1:HOTP-SHA1-11:QN08', /got "11"/],
    ['OCRA-1:HOTP-SHA1-06:QN08', /got "06"/],
    ['OCRA-1:HOTP-SHA1-6:', /empty field/],
    ['OCRA-1:HOTP-SHA1-6:QN08-', /empty field/],
    ['OCRA-1:HOTP-SHA1-6:C', /continue with Q\{A\|N\|H\}\{04\.\.64\}.*got ""/],
    ['OCRA-1:HOTP-SHA1-6:C-PSHA1', /continue with Q.*got "PSHA1"/],
    ['OCRA-1:HOTP-SHA1-6:QX08', /got "QX08"/],
    ['OCRA-1:HOTP-SHA1-6:QN8', /got "QN8"/],
    ['OCRA-1:HOTP-SHA1-6:QN03', /question length must be 04 to 64, got "03"/],
    ['OCRA-1:HOTP-SHA1-6:QN65', /question length must be 04 to 64, got "65"/],
    ['OCRA-1:HOTP-SHA1-6:QN08-C', /unknown data input field "C"/],
    ['OCRA-1:HOTP-SHA1-6:QN08-X1', /unknown data input field "X1"/],
    ['OCRA-1:HOTP-SHA1-6:QN08-PMD5', /PIN hash must be PSHA1, PSHA256 or PSHA512, got "PMD5"/],
    ['OCRA-1:HOTP-SHA1-6:QN08-S64', /session field must be S followed by 3 digits/],
    ['OCRA-1:HOTP-SHA1-6:QN08-S000', /session field/],
    ['OCRA-1:HOTP-SHA1-6:QN08-T', /time-step field must be T\{n\}\{S\|M\|H\}/],
    ['OCRA-1:HOTP-SHA1-6:QN08-T0M', /time-step field/],
    ['OCRA-1:HOTP-SHA1-6:QN08-T1D', /time-step field/],
    ['OCRA-1:HOTP-SHA1-6:QN08-T60S', /"T60S" is too large: at most 59 seconds/],
    ['OCRA-1:HOTP-SHA1-6:QN08-T49H', /at most 48 hours/],
    ['OCRA-1:HOTP-SHA1-6:QN08-T1M-PSHA1', /order C, Q, P, S, T; "PSHA1" is out of place/],
    ['OCRA-1:HOTP-SHA1-6:QN08-PSHA1-PSHA1', /once each/],
    ['OCRA-1:HOTP-SHA1-6:QN08-S064-PSHA1', /"PSHA1" is out of place/],
  ];

  it.each(bad)('rejects %j', (suite, message) => {
    let error: unknown;
    try {
      parseOcraSuite(suite);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OcraSuiteError);
    expect(error).toBeInstanceOf(OtpInputError);
    expect((error as OcraSuiteError).field).toBe('suite');
    expect((error as OcraSuiteError).message).toContain(`suite ${JSON.stringify(suite)} is invalid: `);
    expect((error as OcraSuiteError).message).toMatch(message);
  });
});
