// `run`: plays scenario files on virtual time with no UI and checks each one's expectations.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ExitStatus, UsageError, type CliIo } from './args.js';
import { readScenarioFile } from '../host/scenario-files.js';
import { formatProblem } from '../sim/scenario/load.js';
import { Simulation } from '../sim/simulation.js';
import { runScript } from '../sim/script.js';
import { checkExpectations } from '../sim/expect.js';
import { REPORTERS, progressLine, summaryLine, toJUnit, toJson, toLines, type ReporterName, type ScenarioRun } from './run-report.js';

/** After the script, the runner lets time run on so timers (expiry, lockout) can show their effect. */
const SETTLE_MS = 1_000;

export function runScenarioFile(file: string): ScenarioRun {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const loaded = readScenarioFile(file);
  if (!loaded.ok) {
    const failures = loaded.problems.map(formatProblem);
    return { file, name: path.basename(file), title: '', status: 'error', ok: false, failures, steps: [], expectations: [], startedAt, simulatedStart: null, simulatedMs: null, wallMs: performance.now() - t0 };
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
    status: failures.length === 0 ? 'passed' : 'failed',
    ok: failures.length === 0,
    failures,
    steps,
    expectations,
    startedAt,
    simulatedStart: new Date(start).toISOString(),
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

interface RunOptions {
  reporter?: ReporterName;
  junit?: string;
  json?: boolean;
}

export function registerRunCommand(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('run scenario files (or folders of them) on virtual time and check their expectations')
    .argument('<paths...>', 'scenario files or folders')
    .addOption(new Option('--reporter <name>', 'what to print: a line per scenario, JSON, or JUnit XML').choices(REPORTERS).default('line'))
    .option('--junit <file>', 'also write a JUnit XML report to this file')
    .option('--json', 'the same as --reporter json')
    .action((paths: string[], options: RunOptions) => {
      const reporter: ReporterName = options.json ? 'json' : (options.reporter ?? 'line');
      const files = collectScenarioFiles(paths);
      const started = new Date();
      const runs: ScenarioRun[] = [];
      for (const [i, file] of files.entries()) {
        const run = runScenarioFile(file);
        runs.push(run);
        if (reporter === 'line') io.stdout.write(toLines(run));
        // A machine-readable report keeps stdout to itself; a person at a terminal still sees progress.
        else if (io.stderr.isTTY) io.stderr.write(progressLine(run, i + 1, files.length));
      }
      const wallMs = Date.now() - started.getTime();
      if (options.junit) writeFileSync(options.junit, toJUnit(runs, started, wallMs));
      if (reporter === 'json') io.stdout.write(toJson(runs));
      else if (reporter === 'junit') io.stdout.write(toJUnit(runs, started, wallMs));
      else io.stdout.write(`\n${summaryLine(runs)}\n`);
      if (runs.some((r) => !r.ok)) throw new ExitStatus(1);
    });
}
