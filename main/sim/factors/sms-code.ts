// The security code by text message: the factor of an SMS device, and the channel a login starts on.
import { codeFactor } from './security-code.js';

export const smsCode = codeFactor('sms');
