// The runner's reports: JUnit XML valid against the JUnit shape CI systems read, JSON, and the line reporter.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { runCli } from '../../../main/cli/program.js';
import { run } from './run.js';
import { SMS_SCENARIO } from './sms-scenario.js';


const xsd = readFileSync(new URL('./fixtures/junit.xsd', import.meta.url), 'utf8');
const validate = (xml: string) => validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });

const base = SMS_SCENARIO;

/** A scenario that passes, one whose expectation fails, and one that does not load. */
function mixedFolder(): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sls-report-'));
  const files = [
    ['a-pass.yaml', `${base.replace('name: t', 'name: a-pass')}script:\n  - login: { user: smsuser }\n  - wait: 5s\n  - enterCode: {}\nexpect:\n  - loggedIn: smsuser\n    within: 1m\n`],
    ['b-fail.yaml', `${base.replace('name: t', 'name: b-fail')}script:\n  - login: { user: smsuser }\n  - wait: 5s\n  - enterCode: {}\nexpect:\n  - notLoggedIn: smsuser\n`],
    ['c-broken.yaml', `${base}script:\n  - aprovePush: { method: faceid }\n`],
  ].map(([name, text]) => {
    const file = path.join(dir, name!);
    writeFileSync(file, text!);
    return file;
  });
  return { dir, files };
}

describe('run --reporter junit', () => {
  it('writes JUnit XML valid against the JUnit shape: <testsuites>, timestamps, times, the step log, a file that did not load as an error', async () => {
    const { dir } = mixedFolder();
    const out = path.join(dir, 'report.xml');
    const result = await run('run', dir, '--reporter', 'junit', '--junit', out);
    expect(result.code).toBe(1);
    const xml = result.stdout;
    expect(readFileSync(out, 'utf8')).toBe(xml);
    const validation = await validate(xml);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);

    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="sls-simulator scenarios" tests="3" failures="1" errors="1" skipped="0" time="\d+\.\d{3}" timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">/);
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    expect(xml).toMatch(/<testsuite name="[^"]+" tests="3" failures="1" errors="1" skipped="0" time="[\d.]+" timestamp="[^"]+" hostname="[^"]+" id="0">/);
    const cases = [...xml.matchAll(/<testcase name="([^"]+)"[^>]*>([\s\S]*?)<\/testcase>/g)].map((m) => ({ name: m[1], body: m[2]! }));
    expect(cases.map((c) => c.name)).toEqual(['a-pass', 'b-fail', 'c-broken.yaml']);
    // The step log with virtual times, the duration as written.
    expect(cases[0]!.body).toContain('<system-out>T — simulated 0:06 from 2026-03-02T14:30:00.000Z');
    expect(cases[0]!.body).toContain('[0:00] ✓ wait: 5s — 5 s\n[0:05] ✓ enterCode: {} — loggedIn');
    expect(cases[0]!.body).toContain('✓ expect loggedIn: smsuser, within: 1m — logged in as L1 by sms');
    expect(cases[0]!.body).not.toMatch(/<failure|<error/);
    expect(cases[1]!.body).toContain('<failure message="expected notLoggedIn: smsuser — logged in 1 time(s)" type="ScenarioFailure">');
    expect(cases[2]!.body).toMatch(/<error message="the scenario file did not load: [^"]*c-broken\.yaml:13:5: script\[0\]\.aprovePush: unknown step &quot;aprovePush&quot;; did you mean &quot;approvePush&quot;\?/);
    expect(cases[2]!.body).not.toContain('<system-out>');
  });

  it('is checked by a validator that refuses the old shape (a bare <testsuite> without timestamp)', async () => {
    const old = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="x" tests="1" failures="0">\n  <testcase classname="s" name="a" time="0.1"></testcase>\n</testsuite>\n';
    const validation = await validate(old);
    expect(validation.valid).toBe(false);
  });
});

describe('run --reporter json and line', () => {
  it('reports a file that did not load as an error, with no simulated time', async () => {
    const { dir } = mixedFolder();
    const result = await run('run', dir, '--reporter', 'json');
    const report = JSON.parse(result.stdout);
    expect({ passed: report.passed, failed: report.failed, errors: report.errors }).toEqual({ passed: 1, failed: 1, errors: 1 });
    expect(report.runs.map((r: { status: string }) => r.status)).toEqual(['passed', 'failed', 'error']);
    expect(report.runs[2]).toMatchObject({ simulatedMs: null, simulatedStart: null, steps: [] });
    expect(report.runs[0].expectations[0].detail).toBe('loggedIn: smsuser, within: 1m — logged in as L1 by sms');
    expect(Date.parse(report.runs[0].startedAt)).not.toBeNaN();

    const lines = await run('run', dir);
    expect(lines.stdout).toContain('✗ c-broken.yaml  did not load (1 problem)\n');
    expect(lines.stdout).not.toContain('simulated 0:00');
    expect(lines.stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed, 1 did not load');
  });

  it('shows a progress line per scenario on a terminal while a machine-readable report goes to stdout', async () => {
    const { dir } = mixedFolder();
    const capture = async (isTTY: boolean) => {
      let stdout = '';
      let stderr = '';
      await runCli(['run', dir, '--reporter', 'json'], {
        stdout: { write: (t: string) => (stdout += t), isTTY },
        stderr: { write: (t: string) => (stderr += t), isTTY },
      });
      return { stdout, stderr };
    };
    const terminal = await capture(true);
    expect(terminal.stderr).toBe('[1/3] ✓ a-pass\n[2/3] ✗ b-fail\n[3/3] ✗ c-broken.yaml (did not load)\n');
    expect(() => JSON.parse(terminal.stdout)).not.toThrow();
    const piped = await capture(false);
    expect(piped.stderr).toBe('');
  });

  it('refuses an unknown reporter as a usage error', async () => {
    const result = await run('run', 'scenarios/library/happy-sms.yaml', '--reporter', 'tap');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/'tap' is invalid.*line, json, junit/);
  });
});
