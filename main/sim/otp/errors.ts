// Input errors of the OTP algorithms, carrying the offending field so callers (CLI, sim) can name it.

/** A caller-supplied value the algorithm cannot use; `requirement` reads on from the field name. */
export class OtpInputError extends Error {
  override name = 'OtpInputError';
  readonly field: string;
  readonly requirement: string;

  constructor(field: string, requirement: string) {
    super(`${field} ${requirement}`);
    this.field = field;
    this.requirement = requirement;
  }
}

/** An OCRA suite string that does not follow the RFC 6287 grammar. */
export class OcraSuiteError extends OtpInputError {
  override name = 'OcraSuiteError';

  constructor(suite: string, problem: string) {
    super('suite', `${JSON.stringify(suite)} is invalid: ${problem}`);
  }
}
