// A host in the test's own process: the real Simulation behind the renderer's Transport, on the virtual clock.
// Calls go through `dispatch` and events through the simulation's stream, as in Electron and the browser host,
// and both are copied as JSON (what crosses the wire), so the renderer's classes meet the server itself, not a mock.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { parse } from 'yaml';
import type { NewSessionView } from '../../../main/api/bridge.js';
import type { SavedWorldView } from '../../../main/api/views.js';
import { dispatch, type ApiErrorBody, type Envelope } from '../../../main/api/dispatch.js';
import type { HostEvent } from '../../../main/api/events.js';
import type { OperationName } from '../../../main/api/names.js';
import { loadScenario, parseScenario } from '../../../main/sim/scenario/load.js';
import type { Scenario, ScenarioInput } from '../../../main/sim/scenario/schema.js';
import { Simulation, type ScenarioLibrary } from '../../../main/sim/simulation.js';
import { useTransport, type Client, type Transport } from '../../../renderer/lib/client.js';

export const DEMO_PASSWORD = 'Demo1234';

// Not `new URL(…, import.meta.url)`: Vite's browser pipeline, which these tests run in, rewrites that into an asset URL.
const scenariosDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scenarios');
const readScenario = (file: string) => readFileSync(path.join(scenariosDir, file), 'utf8');

/** The demo scenario (scenarios/default.yaml), optionally with some top-level fields replaced. */
function demoScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  const base = parse(readScenario('default.yaml')) as ScenarioInput;
  return loadScenario(JSON.stringify({ ...base, ...overrides }), 'test.yaml');
}

/** A built-in library of a few files of scenarios/library (the real one reads them all, which tests need not wait for). */
export function libraryOf(...names: string[]): ScenarioLibrary {
  const results = names.map((name) => {
    const result = parseScenario(readScenario(`library/${name}.yaml`), `${name}.yaml`);
    if (!result.ok) throw new Error(`${name}.yaml does not load: ${result.problems[0]?.message}`);
    return { name, result, scenario: result.scenario };
  });
  return {
    list: () => results.map(({ name, scenario: s }) => ({ name: s.name, title: s.title, description: s.description, article: s.article ?? null, file: `scenarios/library/${name}.yaml` })),
    read: (name) => {
      const found = results.find((r) => r.scenario.name === name)?.result;
      return found ? structuredClone(found) : null;
    },
  };
}

/** What crosses the wire: JSON, so nothing the window holds is the server's own object. */
const wire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** What the real transports answer when the host cannot be reached. */
export const UNREACHABLE: ApiErrorBody = { code: 'internal', message: 'The simulator is not responding' };

export interface SimHostOptions {
  scenario?: Scenario;
  library?: ScenarioLibrary;
  /** The browser host's "New session"; absent, the transport has none (as in Electron). */
  newSession?: () => Envelope<NewSessionView>;
  /** Electron's save dialog for "Export as scenario"; absent, the window downloads the export (as in the browser). */
  saveWorld?: () => Envelope<SavedWorldView>;
}

export interface SimHost {
  readonly sim: Simulation;
  /** The window's client, made by `useTransport` as the app's tests are meant to. */
  readonly api: Client;
  /** Every operation the window sent, in order, as it went over the wire. */
  readonly sent: { name: OperationName; request: unknown }[];
  /** Names of the operations sent, for short assertions. */
  names(): OperationName[];
  /** Lets every answer and event on its way arrive, and whatever they set off run (no time passes). */
  settle(): Promise<void>;
  /** Moves the virtual clock as a host's pacer does (no journal entry), then settles. */
  advance(ms: number): Promise<void>;
  /** While set, every call is refused with this error (the host gone, a session ended). */
  refuse: ApiErrorBody | null;
  /** While set, `ready()` fails with this error (the event stream refused). */
  readyError: Error | null;
  /** The event stream breaks while `run` runs (its events are lost), then comes back: reconnection listeners are told. */
  outage(run: () => void | Promise<void>): Promise<void>;
}

export function simHost(options: SimHostOptions = {}): SimHost {
  const sim = new Simulation(options.scenario ?? demoScenario(), options.library ? { library: options.library } : {});
  const listeners = new Set<(event: HostEvent) => void>();
  const reconnectListeners = new Set<() => void>();
  const sent: SimHost['sent'] = [];
  let queue: HostEvent[] = [];
  let inFlight = 0;
  let streamUp = true;
  let scheduled = false;

  const deliver = () => {
    scheduled = false;
    const events = queue;
    queue = [];
    for (const event of events) for (const listener of [...listeners]) listener(event);
  };
  // Events travel on their own, after the operation that caused them has answered (as over SSE).
  const offSim = sim.on((event) => {
    if (!streamUp) return;
    queue.push(wire(event));
    if (!scheduled) {
      scheduled = true;
      setImmediate(deliver);
    }
  });

  const transport: Transport = {
    kind: 'test',
    call: (name, request) => {
      const payload = wire(request ?? {});
      sent.push({ name, request: payload });
      inFlight++;
      // The host runs the request once it has arrived, never inside the caller's own turn.
      return new Promise<Envelope>((resolve) =>
        queueMicrotask(() => {
          inFlight--;
          resolve(host.refuse ? { ok: false, error: { ...host.refuse } } : wire(dispatch(sim, name, payload)));
        }),
      );
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => (host.readyError ? Promise.reject(host.readyError) : Promise.resolve()),
    onReconnect: (listener) => {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    ...(options.newSession ? { newSession: () => Promise.resolve(wire(options.newSession!())) } : {}),
    ...(options.saveWorld ? { saveWorld: () => Promise.resolve(wire(options.saveWorld!())) } : {}),
  };

  const settle = async () => {
    // A fixed number of rounds, not a time: a window that keeps calling for ever is a failure.
    for (let round = 0; round < 200; round++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (queue.length) deliver();
      else if (inFlight === 0) return;
    }
    throw new Error('the window was still busy after 200 rounds');
  };

  const host: SimHost = {
    sim,
    api: useTransport(transport),
    sent,
    names: () => sent.map((s) => s.name),
    settle,
    advance: async (ms) => {
      sim.advance(ms);
      await settle();
    },
    refuse: null,
    readyError: null,
    outage: async (run) => {
      await settle();
      streamUp = false;
      try {
        await run();
        await settle();
      } finally {
        streamUp = true;
      }
      for (const listener of [...reconnectListeners]) listener();
      await settle();
    },
  };
  onTestFinished(() => {
    offSim();
    listeners.clear();
    reconnectListeners.clear();
  });
  return host;
}

/** The 6-digit code of the newest SMS on a phone, as its owner reads it off the screen. */
export function latestCode(sim: Simulation, phoneId = 'sms-phone'): string {
  const last = sim.getPhone({ phoneId }).messages.at(-1);
  const code = last && /\b(\d{6})\b/.exec(last.text)?.[1];
  if (!code) throw new Error(`no code on ${phoneId}: ${last?.text ?? 'no SMS'}`);
  return code;
}
