// Fuzzing POST /control/scenario with mutated library files: every answer is 200 or 422, never 500, and a refusal changes nothing.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileLibrary, libraryFiles } from '../../../main/host/scenario-library.js';
import { appRoot } from '../../../main/host/scenario-files.js';
import { Simulation } from '../../../main/sim/simulation.js';
import { startControlServer, type ControlServer } from '../../../main/host/control/server.js';
import { generateSecret } from '../../../main/host/secret.js';
import { demoScenario } from '../helpers.js';

/** Fixed, so a failure repeats; fast-check prints it again with the smallest failing case. */
const SEED = 20_261_201;
const RUNS = 160;

const library = libraryFiles(path.join(appRoot(), 'scenarios', 'library')).map((file) => ({ name: path.basename(file), text: readFileSync(file, 'utf8') }));

type CaseClass = 'byte flips' | 'truncation' | 'alias bomb' | 'deep nesting' | 'binary junk' | 'huge numbers' | 'line shuffle';
interface FuzzCase {
  kind: CaseClass;
  /** What was done, in a few words, for the summary and for a failure's message. */
  what: string;
  body: Buffer;
  asJson: boolean;
}

/** A case that fast-check prints as its summary, not as kilobytes of buffer. */
function fuzzCase(kind: CaseClass, what: string, body: Buffer, asJson: boolean): FuzzCase {
  return { kind, what, body, asJson, [fc.toStringMethod]: () => `${kind}: ${what} (${body.length} bytes${asJson ? ', as JSON' : ''}) ${JSON.stringify(body.toString('utf8').slice(0, 120))}…` } as FuzzCase;
}

const aFile = fc.integer({ min: 0, max: library.length - 1 }).map((i) => library[i]!);
const bytes = (text: string) => Buffer.from(text, 'utf8');

const byteFlips = fc.record({ file: aFile, flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), asJson: fc.boolean() }).map(({ file, flips, asJson }): FuzzCase => {
  const body = Buffer.from(file.text, 'utf8');
  for (const [at, value] of flips) body[at % body.length] = value;
  return fuzzCase('byte flips', `${file.name} with ${flips.length} bytes changed`, body, asJson);
});

const truncation = fc.record({ file: aFile, keep: fc.double({ min: 0, max: 1, noNaN: true }), asJson: fc.boolean() }).map(({ file, keep, asJson }): FuzzCase => {
  const cut = Math.floor(file.text.length * keep);
  return fuzzCase('truncation', `${file.name} cut at ${cut} of ${file.text.length}`, bytes(file.text.slice(0, cut)), asJson);
});

/** "Billion laughs": each level an anchored list of aliases to the one before; placed into a file or alone. */
const aliasBomb = fc.record({ file: aFile, levels: fc.integer({ min: 2, max: 12 }), width: fc.integer({ min: 2, max: 12 }), where: fc.constantFrom('alone', 'description', 'users'), asJson: fc.boolean() }).map(({ file, levels, width, where, asJson }): FuzzCase => {
  const lines = ['bomb0: &l0 ["lol", "lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`bomb${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
  const top = `*l${levels}`;
  let text = lines.join('\n');
  if (where === 'description') text = `${file.text.replace(/^description:.*$/m, '')}\n${text}\ndescription: ${top}\n`;
  if (where === 'users') text = `${file.text.replace(/^users:/m, 'oldUsers:')}\n${text}\nusers: ${top}\n`;
  return fuzzCase('alias bomb', `${levels} levels × ${width} aliases, ${where}`, bytes(text), asJson);
});

/** JSON-in-YAML flow nesting or block maps indented one step further per level, as a value in a file. */
const deepNesting = fc.record({ file: aFile, depth: fc.oneof(fc.integer({ min: 15, max: 30 }), fc.integer({ min: 30, max: 3_000 }), fc.constant(100_000)), style: fc.constantFrom('flow-seq', 'flow-map', 'block'), asJson: fc.boolean() }).map(({ file, depth, style, asJson }): FuzzCase => {
  const block = Math.min(depth, 1_300); // 1,300 levels of indentation are already 845,000 characters
  const value =
    style === 'flow-seq' ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : style === 'flow-map' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `\n${Array.from({ length: block }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1`;
  const text = `${file.text.replace(/^description:.*$/m, '')}\ndescription: ${value}\n`;
  return fuzzCase('deep nesting', `${style} ${style === 'block' ? block : depth} levels`, bytes(text), asJson);
});

const binaryJunk = fc.record({ junk: fc.integer({ min: 0, max: 4_000 }).chain((length) => fc.uint8Array({ minLength: length, maxLength: length })), asJson: fc.boolean() }).map(({ junk, asJson }): FuzzCase => fuzzCase('binary junk', `${junk.length} random bytes`, Buffer.from(junk), asJson));

const hugeNumber = fc.constantFrom('1e308', '-1e308', '1e400', '99999999999999999999999999999', '.inf', '-.inf', '.nan', '0x7fffffffffffffff', '-0', '1e-400', '123456789012345678901234567890s', '99999999999h', '4294967296d');
const hugeNumbers = fc.record({ file: aFile, value: hugeNumber, nth: fc.nat(), asJson: fc.boolean() }).map(({ file, value, nth, asJson }): FuzzCase => {
  // Replaces one number (a seed, a duration, a count) in the file.
  const numbers = [...file.text.matchAll(/(?<=[:\s,[{-])\d+(?:\.\d+)?(?:ms|s|m|h|d)?(?=[\s,\]}]|$)/gm)];
  if (numbers.length === 0) return fuzzCase('huge numbers', `${file.name} + timing ${value}`, bytes(`${file.text}\ntiming: { codeLifetime: ${value}, maxWrongCodes: ${value} }\n`), asJson);
  const match = numbers[nth % numbers.length]!;
  const text = file.text.slice(0, match.index) + value + file.text.slice(match.index + match[0].length);
  return fuzzCase('huge numbers', `${file.name}: ${match[0]} → ${value}`, bytes(text), asJson);
});

const lineShuffle = fc.record({ file: aFile, other: aFile, moves: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), asJson: fc.boolean() }).map(({ file, other, moves, asJson }): FuzzCase => {
  // Lines swapped within a file, or taken from another one: plausible YAML that breaks the schema.
  const lines = file.text.split('\n');
  const donor = other.text.split('\n');
  for (const [a, b] of moves) {
    if (a % 2 === 0) [lines[a % lines.length], lines[b % lines.length]] = [lines[b % lines.length]!, lines[a % lines.length]!];
    else lines.splice(a % lines.length, 0, donor[b % donor.length]!);
  }
  return fuzzCase('line shuffle', `${file.name} with ${moves.length} line moves (some from ${other.name})`, bytes(lines.join('\n')), asJson);
});

