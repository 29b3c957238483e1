// npm test: everything CI runs — type check, lint, unit tests, end-to-end in Chromium and Electron —
// then one closing line summing every suite: "N passed, N failed, N skipped", preceded by the name of every failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const out = '.tmp/test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const tally = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
/** Every failed test or check by name ("suite: file › title"), listed just above the closing line. */
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false });
  return result.status ?? 1;
}

/** A check with no test count of its own (type check, lint, build) counts as one test. */
function check(label, command, args) {
  const status = run(label, command, args);
  if (status === 0) tally.passed++;
  else tally.failed++;
  lines.push(`${label}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`}`);
  if (status !== 0) failures.push(`${label}: exit ${status}`);
  return status === 0;
}

function countVitest(label, file, status) {
  if (!existsSync(file)) {
    tally.failed++;
    lines.push(`${label}: no report (exit ${status})`);
    failures.push(`${label}: no report (exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const named = failures.length;
  for (const result of report.testResults) {
    const where = path.relative(process.cwd(), result.name);
    const failed = result.assertionResults.filter((a) => a.status === 'failed');
    for (const a of failed) failures.push(`${label}: ${where} › ${[...a.ancestorTitles, a.title].join(' › ')}`);
    // A file that fails outside any test (an import error, a failing hook) has no failed assertion to name.
    if (failed.length === 0 && result.status === 'failed') failures.push(`${label}: ${where} (${firstLine(result.message) || 'failed outside its tests'})`);
  }
  const passed = report.numPassedTests;
  const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  if (status !== 0 && failures.length === named) failures.push(`${label}: exit ${status} with no failed test reported`);
  const skipped = report.numPendingTests + report.numTodoTests;
  tally.passed += passed;
  tally.failed += failed;
  tally.skipped += skipped;
  lines.push(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

/** `dir`: the config's folder, which its specs' paths in the report are relative to (testDir is '.'). */
function countPlaywright(label, file, status, dir) {
  if (!existsSync(file)) {
    tally.failed++;
    lines.push(`${label}: no report (exit ${status})`);
    failures.push(`${label}: no report (exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const { stats } = report;
  const named = failures.length;
  for (const { spec, titles } of playwrightSpecs(report.suites ?? [], [])) {
    if (spec.tests.some((t) => t.status === 'unexpected')) failures.push(`${label}: ${path.join(dir, spec.file)}:${spec.line} › ${[...titles, spec.title].join(' › ')}`);
  }
  // Errors outside any test (global setup, a spec that does not load).
  for (const error of report.errors ?? []) failures.push(`${label}: ${firstLine(error.message) || 'error outside the tests'}`);
  if (status !== 0 && failures.length === named) failures.push(`${label}: exit ${status} with no failed test reported`);
  const passed = stats.expected + stats.flaky;
  const failed = stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  tally.passed += passed;
  tally.failed += failed;
  tally.skipped += stats.skipped;
  lines.push(`${label}: ${passed} passed, ${failed} failed, ${stats.skipped} skipped${stats.flaky ? ` (${stats.flaky} flaky)` : ''}`);
}

/** Playwright's report nests suites (file, describe blocks); yields each spec with the describe titles above it. */
function* playwrightSpecs(suites, titles) {
  for (const suite of suites) {
    // The top-level suite is the file, already named by spec.file.
    const inner = suite.file && suite.title === suite.file ? titles : [...titles, suite.title];
    for (const spec of suite.specs ?? []) yield { spec, titles: inner };
    yield* playwrightSpecs(suite.suites ?? [], inner);
  }
}

function firstLine(text) {
  // eslint-disable-next-line no-control-regex -- reports keep the terminal's colour codes
  return (text ?? '').replace(/\u001b\[[0-9;]*m/g, '').trim().split('\n')[0] ?? '';
}

const npx = (...args) => ['npx', args];

check('typecheck', ...npx('tsc', '--noEmit', '-p', 'tsconfig.json'));
check('svelte-check', ...npx('svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'));
check('lint', ...npx('eslint', '.', '--max-warnings', '0'));
check('import cycles', 'npm', ['run', '--silent', 'lint:cycles']);
check('dead code', 'npm', ['run', '--silent', 'lint:dead']);

const unitReport = path.join(out, 'unit.json');
countVitest('unit', unitReport, run('unit tests', ...npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`)));

// The headless runner over the whole built-in scenario library: each scenario counts as a test.
{
  const result = spawnSync('npx', ['tsx', 'main/cli/index.ts', 'run', 'scenarios/library', '--json', '--junit', path.join(out, 'scenarios.xml')], { encoding: 'utf8' });
  console.log('\n━━ scenario library: npm run cli -- run scenarios/library');
  try {
    const { passed, failed, runs } = JSON.parse(result.stdout);
    for (const r of runs) console.log(`${r.ok ? '✓' : '✗'} ${r.name}${r.ok ? '' : `\n    ${r.failures.join('\n    ')}`}`);
    for (const r of runs) if (!r.ok) failures.push(`scenario library: ${r.name}`);
    tally.passed += passed;
    tally.failed += failed;
    lines.push(`scenario library: ${passed} passed, ${failed} failed`);
  } catch {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    tally.failed++;
    lines.push(`scenario library: no report (exit ${result.status})`);
    failures.push(`scenario library: no report (exit ${result.status})`);
  }
}

if (check('build', 'npm', ['run', 'build:only'])) {
  for (const [label, config] of [
    ['e2e (Chromium, browser host)', 'tests/e2e/playwright.config.ts'],
    ['e2e (Electron)', 'tests/electron/playwright.config.ts'],
  ]) {
    // Playwright resolves a relative report path against the config's folder: give it an absolute one.
    const report = path.resolve(out, `${path.basename(path.dirname(config))}.json`);
    const status = run(label, ...npx('playwright', 'test', '-c', config, '--reporter=list,json'), { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
    countPlaywright(label, report, status, path.dirname(config));
  }
}

console.log('\n━━ summary');
for (const line of lines) console.log(`  ${line}`);
if (failures.length > 0) {
  console.log('\n━━ failed');
  for (const failure of failures) console.log(`  ✗ ${failure}`);
}
console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exitCode = tally.failed > 0 ? 1 : 0;
