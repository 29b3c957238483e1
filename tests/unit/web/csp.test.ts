// The renderer's meta-tag policy and the browser host's header must say the same thing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/web/security.js';

const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');

const directives = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);

describe('Content-Security-Policy', () => {
  it('is the meta tag\'s policy, plus frame-ancestors (which only a header can set)', () => {
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual([...directives(meta!), "frame-ancestors 'none'"]);
  });

  it('allows no inline or remote script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
