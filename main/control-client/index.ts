// A typed client for test code: start (or connect to) a browser host and drive it through its control API.
// Exported by the package as `sls-simulator/control`; README "Scripting the simulator from tests" shows it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JournalEntry } from '../api/events.js';
import type { OperationName } from '../api/names.js';
import type { RequestOf, ResponseOf } from '../api/operations.js';
import type { PhoneStatePatch } from '../api/phone-state.js';
import type { ClockView, JournalPage, PendingView, PhoneView, WorldView } from '../api/views.js';
import { parseDuration } from '../sim/scenario/durations.js';

/** A refusal of the control API, with its envelope's code (`not_found`, `wrong_state`, `invalid_request`…). */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Each problem of a refused request or scenario file: the field and what is wrong with it. */
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export interface ConnectOptions {
  /** The host's address, e.g. http://127.0.0.1:4173/ (any path is ignored). */
  url: string;
  /** The control API token the host printed (or was given with --token). */
  token: string;
}

type JournalMatch = JournalEntry['type'] | ((entry: JournalEntry) => boolean);

export class SlsControl {
  readonly origin: string;
  readonly #authorization: string;

  constructor({ url, token }: ConnectOptions) {
    this.origin = new URL(url).origin;
    this.#authorization = `Bearer ${token}`;
  }

  async #call<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: this.#authorization };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.origin}/control${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const envelope = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string; issues?: { path: string; message: string }[] } };
    if (!envelope.ok) throw new ControlError(res.status, envelope.error.code, envelope.error.message, envelope.error.issues);
    return envelope.value;
  }

  /** Any operation of the app, as the windows send it (`submitCredentials`, `submitCode`…). */
  op<N extends OperationName>(name: N, request: RequestOf<N>): Promise<ResponseOf<N>> {
    return this.#call('POST', `/op/${name}`, request);
  }

  /** Codes, challenges and pushes waiting to be answered, with the expected answers. */
  pending(username?: string): Promise<PendingView[]> {
    return this.#call('GET', username === undefined ? '/pending' : `/pending?username=${encodeURIComponent(username)}`);
  }

  /** The live SMS or voice code of the user's login in progress; throws when none is waiting. */
  async code(username: string): Promise<string> {
    const waiting = (await this.pending(username)).find((p) => p.kind === 'code' && p.code);
    if (!waiting?.code) throw new ControlError(404, 'not_found', `No security code is waiting for ${username}`);
    return waiting.code;
  }

  world(): Promise<WorldView> {
    return this.#call('GET', '/world');
  }

  phone(phoneId: string): Promise<PhoneView> {
    return this.#call('GET', `/phones/${encodeURIComponent(phoneId)}`);
  }

  /** Changes a phone's state: airplane mode, signal, Do Not Disturb, carrier blocking… */
  setPhone(phoneId: string, patch: PhoneStatePatch): Promise<PhoneView> {
    return this.#call('POST', `/phones/${encodeURIComponent(phoneId)}/state`, patch);
  }

  restartPhone(phoneId: string): Promise<PhoneView> {
    return this.#call('POST', `/phones/${encodeURIComponent(phoneId)}/restart`);
  }

  clock(): Promise<ClockView> {
    return this.#call('GET', '/clock');
  }

  /** Moves virtual time on: milliseconds, or a duration as scenarios write it (`30s`, `2m`, `1m30s`). */
  advance(by: number | string): Promise<ClockView> {
    const ms = typeof by === 'number' ? by : parseDuration(by);
    if (ms === null) throw new TypeError(`"${by}" is not a duration (use e.g. 30s, 10m, 1m30s)`);
    return this.#call('POST', '/clock/advance', { ms });
  }

  pause(): Promise<ClockView> {
    return this.#call('POST', '/clock/pause');
  }

  resume(): Promise<ClockView> {
    return this.#call('POST', '/clock/resume');
  }

  /** A built-in scenario by name, or a file's text. A bad file throws with every problem and changes nothing. */
  async loadScenario(scenario: string | { text: string; fileName: string }): Promise<WorldView> {
    const body = typeof scenario === 'string' ? { name: scenario } : scenario;
    // A file with problems is refused (422) with every problem in the error; a loaded one gives the new world.
    const loaded = await this.#call<WorldView | { ok: true; world: WorldView }>('POST', '/scenario', body);
    return 'world' in loaded ? loaded.world : loaded;
  }

  /** The running scenario again from its start: same seed, same codes. */
  reset(): Promise<WorldView> {
    return this.#call('POST', '/reset');
  }

  /** Journal entries after sequence number `after`. */
  async journal(after = 0): Promise<JournalEntry[]> {
    return (await this.#call<JournalPage>('GET', `/journal?after=${after}`)).entries;
  }

  /**
   * The first journal entry after sequence number `after` (0: from the start) that matches, as soon
   * as it happens: by type (`'login.succeeded'`) or by a predicate. `signal` gives up waiting.
   */
  async waitFor(match: JournalMatch, { after = 0, signal }: { after?: number; signal?: AbortSignal } = {}): Promise<JournalEntry> {
    const matches = typeof match === 'string' ? (e: JournalEntry) => e.type === match : match;
    const res = await fetch(`${this.origin}/control/journal/stream?after=${after}`, { headers: { authorization: this.#authorization }, signal });
    if (!res.ok || !res.body) throw new ControlError(res.status, 'unavailable', `The journal stream answered ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new ControlError(503, 'unavailable', 'The journal stream closed before a matching entry');
        buffered += value;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const message = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = message
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (!data) continue;
          const entry = JSON.parse(data) as JournalEntry;
          if (matches(entry)) return entry;
        }
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  }
}

export interface StartOptions {
  /** A scenario file to start on (the demo scenario by default). */
  scenario?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Extra arguments for the host (`--paused`…). */
  args?: string[];
}

export interface StartedSimulator extends SlsControl {
  /** The address to open in a browser: it carries the pages' session token. */
  readonly pageUrl: string;
  /** Ends the host; resolves once it has exited. */
  stop(): Promise<void>;
}

/** The browser host's built server (npm run build:only makes it), found from this module's place in the package. */
export function hostServerPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'dist', 'web', 'server.js');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('The browser host is not built (dist/web/server.js): run "npm run build:only" first');
}

/** What the host prints at start: the page address with its session token, and the control token. */
export function readStartLines(out: string): { pageUrl: string; token: string } | null {
  const pageUrl = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out)?.[1];
  const token = /^Control API token: (\S+)$/m.exec(out)?.[1];
  return pageUrl && token ? { pageUrl, token } : null;
}

/** Starts a browser host of its own (a child process) and connects to it. Always `stop()` it, e.g. in a fixture's teardown. */
export async function startSimulator({ scenario, port = 0, args = [] }: StartOptions = {}): Promise<StartedSimulator> {
  const argv = [hostServerPath(), '--port', String(port), ...(scenario ? ['--scenario', path.resolve(scenario)] : []), ...args];
  const child: ChildProcess = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const started = await new Promise<{ pageUrl: string; token: string }>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const lines = readStartLines(out);
        if (lines) resolve(lines);
      });
      child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`The simulator exited (code ${code}) before it was ready:\n${err || out}`)));
    });
    const control = new SlsControl({ url: started.pageUrl, token: started.token });
    return Object.assign(control, { pageUrl: started.pageUrl, stop });
  } catch (error) {
    await stop();
    throw error;
  }
}
