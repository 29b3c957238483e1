// `run`: plays scenario files on virtual time with no UI and checks each one's expectations.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ExitStatus, UsageError, type CliIo } from './args.js';
import { readScenarioFile } from '../host/scenario-files.js';
import { formatProblem } from '../sim/scenario/load.js';
import { Simulation } from '../sim/simulation.js';
import { runScript, type StepLog } from '../sim/script.js';
import { checkExpectations, type ExpectationResult } from '../sim/expect.js';

export interface ScenarioRun {
  file: string;
  name: string;
  title: string;
  ok: boolean;
  /** Problems loading the file, failed steps, failed expectations: what to read first. */
  failures: string[];
  steps: StepLog[];
  expectations: ExpectationResult[];
  simulatedMs: number;
  wallMs: number;
}

/** After the script, the runner lets time run on so timers (expiry, lockout) can show their effect. */
const SETTLE_MS = 1_000;

export function runScenarioFile(file: string): ScenarioRun {
  const t0 = performance.now();
  const loaded = readScenarioFile(file);
  if (!loaded.ok) {
    return { file, name: path.basename(file), title: '', ok: false, failures: loaded.problems.map(formatProblem), steps: [], expectations: [], simulatedMs: 0, wallMs: performance.now() - t0 };
  }
  const { scenario } = loaded;
  const sim = new Simulation(scenario);
  const start = sim.getClock().now;
  const steps = runScript(sim, scenario);
  sim.advance(SETTLE_MS);
  const expectations = checkExpectations(sim, scenario.expect);
  const failures = [
    ...steps.filter((s) => !s.ok).map((s) => `step ${s.index + 1} (${s.step}) failed: ${s.detail}`),
    ...expectations.filter((e) => !e.ok).map((e) => `expected ${e.detail}`),
  ];
  if (scenario.expect.length === 0) failures.push('the scenario has no expect section');
  return {
    file,
    name: scenario.name,
    title: scenario.title,
    ok: failures.length === 0,
    failures,
    steps,
    expectations,
    simulatedMs: sim.getClock().now - start,
    wallMs: performance.now() - t0,
  };
}

/** Files and folders → the YAML files to run, in a stable order. */
export function collectScenarioFiles(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      throw new UsageError(`${input}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      files.push(...readdirSync(input).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(input, f)));
    } else files.push(input);
  }
  if (files.length === 0) throw new UsageError('no scenario files found');
  return files;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function toJUnit(runs: readonly ScenarioRun[]): string {
  const failed = runs.filter((r) => !r.ok).length;
  const cases = runs.map((r) => {
    const body = r.ok ? '' : `<failure message="${escapeXml(r.failures[0] ?? 'failed')}">${escapeXml(r.failures.join('\n'))}</failure>`;
    return `  <testcase classname="scenarios" name="${escapeXml(r.name)}" file="${escapeXml(r.file)}" time="${(r.wallMs / 1000).toFixed(3)}">${body}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="sls-simulator scenarios" tests="${runs.length}" failures="${failed}">\n${cases.join('\n')}\n</testsuite>\n`;
}

const clockText = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

export function registerRunCommand(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('run scenario files (or folders of them) on virtual time and check their expectations')
    .argument('<paths...>', 'scenario files or folders')
    .option('--junit <file>', 'also write a JUnit XML report')
    .option('--json', 'print the results as JSON instead of text')
    .action((paths: string[], options: { junit?: string; json?: boolean }) => {
      const files = collectScenarioFiles(paths);
      const runs: ScenarioRun[] = [];
      for (const file of files) {
        const run = runScenarioFile(file);
        runs.push(run);
        if (!options.json) {
          io.stdout.write(`${run.ok ? '✓' : '✗'} ${run.name}  ${run.title}  (simulated ${clockText(run.simulatedMs)}, ${run.wallMs.toFixed(1)} ms)\n`);
          for (const failure of run.failures) io.stdout.write(`    ${failure}\n`);
        }
      }
      const failed = runs.filter((r) => !r.ok).length;
      if (options.junit) writeFileSync(options.junit, toJUnit(runs));
      if (options.json) io.stdout.write(`${JSON.stringify({ passed: runs.length - failed, failed, runs }, null, 2)}\n`);
      else io.stdout.write(`\n${runs.length - failed} passed, ${failed} failed\n`);
      if (failed > 0) throw new ExitStatus(1);
    });
}
