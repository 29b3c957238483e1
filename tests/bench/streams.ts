// Bench: the browser host's memory with 100 event streams whose clients never read, during the
// 50-client login load, against the idle host and the same load without them (the child's RSS).
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { BENCH_PASSWORD, benchScenarioYaml, benchUser } from './login-scenario.js';
import { fmt } from './stats.js';

export interface StreamBenchHost {
  server: string;
  header: (title: string) => void;
  startServer: (script: string, args: string[], withToken: boolean) => Promise<{ child: ChildProcess; url: string; origin: string; token: string }>;
  stopServer: (child: ChildProcess) => Promise<void>;
}

const CLIENTS = 50;
const STREAMS = 100;
/** A fixed amount of work (not a time), so both hosts end with the same world and journal. */
const LOGINS_PER_CLIENT = 20;

/** The resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** A stream of the windows' API opened with the page's cookie, then never read again. */
function stalledStream(origin: URL, cookie: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(origin.port), '127.0.0.1');
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString();
      if (!head.includes(': connected')) return;
      socket.off('data', onData);
      socket.pause();
      resolve(socket);
    };
    socket.on('data', onData);
    socket.on('error', reject);
    socket.write(`GET /api/events HTTP/1.1\r\nHost: ${origin.host}\r\nCookie: ${cookie}\r\n\r\n`);
  });
}

/** CLIENTS login loops through the control API, LOGINS_PER_CLIENT each; returns the logins, their time and the peak RSS seen. */
async function loginLoad(base: string, authorization: string, pid: number): Promise<{ logins: number; seconds: number; peak: number }> {
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  let logins = 0;
  const call = async <T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${route}`, {
      method,
      headers: body === undefined ? { authorization } : { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return ((await res.json()) as { value: T }).value;
  };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const username = benchUser(i);
      for (let n = 0; n < LOGINS_PER_CLIENT; n++) {
        const login = await call<{ loginId: string }>('POST', '/op/submitCredentials', { username, password: BENCH_PASSWORD, mode: 'live' });
        const pending = await call<{ loginId: string; kind: string; code: string | null }[]>('GET', `/pending?username=${username}`);
        const code = pending.find((p) => p.loginId === login.loginId && p.kind === 'code')?.code ?? '';
        await call('POST', '/op/submitCode', { loginId: login.loginId, code });
        await call('POST', '/op/logOut', { loginId: login.loginId });
        logins++;
      }
    }),
  );
  clearInterval(sampler);
  return { logins, seconds: (performance.now() - t0) / 1000, peak: Math.max(peak, rssMb(pid)) };
}

/** A fresh host with the bench scenario loaded; `run` gets what it needs to load and measure it. */
async function withHost<T>(host: StreamBenchHost, run: (h: { url: string; origin: string; base: string; authorization: string; pid: number }) => Promise<T>): Promise<T> {
  const { child, url, origin, token } = await host.startServer(host.server, ['--port', '0'], true);
  try {
    const base = `${origin}control`;
    const authorization = `Bearer ${token}`;
    const loaded = await fetch(`${base}/scenario?fileName=bench-logins.yaml`, { method: 'POST', headers: { authorization, 'content-type': 'application/yaml' }, body: benchScenarioYaml(CLIENTS) });
    if (!loaded.ok) throw new Error(`The benchmark scenario did not load: ${await loaded.text()}`);
    return await run({ url, origin, base, authorization, pid: child.pid! });
  } finally {
    await host.stopServer(child);
  }
}

export async function streamMemory(host: StreamBenchHost): Promise<void> {
  host.header(`Host memory with ${STREAMS} event streams that never read, during the ${CLIENTS}-client login load, against the idle host`);
  // Two fresh hosts, so the second figure does not carry the first load's journal and heap.
  const alone = await withHost(host, async ({ base, authorization, pid }) => ({ idle: rssMb(pid), ...(await loginLoad(base, authorization, pid)) }));
  const sockets: net.Socket[] = [];
  try {
    const stalled = await withHost(host, async ({ url, origin, base, authorization, pid }) => {
      const idle = rssMb(pid);
      // The page's cookie, as a browser gets it from the printed address.
      const opened = await fetch(url, { redirect: 'manual' });
      const cookie = opened.headers.get('set-cookie')!.split(';', 1)[0]!;
      for (let i = 0; i < STREAMS; i++) sockets.push(await stalledStream(new URL(origin), cookie));
      const withStreams = rssMb(pid);
      const load = await loginLoad(base, authorization, pid);
      // Reading again, a client finds whether the host cut it (the end arrives after what was sent).
      const cut = await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(false), 3000);
              socket.on('close', () => {
                clearTimeout(timer);
                resolve(true);
              });
              socket.resume();
            }),
        ),
      );
      return { idle, withStreams, ...load, cut: cut.filter(Boolean).length };
    });
    console.log(`idle host (bench scenario loaded): ${fmt(alone.idle, 1)} MB RSS; with ${STREAMS} stalled streams open: ${fmt(stalled.withStreams, 1)} MB (fresh host, idle ${fmt(stalled.idle, 1)} MB)`);
    console.log(`login load alone: peak ${fmt(alone.peak, 1)} MB (${alone.logins} logins in ${fmt(alone.seconds, 1)} s)`);
    console.log(`login load with ${STREAMS} stalled streams: peak ${fmt(stalled.peak, 1)} MB (${stalled.logins} logins in ${fmt(stalled.seconds, 1)} s)`);
    console.log(`the stalled streams cost ${fmt(stalled.peak - stalled.idle - (alone.peak - alone.idle), 1)} MB over the load alone (each host against its own idle figure)`);
    console.log(`streams cut by the host for not reading: ${stalled.cut} of ${STREAMS}`);
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}
