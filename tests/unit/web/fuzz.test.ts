// Fuzz: every operation of the contract, over both HTTP routes (/api/op/<name> with the page's
// session, /control/op/<name> with the control token), with random and mutated payloads. A fixed
// seed and a fixed number of runs (printed), never a time limit. The host must never answer 500 or
// stop answering, and the running scenario must stay intact: the same scenario unless a load was
// accepted, the world still readable and consistent, the journal's sequence still in order.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames, type OperationName } from '../../../main/api/names.js';
import { fileLibrary } from '../../../main/host/scenario-library.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { createWebServer, type WebServer } from '../../../main/web/server.js';
import { DEMO_PASSWORD, defaultScenarioText, demoScenario } from '../helpers.js';

const SEED = 20_261_201;
const RUNS = 400;

let sim: Simulation;
let server: WebServer;
let rendererDir: string;
const internalErrors: unknown[] = [];

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'sls-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  sim = new Simulation(demoScenario(), { library: fileLibrary() });
  server = await createWebServer({ sim, rendererDir, port: 0, heartbeatMs: 60_000, onInternalError: (error) => internalErrors.push(error) });
});
afterAll(async () => {
  await server.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** The names the requests of the contract use, so generated objects often get past the first check. */
const fields = [
  'username', 'password', 'mode', 'phoneId', 'loginId', 'deviceId', 'code', 'channel', 'response', 'notificationId', 'patch', 'enabled',
  'serial', 'pin', 'digits', 'key', 'ms', 'running', 'afterSeq', 'name', 'text', 'fileName', 'callId', 'answered', 'number', 'challenge',
  'airplane', 'signal', 'poweredOn', 'doNotDisturb', 'smsDelayMs', '__proto__', 'constructor',
];
/** Values that mean something in the demo world, beside random ones. */
const known = fc.constantFrom<unknown>(
  'smsuser', 'ibkeyios', 'multidevice', 'nodevice', 'hkuser', DEMO_PASSWORD, 'live', 'paper', 'sms', 'voice',
  'L1', 'L2', 'L999999999', 'sms-phone', 'android-phone', 'trade-ipad', 'SNA-52903318', '123456', '1357', '2468',
  'happy-sms', 'sms-carrier-blocked', 'default', '+85251234567', 0, 1, -1, 2 ** 31, 7 * 24 * 3600 * 1000, Number.MAX_SAFE_INTEGER, 1e300,
  true, false, null, '', ' ', '\u0000', 'x'.repeat(5000), '../../etc/passwd', '%00', '<script>', defaultScenarioText, 'name: [unclosed',
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 4, depthSize: 'small' }, known, fc.jsonValue({ maxDepth: 2 }), tie('object'), fc.array(tie('value'), { maxLength: 4 })),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 5 }),
})).value;
/** A valid request for each operation (loginId L1: the first login the fuzz starts); mutated below. */
const valid: Partial<Record<OperationName, Record<string, unknown>>> = {
  submitCredentials: { username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' },
  chooseDevice: { loginId: 'L1', deviceId: 'sms' },
  changeDevice: { loginId: 'L1' },
  submitCode: { loginId: 'L1', code: '123456' },
  requestNewCode: { loginId: 'L1', channel: 'sms' },
  requestChallenge: { loginId: 'L1' },
  submitResponse: { loginId: 'L1', response: '12345678' },
  cancelLogin: { loginId: 'L1' },
  logOut: { loginId: 'L1' },
  getLogin: { loginId: 'L1' },
  getPhone: { phoneId: 'sms-phone' },
  markMessagesRead: { phoneId: 'sms-phone' },
  setPhoneState: { phoneId: 'sms-phone', patch: { airplane: true } },
  restartPhone: { phoneId: 'sms-phone' },
  setSeamless: { username: 'ibkeyios', enabled: false },
  setLocale: { locale: 'fr' },
  resetFob: { serial: 'SNA-52903318' },
  advanceClock: { ms: 60_000 },
  setClockRunning: { running: false },
  getJournal: { afterSeq: 0 },
  loadScenario: { name: 'happy-sms' },
  listPending: { username: 'smsuser' },
};
/** A valid request with one change: a field dropped, replaced by anything, or one added. */
const mutated = fc
  .record({
    op: fc.constantFrom(...(Object.keys(valid) as OperationName[])),
    change: fc.constantFrom('none', 'drop', 'replace', 'add'),
    index: fc.nat(),
    field: fc.constantFrom(...fields),
    to: value,
  })
  .map(({ op, change, index, field, to }) => {
    const base: Record<string, unknown> = { ...valid[op] };
    const keys = Object.keys(base);
    const key = keys[index % Math.max(keys.length, 1)];
    if (change === 'drop' && key !== undefined) delete base[key];
    if (change === 'replace' && key !== undefined) base[key] = to;
    if (change === 'add') base[field] = to;
    return { op, text: JSON.stringify(base) };
  });
/** A request body: mostly objects of the contract's names, sometimes anything JSON, deep nesting, or text that is not JSON. */
const body = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 4 }).map((object) => JSON.stringify(object)) },
  { weight: 2, arbitrary: fc.jsonValue().map((json) => JSON.stringify(json)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '{"a":', '\u0000\u0001', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '[]', '"text"') },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);
