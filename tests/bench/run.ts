// npm run bench: size and speed figures, printed (never asserted: machines here are noisy).
// It builds what it measures into a folder of its own (.tmp/bench-dist, or SLS_BENCH_DIR), never dist/,
// so a benchmark run does not empty the renderer that someone's end-to-end tests are serving.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { collectScenarioFiles, runScenarioFile } from '../../main/cli/run.js';
import { hotp, ibKeyResponse } from '../../main/sim/otp/index.js';
import { BENCH_PASSWORD, benchScenarioYaml, benchUser } from './login-scenario.js';
import { streamMemory } from './streams.js';
import { fmt, median, percentile } from './stats.js';
import { hostileScenarios } from './hostile-scenarios.js';
import { recordingRates } from './recording.js';
import { needsBuild } from '../../scripts/build-freshness.mjs';

const OUT = path.resolve(process.env.SLS_BENCH_DIR ?? '.tmp/bench-dist');
const SERVER = path.join(OUT, 'web', 'server.js');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function header(title: string): void {
  console.log(`\n## ${title}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The renderer, the browser host's server (it serves the renderer beside it) and the blank floor page. */
async function buildAll(): Promise<number> {
  header(`Build (into ${path.relative(process.cwd(), OUT) || OUT})`);
  const t0 = performance.now();
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: path.join(OUT, 'renderer'), emptyOutDir: true, manifest: true } });
  await esbuild({
    entryPoints: ['main/web/index.ts'],
    outfile: SERVER,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  await viteBuild({ configFile: 'tests/bench/blank/vite.config.ts', logLevel: 'warn', build: { outDir: path.join(OUT, 'blank'), emptyOutDir: true } });
  const elapsed = performance.now() - t0;
  console.log(`built in ${fmt(elapsed / 1000, 1)} s`);
  return elapsed;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

function bundleSize(): void {
  header('Renderer bundle (JS + CSS, gzipped)');
  const dir = path.join(OUT, 'renderer');
  const gzOf = (file: string) => gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
  let raw = 0;
  let gz = 0;
  for (const file of filesUnder(dir).filter((f) => /\.(js|css)$/.test(f))) {
    raw += statSync(file).size;
    gz += gzOf(path.relative(dir, file));
  }
  // What the stage loads before it can be used: the entry and its static imports, with their CSS.
  // The director, the phone's settings and apps, and the devices are chunks fetched when first shown.
  const manifest = JSON.parse(readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const first = [...initial].reduce((sum, file) => sum + gzOf(file), 0);
  console.log(`first load (the stage): ${fmt(first / 1024)} KB gzipped — target ≤ 60 KB`);
  console.log(`everything, with the chunks loaded on demand: ${fmt(gz / 1024)} KB gzipped (${fmt(raw / 1024)} KB raw)`);
}

/** Spawns a server script and resolves with its URL once it prints one (and the control API token, if it prints one). */
function startServer(script: string, args: string[] = [], withToken = false): Promise<{ child: ChildProcess; url: string; origin: string; token: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // The simulator prints its address with the session token (…/?token=…); the blank page without.
      const printed = /(http:\/\/127\.0\.0\.1:\d+\/)(\?token=[\w-]+)?/.exec(out);
      const token = /^Control API token: (\S+)$/m.exec(out)?.[1] ?? '';
      if (printed && (token || !withToken)) resolve({ child, url: printed[0], origin: printed[1]!, token });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code} before printing its URL:\n${out}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** From process spawn until the page's Username field accepts typing. */
async function coldStart(browser: Browser, script: string, args: string[], field: RegExp): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = performance.now();
  const { child, url } = await startServer(script, args);
  // Stopped even when the page never comes up, so a failed run leaves no server behind.
  try {
    await page.goto(url);
    const input = page.getByRole('textbox', { name: field });
    await input.waitFor({ state: 'visible' });
    await input.fill('x');
    return performance.now() - t0;
  } finally {
    await context.close();
    await stopServer(child);
  }
}

async function coldStarts(): Promise<void> {
  header('Browser-host cold start (spawn → Username accepts input), median of 5');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const app: number[] = [];
    const floor: number[] = [];
    // Interleaved, so a slow moment of the machine hits both alike.
    for (let i = 0; i < 5; i++) {
      floor.push(await coldStart(browser, 'tests/bench/blank/server.mjs', [path.join(OUT, 'blank')], /Username/));
      app.push(await coldStart(browser, SERVER, ['--port', '0'], /^Username$/));
    }
    const a = median(app);
    const f = median(floor);
    console.log(`SLS Simulator: ${fmt(a, 0)} ms   blank Vite+Svelte page (floor): ${fmt(f, 0)} ms   ratio: ${fmt(a / f, 2)} × — target ≤ 1.5 ×`);
    console.log(`  samples app [${app.map((x) => fmt(x, 0)).join(', ')}] floor [${floor.map((x) => fmt(x, 0)).join(', ')}]`);
  } finally {
    await browser.close();
  }
}

const FLOOR = 'tests/bench/floor-server.mjs';

/** One getClock call as the page sends it, timed. */
type TimedCall = () => Promise<number>;

async function pageCaller(origin: string, url: string | null): Promise<TimedCall> {
  // As the page sends them: with the session cookie that opening the printed address sets (the floor has none).
  const cookie = url ? (await fetch(url, { redirect: 'manual' })).headers.get('set-cookie')!.split(';', 1)[0]! : '';
  const headers = { 'content-type': 'application/json', cookie };
  return async () => {
    const t0 = performance.now();
    const res = await fetch(`${origin}api/op/getClock`, { method: 'POST', headers, body: '{}' });
    await res.json();
    return performance.now() - t0;
  };
}

async function apiRoundTrip(): Promise<void> {
  header('API round trip over HTTP (1,000 sequential getClock calls), beside a bare Fastify route (the floor)');
  const app = await startServer(SERVER, ['--port', '0'], true);
  const floor = await startServer(FLOOR, [], true);
  try {
    const callApp = await pageCaller(app.origin, app.url);
    const callFloor = await pageCaller(floor.origin, null);
    for (let i = 0; i < 100; i++) {
      await callApp();
      await callFloor();
    } // warm-up
    const appSamples: number[] = [];
    const floorSamples: number[] = [];
    // Interleaved in rounds of 50, so a slow moment of the machine hits both alike.
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 50; i++) appSamples.push(await callApp());
      for (let i = 0; i < 50; i++) floorSamples.push(await callFloor());
    }
    const line = (name: string, s: number[]) => `${name}: p50 ${fmt(percentile(s, 50), 3)} ms  p99 ${fmt(percentile(s, 99), 3)} ms`;
    console.log(line('SLS Simulator', appSamples));
    console.log(line('bare Fastify (floor)', floorSamples));
    console.log(
      `ratio p50 ${fmt(percentile(appSamples, 50) / percentile(floorSamples, 50), 2)} ×  p99 ${fmt(percentile(appSamples, 99) / percentile(floorSamples, 99), 2)} × — target ≤ 1.5 × both`,
    );
  } finally {
    await stopServer(app.child);
    await stopServer(floor.child);
  }
}

/** Operations per second over ~300 ms, median of 5 runs. */
function rate(fn: (i: number) => unknown): number {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 300) {
      for (let i = 0; i < 200; i++) fn(n++);
    }
    runs.push(n / ((performance.now() - t0) / 1000));
  }
  return median(runs);
}

function otpRates(): void {
  header('One-time passwords per second (one process), against raw HMAC-SHA256 as the floor');
  const key32 = Buffer.from('12345678901234567890123456789012');
  const key20 = Buffer.from('12345678901234567890');
  // OCRA's message for QN06-PSHA1 is 31 + 1 + 128 + 20 = 180 bytes; the floor hashes the same size.
  const message = Buffer.alloc(180, 7);
  const floor = rate(() => createHmac('sha256', key32).update(message).digest());
  const ocra = rate((i) => ibKeyResponse({ key: key32, pin: '1234', challenge: String(100000 + (i % 900000)) }));
  const hotpRate = rate((i) => hotp({ key: key20, counter: i }));
  const floor20 = rate(() => createHmac('sha1', key20).update(Buffer.alloc(8)).digest());
  console.log(`raw HMAC-SHA256 (180 B): ${fmt(floor / 1000)} k/s`);
  console.log(`OCRA-1:HOTP-SHA256-8:QN06-PSHA1: ${fmt(ocra / 1000)} k/s (${fmt(ocra / floor, 2)} × floor)`);
  console.log(`raw HMAC-SHA1 (8 B): ${fmt(floor20 / 1000)} k/s;  HOTP-SHA1-6: ${fmt(hotpRate / 1000)} k/s (${fmt(hotpRate / floor20, 2)} × floor)`);
}

const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** Every built-in scenario through the headless runner in this process, as `npm run cli -- run scenarios/library` does. */
function libraryThroughRunner(): void {
  header('Built-in scenario library through the headless runner (in-process, virtual time)');
  const files = collectScenarioFiles(['scenarios/library']);
  for (const file of files) runScenarioFile(file); // warm-up
  const walls: number[] = [];
  let simulated = 0;
  let passed = 0;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    const runs = files.map((file) => runScenarioFile(file));
    walls.push(performance.now() - t0);
    simulated = runs.reduce((sum, r) => sum + (r.simulatedMs ?? 0), 0);
    passed = runs.filter((r) => r.ok).length;
  }
  const wall = median(walls);
  console.log(`${files.length} scenarios (${passed} passed), files read and parsed each round`);
  console.log(`wall ${fmt(wall, 1)} ms (median of 5 rounds)   simulated ${clock(simulated)} (${fmt(simulated / 1000, 0)} s)   ratio ${fmt(simulated / wall, 0)} × real time — target ≥ 10,000 ×`);
}

interface LoadResult {
  logins: number[];
  requests: number[];
  failures: number;
  elapsed: number;
}

interface LoadResult {
  logins: number[];
  requests: number[];
  failures: number;
  elapsed: number;
}

interface LoadTarget {
  base: string;
  authorization: string;
  result: LoadResult;
}

async function loadTarget(server: { origin: string; token: string }, scenario: string | null): Promise<LoadTarget> {
  const base = `${server.origin}control`;
  const authorization = `Bearer ${server.token}`;
  if (scenario) {
    const loaded = await fetch(`${base}/scenario?fileName=bench-logins.yaml`, { method: 'POST', headers: { authorization, 'content-type': 'application/yaml' }, body: scenario });
    if (!loaded.ok) throw new Error(`The benchmark scenario did not load: ${await loaded.text()}`);
  }
  return { base, authorization, result: { logins: [], requests: [], failures: 0, elapsed: 0 } };
}

/** `clients` at once, each logging its own SMS user in and out until `seconds` have passed. */
async function loginLoad({ base, authorization, result }: LoadTarget, clients: number, seconds: number): Promise<void> {
  const call = async <T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> => {
    const t0 = performance.now();
    const res = await fetch(`${base}${route}`, {
      method,
      headers: body === undefined ? { authorization } : { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const envelope = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    result.requests.push(performance.now() - t0);
    if (!envelope.ok) throw new Error(`${method} ${route}: ${envelope.error?.message}`);
    return envelope.value;
  };
  const client = async (username: string, deadline: number) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const login = await call<{ loginId: string }>('POST', '/op/submitCredentials', { username, password: BENCH_PASSWORD, mode: 'live' });
        const pending = await call<{ loginId: string; kind: string; code: string | null }[]>('GET', `/pending?username=${username}`);
        const code = pending.find((p) => p.loginId === login.loginId && p.kind === 'code')?.code ?? '';
        const done = await call<{ step: string }>('POST', '/op/submitCode', { loginId: login.loginId, code });
        await call('POST', '/op/logOut', { loginId: login.loginId });
        if (done.step === 'loggedIn') result.logins.push(performance.now() - t0);
        else result.failures++;
      } catch (error) {
        result.failures++;
        if (result.failures === 1) console.error(`first failure: ${(error as Error).message}`);
      }
    }
  };
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, (_, i) => client(benchUser(i), deadline)));
  result.elapsed += (performance.now() - t0) / 1000;
}

/**
 * 50 clients at once, each logging its own SMS user in and out through the control API:
 * submitCredentials, the code read from /control/pending, submitCode, logOut — four requests a login.
 * The same four requests against the bare Fastify floor, in alternating 2 s rounds of the same run.
 */
async function controlApiLogins(): Promise<void> {
  const CLIENTS = 50;
  const ROUNDS = 5;
  const SECONDS = 2;
  header(`Control API: ${CLIENTS} concurrent clients, each a login loop of its own user, ${ROUNDS} × ${SECONDS} s, alternating with the bare Fastify floor`);
  const appServer = await startServer(SERVER, ['--port', '0'], true);
  const floorServer = await startServer(FLOOR, [], true);
  try {
    const app = await loadTarget(appServer, benchScenarioYaml(CLIENTS));
    const floor = await loadTarget(floorServer, null);
    for (let round = 0; round < ROUNDS; round++) {
      await loginLoad(app, CLIENTS, SECONDS);
      await loginLoad(floor, CLIENTS, SECONDS);
    }
    const p = percentile;
    const line = (name: string, r: LoadResult) => {
      console.log(`${name}: ${fmt(r.logins.length / r.elapsed, 0)} logins/s (${fmt(r.requests.length / r.elapsed, 0)} requests/s), ${r.failures} failed`);
      console.log(
        `  login (4 requests) p50 ${fmt(p(r.logins, 50), 1)} ms  p99 ${fmt(p(r.logins, 99), 1)} ms;  one request p50 ${fmt(p(r.requests, 50), 2)} ms  p99 ${fmt(p(r.requests, 99), 2)} ms  (p99/p50 ${fmt(p(r.requests, 99) / p(r.requests, 50), 2)} — target ≤ 3)`,
      );
    };
    line('SLS Simulator', app.result);
    line('bare Fastify (floor)', floor.result);
    const ratio = (q: number) => p(app.result.requests, q) / p(floor.result.requests, q);
    console.log(`one request, simulator against floor: p50 ${fmt(ratio(50), 2)} ×  p99 ${fmt(ratio(99), 2)} × — target ≤ 1.5 × both`);
  } finally {
    await stopServer(appServer.child);
    await stopServer(floorServer.child);
  }
}

/** From spawn until the process prints the page address. */
async function timeToAddress(script: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  const { child } = await startServer(script, args);
  const elapsed = performance.now() - t0;
  await stopServer(child);
  return elapsed;
}

/**
 * npm run web's start when nothing changed (scripts/web.mjs finds the build fresh and skips it), against
 * the bare host start (node dist/web/server.js) and the cold start (a build, then the host).
 */
async function hostStarts(builtInMs: number): Promise<void> {
  header('npm run web: warm start (nothing changed) against the bare host start, median of 5, to the printed address');
  const bare: number[] = [];
  const warm: number[] = [];
  const fresh = !needsBuild({ outputFiles: ['dist/web/server.js', 'dist/renderer/index.html'].map((f) => path.resolve(f)) });
  for (let i = 0; i < 5; i++) {
    bare.push(await timeToAddress(SERVER, ['--port', '0']));
    if (fresh) warm.push(await timeToAddress('scripts/web.mjs', ['--port', '0']));
  }
  const b = median(bare);
  console.log(`bare host (node server.js): ${fmt(b, 0)} ms`);
  if (fresh) console.log(`warm npm run web: ${fmt(median(warm), 0)} ms   ratio ${fmt(median(warm) / b, 2)} × bare — target ≤ 1.5 ×`);
  else console.log('warm npm run web: not measured, dist/ is older than the sources (run npm run build:only first; the bench never builds into dist/)');
  console.log(`cold (this run's build, ${fmt(builtInMs / 1000, 1)} s, then the host): ${fmt((builtInMs + b) / 1000, 1)} s   ratio ${fmt((builtInMs + b) / b, 0)} × bare`);
}

// `npm run bench -- <section>` runs the build and that section alone (`bundle`, `api`, `starts`, `streams`, `hostile`, `record`).
const only = process.argv[2];
const builtInMs = await buildAll();
if (only === undefined || only === 'bundle') bundleSize();
if (only === undefined) {
  otpRates();
  libraryThroughRunner();
}
if (only === undefined || only === 'api') {
  await apiRoundTrip();
  await controlApiLogins();
}
if (only === undefined || only === 'hostile') await hostileScenarios();
if (only === undefined || only === 'streams') await streamMemory({ server: SERVER, header, startServer, stopServer });
if (only === undefined || only === 'starts') await hostStarts(builtInMs);
if (only === undefined || only === 'record') await recordingRates({ rendererDir: path.join(OUT, 'renderer'), header });
if (only === undefined) await coldStarts();
