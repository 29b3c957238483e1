// The security headers every response of both hosts carries: the browser host's HTTP answers and Electron's app:// pages.
import { CONTENT_SECURITY_POLICY } from '../api/csp.js';

/**
 * One set for both hosts. The renderer's policy (main/api/csp.ts, with frame-ancestors, which only a
 * header can set); no MIME sniffing; never framed; no referrer; a window and its resources of its own
 * origin only.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});