const random = fc.record({
  op: fc.oneof({ weight: 10, arbitrary: fc.constantFrom<string>(...operationNames) }, { weight: 1, arbitrary: fc.constantFrom('nope', 'constructor', '__proto__', 'toString', 'then', '%2e%2e', 'x'.repeat(99)) }),
  text: body,
});
const request = fc.record({ transport: fc.constantFrom('api', 'control'), sent: fc.oneof(random, mutated) });

async function send(transport: string, op: string, text: string): Promise<{ status: number; envelope: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  const credential: Record<string, string> = transport === 'api' ? { cookie: `${server.sessionCookieName}=${server.sessionToken}` } : { authorization: `Bearer ${server.controlToken}` };
  const res = await fetch(`${server.origin}${transport}/op/${encodeURIComponent(op)}`, { method: 'POST', headers: { 'content-type': 'application/json', ...credential }, body: text });
  return { status: res.status, envelope: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } } };
}

describe('fuzz over HTTP', () => {
  it(`${RUNS} random and mutated requests for every operation, on both transports: no 500, the host answers, the scenario intact`, async () => {
    const statuses = new Map<number, number>();
    const perOperation = new Map<string, number>();
    let expectedScenario = sim.getScenario();
    let lastSeq = 0;
    console.log(`fuzz: seed ${SEED}, ${RUNS} runs`);
    await fc.assert(
      fc.asyncProperty(request, async ({ transport, sent: { op, text } }) => {
        const { status, envelope } = await send(transport, op, text);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        perOperation.set(op, (perOperation.get(op) ?? 0) + 1);
        expect(status, `${transport} ${op} ${text.slice(0, 200)}`).not.toBe(500);
        expect([200, 400, 404, 409, 413, 415], `${transport} ${op}: ${status}`).toContain(status);
        expect(typeof envelope.ok).toBe('boolean');
        expect(envelope.ok).toBe(status === 200);
        // A scenario accepted by loadScenario is the new expectation; nothing else may change it.
        if (op === 'loadScenario' && envelope.ok && (envelope.value as { ok: boolean }).ok) expectedScenario = sim.getScenario();
        expect(sim.getScenario()).toEqual(expectedScenario);
        // The world stays readable, and the journal in order (a load or reset starts it over).
        const world = sim.getWorld();
        expect(world.users.length).toBeGreaterThan(0);
        const entries = sim.getJournal({}).entries;
        for (let i = 1; i < entries.length; i++) expect(entries[i]!.seq).toBe(entries[i - 1]!.seq + 1);
        lastSeq = entries.at(-1)?.seq ?? 0;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // An operation the random draw happened to miss (each new one shifts the draw) still gets one request of each kind.
    for (const name of operationNames.filter((n: OperationName) => !perOperation.has(n))) {
      for (const [transport, text] of [['api', '{}'], ['control', '{"x":1}']] as const) {
        const { status, envelope } = await send(transport, name, text);
        expect([200, 400, 404, 409], `${transport} ${name}: ${status}`).toContain(status);
        expect(envelope.ok).toBe(status === 200);
      }
      perOperation.set(name, 2);
    }
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
    const covered = operationNames.filter((name: OperationName) => perOperation.has(name)).length;
    console.log(`fuzz: sent ${RUNS} requests (${summary}); ${covered}/${operationNames.length} operations; journal at seq ${lastSeq}`);
    expect(internalErrors).toEqual([]);
    expect(covered).toBe(operationNames.length);
    // Still answering, on both transports, and a login still works end to end.
    expect((await send('api', 'getClock', '{}')).status).toBe(200);
    expect((await send('control', 'getWorld', '{}')).status).toBe(200);
    const started = await send('api', 'submitCredentials', JSON.stringify({ username: 'smsuser', password: DEMO_PASSWORD, mode: 'live' }));
    expect(started.envelope).toMatchObject({ ok: true, value: { step: 'securityCode' } });
  }, 180_000);
});
