// `npm run web`'s entry as a process: start-up line, refusal of a bad scenario (exit 2), clean stop on SIGTERM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { start, type Finished } from '../processes.js';

const root = path.resolve(import.meta.dirname, '../../..');
// tsx as a loader in one node process (not the tsx binary, which starts a second node): the signal reaches the host itself.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const entry = path.join(root, 'main', 'web', 'index.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'sls-web-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starting node and compiling the host with tsx takes seconds, many more on a loaded machine. */
const SPAWN_TEST_TIMEOUT = 90_000;

/** Runs the entry; `onLine` may stop it (SIGTERM) once a line of stdout arrives. It is killed if it outlives the test. */
function run(args: string[], onLine?: (line: string, stop: () => void) => void, env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  const child = start(process.execPath, ['--import', tsx, entry, ...args], {
    cwd: dir,
    env: { ...process.env, SLS_PORT: '', SLS_TOKEN: '', ...env },
    onLine: (line) => onLine?.(line, () => child.signal('SIGTERM')),
    killAfterMs: SPAWN_TEST_TIMEOUT - 10_000,
  });
  return child.finished;
}

describe('web entry', () => {
  it('prints its address and the control API token, serves, and stops cleanly on SIGTERM', async () => {
    let url = '';
    let token = '';
    let pageToken = '';
    const result = await run(['--port', '0', '--paused'], (line, stop) => {
      // The printed address carries the session secret, a different one from the control API's token.
      const address = /^SLS Simulator running at (http:\/\/127\.0\.0\.1:\d+\/)\?token=([A-Za-z0-9_-]{43})$/.exec(line);
      if (address) [url, pageToken] = [address[1]!, address[2]!];
      const printed = /^Control API token: ([A-Za-z0-9_-]{43})$/.exec(line);
      if (printed) token = printed[1]!;
      if (!url || !token || !line.includes('curl -H')) return;
      expect(line).toContain(`curl -H 'Authorization: Bearer ${token}' '${url}control/pending?username=smsuser'`);
      Promise.all([
        // As a browser does: open the printed address, keep its cookie, call an operation with it.
        fetch(`${url}?token=${pageToken}`, { redirect: 'manual' })
          .then((opened) => fetch(`${url}api/op/getClock`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: opened.headers.get('set-cookie')!.split(';', 1)[0]! }, body: '{}' }))
          .then((r) => r.json()),
        fetch(`${url}control/clock`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json()),
        fetch(`${url}control/clock`).then((r) => r.status),
      ])
        .then(([page, control, refused]: [{ value: { running: boolean } }, { value: { running: boolean } }, number]) => {
          expect(page.value.running).toBe(false);
          expect(control.value.running).toBe(false);
          expect(refused).toBe(401);
          expect(pageToken).not.toBe(token);
          stop();
        }, stop);
    });
    expect(url).not.toBe('');
    expect(token).not.toBe('');
    expect(result.code).toBe(0);
  }, SPAWN_TEST_TIMEOUT);

  it('lists every problem of a bad scenario as file:line:col: field: message and exits 2', async () => {
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'name: bad\nseed: 12\nusers:\n  - username: Alice\n    password: 1\n');
    const result = await run(['--port', '0', '--scenario', 'bad.yaml']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^.*bad\.yaml:\d+:\d+: [^:]+: .+$/);
  }, SPAWN_TEST_TIMEOUT);

  it('says so when the scenario file does not exist (exit 2)', async () => {
    const result = await run(['--scenario', 'missing.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing\.yaml:1:1: \(file\): file not found/);
  }, SPAWN_TEST_TIMEOUT);

  it('refuses a port that is not a number', async () => {
    const result = await run(['--port', 'eighty']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/port number from 0 to 65535/);
  }, SPAWN_TEST_TIMEOUT);

  it('with --print-json and a known token, prints one JSON line on stdout (everything else on stderr) and serves with that token', async () => {
    const known = 'tester-known-token-7Hq2Lm9Xc4Vb8Nz1Kd';
    let info: { host: string; port: number; url: string; origin: string; sessionToken: string; controlUrl: string; controlToken: string; scenario: string; pid: number } | null = null;
    const result = await run(['--port', '0', '--paused', '--print-json'], (line, stop) => {
      info = JSON.parse(line) as NonNullable<typeof info>;
      fetch(`${info.controlUrl}/clock`, { headers: { authorization: `Bearer ${known}` } })
        .then((r) => r.json())
        .then((clock: { value: { running: boolean } }) => {
          expect(clock.value.running).toBe(false);
          stop();
        }, stop);
    }, { SLS_TOKEN: known });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(info).toMatchObject({ host: 'web', controlToken: known, scenario: 'default', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/) });
    expect(info!.controlUrl).toBe(`http://127.0.0.1:${info!.port}/control`);
    expect(info!.url).toBe(`${info!.origin}?token=${info!.sessionToken}`);
    expect(info!.sessionToken).not.toBe(known);
    // The person's lines went to stderr, and they do not echo a token the user gave.
    expect(result.stderr).toContain('SLS Simulator running at');
    expect(result.stderr).toContain('Control API token: the one in SLS_TOKEN');
    expect(result.stderr).not.toContain(known);
  }, SPAWN_TEST_TIMEOUT);

  it('refuses a weak --token before listening, naming it (exit 2)', async () => {
    const result = await run(['--port', '0', '--token', 'letmein']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: --token: the control API token is too short \(7 characters; at least 32\)/);
  }, SPAWN_TEST_TIMEOUT);
});
