// The seeds of RFC 4226 / 6238 / 6287 test vectors, shared by the OTP tests.

/** 20 bytes: ASCII "12345678901234567890". */
export const KEY20 = Buffer.from('12345678901234567890', 'ascii');
/** 32 bytes: ASCII "12345678901234567890123456789012". */
export const KEY32 = Buffer.from('12345678901234567890123456789012', 'ascii');
/** 64 bytes: the digits 1234567890 repeated to 64 characters. */
export const KEY64 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii');
/** RFC 6287 appendix C's PIN and its SHA-1 hash. */
export const PIN = '1234';
export const PIN_SHA1 = '7110eda4d09e062aa5e4a390b0a572ac0d2c0220';