const anyCase = fc.oneof(byteFlips, truncation, aliasBomb, deepNesting, binaryJunk, hugeNumbers, lineShuffle);

let sim: Simulation;
let server: ControlServer;
const internalErrors: unknown[] = [];

function send(fuzz: FuzzCase, fileName: string): Promise<{ status: number; body: string }> {
  // Either the file itself as YAML, or its text inside JSON (fast-check picks).
  const payload = fuzz.asJson ? Buffer.from(JSON.stringify({ text: fuzz.body.toString('utf8'), fileName })) : fuzz.body;
  const urlPath = fuzz.asJson ? '/control/scenario' : `/control/scenario?fileName=${fileName}`;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: urlPath,
        headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.controlToken}`, 'content-type': fuzz.asJson ? 'application/json' : 'application/yaml', 'content-length': payload.length },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

beforeAll(async () => {
  sim = new Simulation(demoScenario(), { library: fileLibrary() });
  server = await startControlServer({ sim, port: 0, token: generateSecret(), heartbeatMs: 60_000, onInternalError: (error) => internalErrors.push(error) });
});
afterAll(async () => {
  await server?.close();
});

describe('POST /control/scenario with hostile files', () => {
  it(`answers 200 or 422 to ${RUNS} mutated library files, never 500, and a refused file leaves the running scenario as it was`, async () => {
    const summary = new Map<CaseClass, { cases: number; loaded: number; refused: number; largest: number; example: string }>();
    console.log(`scenario fuzz: seed ${SEED}, ${RUNS} runs`);
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(anyCase, async (fuzz) => {
          const fileName = `fuzz-${n++}.yaml`;
          const before = JSON.stringify(sim.getScenario({}));
          const reply = await send(fuzz, fileName);
          const line = summary.get(fuzz.kind) ?? { cases: 0, loaded: 0, refused: 0, largest: 0, example: fuzz.what };
          summary.set(fuzz.kind, line);
          line.cases++;
          line.largest = Math.max(line.largest, fuzz.body.length);
          expect([200, 422], `${fuzz.kind}: ${fuzz.what} answered ${reply.status} ${reply.body.slice(0, 300)}`).toContain(reply.status);
          const envelope = JSON.parse(reply.body) as { ok: boolean; error?: { issues?: { path: string; message: string }[] } };
          if (reply.status === 200) {
            line.loaded++;
            expect(envelope.ok).toBe(true);
            // A file that loads must also run: a day of its timeline and timers on the virtual clock.
            sim.advance(24 * 3_600_000);
            expect((await send(fuzzCase('truncation', 'a whole file', bytes(library[0]!.text), false), 'after.yaml')).status).toBe(200);
            return;
          }
          line.refused++;
          const issues = envelope.error?.issues ?? [];
          expect(issues.length, `${fuzz.what}: a refusal lists its problems`).toBeGreaterThan(0);
          for (const issue of issues) expect(issue.message, fuzz.what).toMatch(new RegExp(`^${fileName.replace('.', '\\.')}:\\d+:\\d+: `));
          expect(JSON.stringify(sim.getScenario({})), `${fuzz.what}: the running scenario is unchanged`).toBe(before);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    } finally {
      for (const [kind, s] of summary) {
        console.log(`  ${kind}: ${s.cases} sent (${s.loaded} loaded, ${s.refused} refused), largest ${s.largest.toLocaleString('en-US')} bytes, e.g. ${s.example}`);
      }
    }
    expect(internalErrors).toEqual([]);
    // Still serving, and still able to load a good file after all that.
    const good = await send(fuzzCase('truncation', 'a whole file', bytes(library[0]!.text), false), 'good.yaml');
    expect(good.status).toBe(200);
  }, 300_000);
});
