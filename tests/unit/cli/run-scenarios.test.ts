// The headless runner: the built-in library passes; a failing or broken scenario says why and exits 1.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { SMS_SCENARIO } from './sms-scenario.js';


const tmp = () => mkdtempSync(path.join(tmpdir(), 'sls-run-'));

const base = SMS_SCENARIO;

describe('npm run cli -- run', () => {
  it('runs the whole built-in library green, with a line per scenario and a summary', async () => {
    const dir = tmp();
    const junit = path.join(dir, 'out.xml');
    const result = await run('run', 'scenarios/library', '--junit', junit);
    expect(result.stdout).not.toContain('✗');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^(\d+) passed, 0 failed$/);
    expect(Number(/^(\d+)/.exec(lines.at(-1)!)![1])).toBeGreaterThanOrEqual(40);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('failures="0"');
    expect(xml.match(/<testcase /g)!.length).toBeGreaterThanOrEqual(40);
  }, 180_000); // every scenario of the library, each a whole simulated login

  it('fails a scenario whose expectation does not hold, saying which, with exit code 1', async () => {
    const dir = tmp();
    const file = path.join(dir, 'wrong.yaml');
    writeFileSync(file, `${base}script:\n  - login: { user: smsuser }\n  - wait: 5s\n  - enterCode: {}\nexpect:\n  - notLoggedIn: smsuser\n`);
    const result = await run('run', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ t');
    expect(result.stdout).toContain('expected notLoggedIn: smsuser — logged in 1 time(s)');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('reports a step that cannot be done', async () => {
    const dir = tmp();
    const file = path.join(dir, 'step.yaml');
    writeFileSync(file, `${base}script:\n  - login: { user: smsuser }\n  - enterCode: {}\nexpect:\n  - loggedIn: smsuser\n`);
    const result = await run('run', file, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.failed).toBe(1);
    expect(report.runs[0].failures[0]).toBe('step 2 (enterCode) failed: no security code has reached iPhone');
  });

  it('reports a broken file with its line, and a missing path as a usage error', async () => {
    const dir = tmp();
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'name: t\ntitle: T\nseed: 1\nusers:\n  - username: smsuser\n    region: XX\n');
    const result = await run('run', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${file}:6:13: users[0].region: unknown value "XX" (valid: US, CA, EU, UK, CH, HK, IN, CN, JP, SG, AU)`);
    // Hostile YAML is a problem of the file too: its position, exit code 1, no stack trace.
    const hostile = path.join(dir, 'hostile.yaml');
    writeFileSync(hostile, `${base}description: *nowhere\n`);
    const refused = await run('run', hostile, path.join('scenarios', 'library', 'happy-sms.yaml'));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`✗ hostile.yaml`);
    expect(refused.stdout).toContain(`    ${hostile}:12:14: (syntax): unknown alias *nowhere (an anchor &nowhere must come before it)\n`);
    expect(refused.stdout).toContain('✓ happy-sms');
    expect(refused.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed, 1 did not load');
    expect(refused.stderr).toBe('');
    expect(refused.stdout).not.toMatch(/^\s+at /m);
    const missing = await run('run', path.join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: no such file or folder/);
  });
});
