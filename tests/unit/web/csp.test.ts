// One Content-Security-Policy (main/api/csp.ts): both hosts send it in their one set of headers, and the renderer's meta tag says the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../main/api/csp.js';
import { CONTENT_SECURITY_POLICY as electronPolicy } from '../../../main/electron/security.js';
import { SECURITY_HEADERS } from '../../../main/host/security-headers.js';

const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');

const directives = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);

describe('Content-Security-Policy', () => {
  it('is one constant, sent as a header by both hosts', () => {
    expect(electronPolicy).toBe(CONTENT_SECURITY_POLICY);
    // One set of headers (main/host/security-headers.ts): the browser host's answers and Electron's app:// pages.
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is the renderer meta tag\'s policy, plus frame-ancestors (which only a header can set)', () => {
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'renderer/index.html keeps its CSP meta tag').toBeDefined();
    expect(new Set(directives(meta!))).toEqual(new Set(directives(META_CONTENT_SECURITY_POLICY)));
    expect(new Set(directives(CONTENT_SECURITY_POLICY))).toEqual(new Set([...directives(meta!), "frame-ancestors 'none'"]));
  });

  it('allows no inline, eval\'d or remote script, and no plug-ins', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*(unsafe|https?:|\*)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(directives(CONTENT_SECURITY_POLICY)).toContain("object-src 'none'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
