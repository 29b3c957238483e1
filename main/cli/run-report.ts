// What `run` prints: a line per scenario for people, JSON for scripts, JUnit XML for CI systems.
import { hostname } from 'node:os';
import path from 'node:path';
import type { ExpectationResult } from '../sim/expect.js';
import type { StepLog } from '../sim/script.js';

/** One scenario file's run, as every reporter reads it. */
export interface ScenarioRun {
  file: string;
  name: string;
  title: string;
  /** `error`: the file did not load, so nothing ran; `failed`: a step or an expectation failed. */
  status: 'passed' | 'failed' | 'error';
  ok: boolean;
  /** Problems loading the file, failed steps, failed expectations: what to read first. */
  failures: string[];
  steps: StepLog[];
  expectations: ExpectationResult[];
  /** When the run began, on the wall clock (ISO 8601, UTC). */
  startedAt: string;
  /** The scenario's own start on virtual time (its `start`); null when the file did not load. */
  simulatedStart: string | null;
  /** Virtual time the run took; null when the file did not load. */
  simulatedMs: number | null;
  wallMs: number;
}

export const REPORTERS = ['line', 'json', 'junit'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** Virtual time as the timeline writes it: m:ss. */
const clockText = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;
const mark = (run: ScenarioRun) => (run.status === 'passed' ? '✓' : '✗');

/** The scenario's line and, under it, what failed. */
export function toLines(run: ScenarioRun): string {
  const head =
    run.status === 'error'
      ? `${mark(run)} ${run.name}  did not load (${run.failures.length} problem${run.failures.length === 1 ? '' : 's'})`
      : `${mark(run)} ${run.name}  ${run.title}  (simulated ${clockText(run.simulatedMs ?? 0)}, ${run.wallMs.toFixed(1)} ms)`;
  return [head, ...run.failures.map((f) => `    ${f}`)].map((line) => `${line}\n`).join('');
}

export function progressLine(run: ScenarioRun, index: number, total: number): string {
  return `[${index}/${total}] ${mark(run)} ${run.name}${run.status === 'error' ? ' (did not load)' : ''}\n`;
}

function counts(runs: readonly ScenarioRun[]) {
  return {
    passed: runs.filter((r) => r.status === 'passed').length,
    failed: runs.filter((r) => r.status === 'failed').length,
    errors: runs.filter((r) => r.status === 'error').length,
  };
}

export function summaryLine(runs: readonly ScenarioRun[]): string {
  const { passed, failed, errors } = counts(runs);
  return `${passed} passed, ${failed} failed${errors ? `, ${errors} did not load` : ''}`;
}

export function toJson(runs: readonly ScenarioRun[]): string {
  return `${JSON.stringify({ ...counts(runs), runs }, null, 2)}\n`;
}

const escapeXml = (s: string) =>
  // Characters XML 1.0 cannot hold at all (control characters other than tab and new lines) are dropped.
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const seconds = (ms: number) => (ms / 1000).toFixed(3);
/** ISO 8601 to the second, as JUnit readers expect (`2026-03-02T14:30:00Z`). */
const stamp = (iso: string) => `${iso.slice(0, 19)}Z`;

/** The steps and expectations with their virtual time, for the test case's <system-out>. */
function stepLog(run: ScenarioRun): string {
  const start = Date.parse(run.simulatedStart!);
  const lines = [`${run.title} — simulated ${clockText(run.simulatedMs!)} from ${run.simulatedStart}, ${run.wallMs.toFixed(1)} ms`];
  for (const step of run.steps) lines.push(`[${clockText(step.at - start)}] ${step.ok ? '✓' : '✗'} ${step.written} — ${step.detail}`);
  for (const e of run.expectations) lines.push(`${e.ok ? '✓' : '✗'} expect ${e.detail}`);
  return lines.join('\n');
}

function testCase(run: ScenarioRun, classname: string): string {
  const attrs = `name="${escapeXml(run.name)}" classname="${escapeXml(classname)}" time="${seconds(run.wallMs)}" file="${escapeXml(run.file)}"`;
  let verdict = '';
  if (run.status === 'error') {
    verdict = `\n      <error message="${escapeXml(`the scenario file did not load: ${run.failures[0] ?? ''}`)}" type="ScenarioFileError">${escapeXml(run.failures.join('\n'))}</error>`;
  } else if (run.status === 'failed') {
    verdict = `\n      <failure message="${escapeXml(run.failures[0] ?? 'failed')}" type="ScenarioFailure">${escapeXml(run.failures.join('\n'))}</failure>`;
  }
  // A file that did not load has no step log: its problems are the <error> itself.
  const out = run.status === 'error' ? '' : `\n      <system-out>${escapeXml(stepLog(run))}</system-out>`;
  return `    <testcase ${attrs}>${verdict}${out}\n    </testcase>`;
}

/** One <testsuite> per folder of scenario files, inside one <testsuites>, as JUnit readers expect. */
export function toJUnit(runs: readonly ScenarioRun[], started: Date, wallMs: number): string {
  const folders = new Map<string, ScenarioRun[]>();
  for (const run of runs) {
    const folder = path.dirname(run.file).split(path.sep).join('/');
    folders.set(folder, [...(folders.get(folder) ?? []), run]);
  }
  const host = escapeXml(hostname() || 'localhost');
  const suites = [...folders].map(([folder, group], id) => {
    const { failed, errors } = counts(group);
    const classname = folder.replace(/^\.\//, '').replace(/[/\\]/g, '.') || 'scenarios';
    const time = group.reduce((sum, r) => sum + r.wallMs, 0);
    return [
      `  <testsuite name="${escapeXml(folder)}" tests="${group.length}" failures="${failed}" errors="${errors}" skipped="0" time="${seconds(time)}" timestamp="${stamp(group[0]!.startedAt)}" hostname="${host}" id="${id}">`,
      ...group.map((run) => testCase(run, classname)),
      '  </testsuite>',
    ].join('\n');
  });
  const { failed, errors } = counts(runs);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sls-simulator scenarios" tests="${runs.length}" failures="${failed}" errors="${errors}" skipped="0" time="${seconds(wallMs)}" timestamp="${stamp(started.toISOString())}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
