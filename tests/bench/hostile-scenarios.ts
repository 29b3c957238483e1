// Bench section: the longest event-loop block while POST /control/scenario refuses hostile files on a real host (also runs alone with tsx).
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseScenario } from '../../main/sim/scenario/load.js';
import { MAX_SCENARIO_DEPTH, MAX_SCENARIO_LINES, MAX_SCENARIO_MARKS, MAX_USERS } from '../../main/sim/scenario/limits.js';
import { Simulation } from '../../main/sim/simulation.js';
import { startControlServer } from '../../main/host/control/server.js';
import { generateSecret } from '../../main/host/secret.js';
import { benchScenarioYaml } from './login-scenario.js';
import { fmt, median } from './stats.js';

const MB = 1_000_000;
const ROUNDS = 5;

/** Lines `kN: [[…1…]]` nested `depth` levels in all (the file's map is the first) until the text is about `size` characters. */
function nestedMegabyte(depth: number, size = MB): string {
  const inner = `${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}`;
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const line = `k${i}: ${inner}\n`;
    if (length + line.length > size) break;
    lines.push(line);
    length += line.length;
  }
  return lines.join('');
}

/** As much as the first pass lets through (lines and punctuation just under their limits), nested one level too deep at the very end. */
function largestPastThePrescan(): string {
  const deep = `z: ${'['.repeat(MAX_SCENARIO_DEPTH)}${']'.repeat(MAX_SCENARIO_DEPTH)}\n`;
  const keys = MAX_SCENARIO_MARKS - 2 * MAX_SCENARIO_DEPTH - 10;
  const comments = MAX_SCENARIO_LINES - keys - 10;
  return `${Array.from({ length: keys }, (_, i) => `k${i}: 1\n`).join('')}${'# a long comment line for padding\n'.repeat(comments)}${deep}`;
}

function billionLaughs(levels = 9, width = 9): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array(width).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export async function hostileScenarios(): Promise<void> {
  console.log(`\n## Hostile scenario files refused over POST /control/scenario (real host, in this process), worst of ${ROUNDS} after a warm-up`);
  const defaultText = readFileSync('scenarios/default.yaml', 'utf8');
  const cases: [string, string][] = [
    [`1 MB nested ${MAX_SCENARIO_DEPTH} deep (the limit)`, nestedMegabyte(MAX_SCENARIO_DEPTH)],
    [`1 MB nested ${MAX_SCENARIO_DEPTH + 1} deep (one past)`, nestedMegabyte(MAX_SCENARIO_DEPTH + 1)],
    ['1 MB JSON nested 166,000 deep', `${'{"a":'.repeat(166_000)}1${'}'.repeat(166_000)}`.slice(0, MB)],
    [`largest past the first pass, ${MAX_SCENARIO_DEPTH + 1} deep at its end`, largestPastThePrescan()],
    ['1 MB quoted text', `description: "${'a b '.repeat(249_990)}"\n`],
    ['4,000 keys joined by lone CRs (nests 4,000 deep)', Array.from({ length: 4_000 }, (_, i) => `k${i}: 1`).join('\r')],
    ['billion laughs (9 × 9 aliases)', billionLaughs()],
    ['2,000 users', benchScenarioYaml(2_000)],
    [`${MAX_USERS} users (the limit), loaded`, benchScenarioYaml(MAX_USERS)],
    ['default.yaml, loaded', defaultText],
  ];
  const sim = new Simulation(parseScenarioOrThrow(defaultText));
  const server = await startControlServer({ sim, port: 0, token: generateSecret(), heartbeatMs: 60_000 });
  const url = `http://127.0.0.1:${server.port}/control/scenario?fileName=hostile.yaml`;
  const headers = { authorization: `Bearer ${server.controlToken}`, 'content-type': 'application/yaml' };
  try {
    for (const [label, text] of cases) {
      const blocks: number[] = [];
      const syncMs: number[] = [];
      const cpuMs: number[] = [];
      let status = 0;
      let first = '';
      // Round 0 warms the JIT up for this kind of file and is not counted.
      for (let round = 0; round <= ROUNDS; round++) {
        // The block: the longest the event loop waited while the host took the request and answered.
        // On a busy machine it also counts the moments the process was not scheduled at all, so the CPU
        // time of the round trip (host and client together, one process) is printed beside it.
        const delay = monitorEventLoopDelay({ resolution: 1 });
        const cpu0 = process.cpuUsage();
        delay.enable();
        const res = await fetch(url, { method: 'POST', headers, body: text });
        const body = (await res.json()) as { error?: { issues?: { message: string }[] } };
        delay.disable();
        const cpu = process.cpuUsage(cpu0);
        status = res.status;
        first = body.error?.issues?.[0]?.message ?? '';
        // The synchronous call alone, as a second view of the same work.
        const t0 = performance.now();
        parseScenario(text, 'hostile.yaml');
        const sync = performance.now() - t0;
        if (round === 0) continue;
        cpuMs.push((cpu.user + cpu.system) / 1000);
        blocks.push(delay.max / 1e6);
        syncMs.push(sync);
      }
      console.log(
        `${label}: ${fmt(text.length / 1000, 0)} kB → ${status}   longest block ${fmt(Math.max(...blocks), 1)} ms (median ${fmt(median(blocks), 1)}) — target ≤ 100 ms;  CPU per request median ${fmt(median(cpuMs), 1)} ms (least ${fmt(Math.min(...cpuMs), 1)});  parseScenario alone median ${fmt(median(syncMs), 1)} ms`,
      );
      if (first) console.log(`  ${first.length > 150 ? `${first.slice(0, 150)}…` : first}`);
    }
  } finally {
    await server.close();
  }
}

function parseScenarioOrThrow(text: string) {
  const result = parseScenario(text, 'default.yaml');
  if (!result.ok) throw new Error('default.yaml does not load');
  return result.scenario;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await hostileScenarios();
