// One-time-password algorithms (HOTP, TOTP, OCRA) and the IB Key emulation built on them.
export { OtpInputError, OcraSuiteError } from './errors.js';
export { hotp, type OtpAlgorithm } from './hotp.js';
export { totp, totpStep } from './totp.js';
export { ocra, ocraTimestamp, type OcraOptions } from './ocra.js';
export { parseOcraSuite, type OcraSuite } from './ocra-suite.js';
export { ibKeyResponse, IB_KEY_SUITE } from './ib-key.js';
