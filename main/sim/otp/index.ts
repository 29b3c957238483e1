// One-time-password algorithms (HOTP, TOTP, OCRA) and the IB Key emulation built on them.
export { OtpInputError, OcraSuiteError } from './errors.js';
export { hotp, dynamicTruncate, OTP_ALGORITHMS, type HotpOptions, type OtpAlgorithm } from './hotp.js';
export { totp, totpStep, type TotpOptions, type TotpStepOptions } from './totp.js';
export {
  ocra,
  ocraTimestamp,
  parseOcraSuite,
  OCRA_SUITE_GRAMMAR,
  type OcraOptions,
  type OcraSuite,
  type OcraQuestionFormat,
} from './ocra.js';
export { ibKeyResponse, IB_KEY_SUITE, type IbKeyResponseOptions } from './ib-key.js';
