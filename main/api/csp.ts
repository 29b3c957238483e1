// The renderer's Content-Security-Policy, one constant for both hosts (app:// in Electron, http:// in a browser).

/**
 * Sent as a header by both hosts, in addition to renderer/index.html's meta tag (which says the same
 * minus frame-ancestors, a directive only a header can carry), so a page that lost its meta tag is
 * still covered. No inline or remote script; Svelte's inline style attributes are allowed. Reading a
 * dropped file with File.text() is not a fetch, so connect-src 'self' does not stand in its way.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.join('; ');

/** The directives a `<meta http-equiv>` tag may carry (frame-ancestors is ignored there). */
export const META_CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
