// `npm run web -- --import <file> --export-on-exit <file>` as a process: the world saved when the host stops, and started again from it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../../main/sim/scenario/load.js';
import { start, type Finished } from '../processes.js';

const root = path.resolve(import.meta.dirname, '../../..');
// tsx as a loader in one node process (not the tsx binary, which starts a second node): the signal reaches the host itself.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const entry = path.join(root, 'main', 'web', 'index.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'sls-saved-world-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starting node and compiling the host with tsx takes seconds, many more on a loaded machine. */
const SPAWN_TEST_TIMEOUT = 120_000;
const TOKEN = 'saved-world-test-token-3Fq8Lm2Xc7Vb1Nz';

interface StartLine {
  controlUrl: string;
}

/**
 * Runs the host with --print-json and the known token; once it listens, `whileUp` drives it through the
 * control API, then the host gets `signal`. The process group is killed after the test, passed or failed.
 */
function run(args: string[], whileUp?: (control: (route: string, body?: unknown) => Promise<unknown>) => Promise<void>, signal: NodeJS.Signals = 'SIGTERM'): Promise<Finished> {
  const child = start(process.execPath, ['--import', tsx, entry, '--port', '0', '--paused', '--print-json', ...args], {
    cwd: dir,
    env: { ...process.env, SLS_PORT: '', SLS_TOKEN: TOKEN },
    killAfterMs: SPAWN_TEST_TIMEOUT - 10_000,
    onLine: (line) => {
      const { controlUrl } = JSON.parse(line) as StartLine;
      const control = async (route: string, body?: unknown) => {
        const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
        const reply = await fetch(`${controlUrl}${route}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${TOKEN}` } });
        return ((await reply.json()) as { value: unknown }).value;
      };
      (whileUp ?? (async () => {}))(control).finally(() => child.signal(signal));
    },
  });
  return child.finished;
}

describe('saved worlds on the browser host', () => {
  it('saves the world on SIGTERM, starts from it with --import, and saves it again on SIGINT', async () => {
    const saved = path.join(dir, 'world.yaml');
    let before: unknown = null;
    const first = await run(['--export-on-exit', 'world.yaml'], async (control) => {
      await control('/phones/sms-phone/state', { airplane: true, battery: 33 });
      await control('/users/ibkeyios/seamless', { enabled: false });
      await control('/clock/advance', { ms: 5 * 60_000 });
      before = await control('/world');
    });
    expect(first.stderr).toContain(`Saved the world to ${saved}`);
    expect(first.code).toBe(0);
    const text = readFileSync(saved, 'utf8');
    const parsed = parseScenario(text, 'world.yaml');
    expect(parsed.ok).toBe(true);
    expect(text).toMatch(/^# Saved world: scenario "default" at 2026-03-02T14:35:00\.000Z/);
    // Only the user may read it (it holds the passwords); no temporary file is left beside it.
    expect(statSync(saved).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    let after: { clock: { now: number }; users: { username: string; seamless: boolean }[] } | null = null;
    let phone: { status: { airplane: boolean; battery: number } } | null = null;
    const second = await run(['--import', 'world.yaml', '--export-on-exit', 'again.yaml'], async (control) => {
      after = (await control('/world')) as NonNullable<typeof after>;
      phone = (await control('/phones/sms-phone')) as NonNullable<typeof phone>;
    }, 'SIGINT');
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('imported from world.yaml');
    const { clock: c1, ...w1 } = before as { clock: { now: number } };
    const { clock: c2, ...w2 } = after!;
    expect(w2).toEqual(w1);
    expect(c2.now).toBe(c1.now);
    expect(phone!.status).toMatchObject({ airplane: true, battery: 33 });
    expect(after!.users.find((u) => u.username === 'ibkeyios')!.seamless).toBe(false);
    // Nothing happened in between: the second export is the first, a fixed point.
    expect(readFileSync(path.join(dir, 'again.yaml'), 'utf8')).toBe(text);
  }, SPAWN_TEST_TIMEOUT);

  it('refuses a bad --import with every problem as file:line:column and exits 2, before listening', async () => {
    writeFileSync(path.join(dir, 'bad-world.yaml'), 'name: bad\nseed: 1\nstart: yesterday\nusers:\n  - username: X\n    password: 1\nresume: { ids: { L: -1 } }\n');
    const result = await run(['--import', 'bad-world.yaml', '--export-on-exit', 'never.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line).toMatch(/^bad-world\.yaml:\d+:\d+: [^:]+: .+$/);
    expect(result.stderr).toMatch(/resume\.ids\.L: /);
    expect(existsSync(path.join(dir, 'never.yaml'))).toBe(false);
  }, SPAWN_TEST_TIMEOUT);

  it('refuses --import with --scenario, and an export into a folder that does not exist (exit 2)', async () => {
    const both = await run(['--import', 'world.yaml', '--scenario', 'other.yaml']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--import and --scenario both name the world/);
    const nowhere = await run(['--export-on-exit', 'no/such/folder/world.yaml']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/--export-on-exit: the folder .*no\/such\/folder does not exist/);
  }, SPAWN_TEST_TIMEOUT);
});
