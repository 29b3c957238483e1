// The app:// protocol: files of dist/renderer only, with the security headers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appScheme, createAppProtocolHandler, resolveAppPath } from '../../../main/electron/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/security.js';

let root: string;
let renderer: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sls-protocol-'));
  renderer = path.join(root, 'dist', 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>SLS</title>');
  writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'dist', 'secret.txt'), 'not for pages');
  writeFileSync(path.join(root, 'dist', 'renderer-evil.txt'), 'sibling with a shared prefix');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the scheme', () => {
  it('is standard and secure, so pages get a real origin and the fetch API', () => {
    expect(appScheme).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});

describe('resolveAppPath', () => {
  it('maps app://sls/... into the renderer folder, / to index.html', () => {
    expect(resolveAppPath(renderer, 'app://sls/index.html#login')).toBe(path.join(renderer, 'index.html'));
    expect(resolveAppPath(renderer, 'app://sls/')).toBe(path.join(renderer, 'index.html'));
    expect(resolveAppPath(renderer, 'app://sls/assets/app.js?v=1')).toBe(path.join(renderer, 'assets', 'app.js'));
  });

  it.each([
    'app://sls/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://sls/%2e%2e%2frenderer-evil.txt',
    'app://sls/..%5c..%5csecret.txt',
    'app://sls/index.html%00.png',
    'app://sls/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://sls/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(renderer, url)).toBeNull();
  });

  it.each(['app://sls/../secret.txt', 'app://sls/%2e%2e/secret.txt', 'app://sls/assets/../../../renderer-evil.txt', 'app://sls//etc/passwd'])(
    'keeps %s inside the renderer folder',
    (url) => {
      // The URL parser already folds these dot segments; whatever is left must stay inside.
      const file = resolveAppPath(renderer, url);
      expect(file === null || file.startsWith(renderer + path.sep)).toBe(true);
    },
  );
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(renderer);

  it('serves a file with its type and the CSP header', async () => {
    const response = await handler()(new Request('app://sls/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>SLS</title>');
    const script = await handler()(new Request('app://sls/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 403 to a traversal and 404 to a missing file, both with the CSP header', async () => {
    const forbidden = await handler()(new Request('app://sls/assets/%2e%2e%2f%2e%2e%2fsecret.txt'));
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).not.toContain('not for pages');
    const missing = await handler()(new Request('app://sls/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves reads only', async () => {
    const response = await handler()(new Request('app://sls/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
