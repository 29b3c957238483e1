// The security code read out by an automated call ("Didn't receive a security code?" → Voice).
import { codeFactor } from './security-code.js';

export const voiceCode = codeFactor('voice');
