// npm run bench: size and speed figures, printed (never asserted: machines here are noisy).
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { hotp, ibKeyResponse } from '../../main/sim/otp/index.js';
import { fmt, median, percentile } from './stats.js';

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

function bundleSize(): void {
  header('Renderer bundle (JS + CSS, gzipped)');
  let raw = 0;
  let gz = 0;
  for (const file of filesUnder('dist/renderer').filter((f) => /\.(js|css)$/.test(f))) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`renderer: ${fmt(gz / 1024)} KB gzipped (${fmt(raw / 1024)} KB raw) — target ≤ 60 KB`);
}

/** Spawns a server script and resolves with its URL once it prints one. */
function startServer(script: string, args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
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
  await page.goto(url);
  const input = page.getByRole('textbox', { name: field });
  await input.waitFor({ state: 'visible' });
  await input.fill('x');
  const elapsed = performance.now() - t0;
  await context.close();
  await stopServer(child);
  return elapsed;
}

async function coldStarts(): Promise<void> {
  header('Browser-host cold start (spawn → Username accepts input), median of 5');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'tests/bench/blank/vite.config.ts'], { stdio: 'inherit' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const app: number[] = [];
    const floor: number[] = [];
    // Interleaved, so a slow moment of the machine hits both alike.
    for (let i = 0; i < 5; i++) {
      floor.push(await coldStart(browser, 'tests/bench/blank/server.mjs', [], /Username/));
      app.push(await coldStart(browser, 'dist/web/server.js', ['--port', '0'], /^Username$/));
    }
    const a = median(app);
    const f = median(floor);
    console.log(`SLS Simulator: ${fmt(a, 0)} ms   blank Vite+Svelte page (floor): ${fmt(f, 0)} ms   ratio: ${fmt(a / f, 2)} × — target ≤ 1.5 ×`);
    console.log(`  samples app [${app.map((x) => fmt(x, 0)).join(', ')}] floor [${floor.map((x) => fmt(x, 0)).join(', ')}]`);
  } finally {
    await browser.close();
  }
}

async function apiRoundTrip(): Promise<void> {
  header('API round trip over HTTP (1,000 sequential getClock calls)');
  const { child, url } = await startServer('dist/web/server.js', ['--port', '0']);
  try {
    const call = async () => {
      const res = await fetch(`${url}api/op/getClock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await res.json();
    };
    for (let i = 0; i < 100; i++) await call(); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const t0 = performance.now();
      await call();
      samples.push(performance.now() - t0);
    }
    console.log(`p50 ${fmt(percentile(samples, 50), 3)} ms   p99 ${fmt(percentile(samples, 99), 3)} ms — target p99 ≤ 5 ms`);
  } finally {
    await stopServer(child);
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

bundleSize();
otpRates();
await apiRoundTrip();
await coldStarts();
