// Each limit of a scenario file at its edge (allowed, then one past it), and hostile YAML refused as problems with positions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, formatProblem, type ScenarioResult } from '../../../../main/sim/scenario/load.js';
import {
  MAX_ALIAS_EXPANSION,
  MAX_DURATION_MS,
  MAX_DEVICES_PER_USER,
  MAX_EXPECTATIONS,
  MAX_PHONES,
  MAX_SCALAR_CHARS,
  MAX_SCENARIO_ALIASES,
  MAX_SCENARIO_DEPTH,
  MAX_SCENARIO_LINES,
  MAX_SCENARIO_MARKS,
  MAX_SCRIPT_STEPS,
  MAX_TIMELINE_ENTRIES,
  MAX_USERS,
} from '../../../../main/sim/scenario/limits.js';
import { MAX_SCENARIO_CHARS } from '../../../../main/api/vocabulary.js';
import { requestSchemas } from '../../../../main/api/operations.js';
import { Simulation } from '../../../../main/sim/simulation.js';
import { demoScenario } from '../../helpers.js';

/** A valid file of 5 lines and 12 punctuation marks; tests add to it. */
const valid = 'name: t\ntitle: T\nseed: 7\nusers:\n  - { username: abc, password: pw, region: US }\n';
const VALID_MARKS = 12;

function problems(result: ScenarioResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}
function loads(result: ScenarioResult) {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}
const messages = (result: ScenarioResult) => (result.ok ? [] : result.problems.map(formatProblem));

describe('limits checked before YAML reads the file', () => {
  it(`takes ${MAX_SCENARIO_CHARS.toLocaleString('en-US')} characters and refuses one more, as the control API's loadScenario does`, () => {
    const padded = `${valid}#${'x'.repeat(MAX_SCENARIO_CHARS - valid.length - 1)}`;
    expect(padded.length).toBe(MAX_SCENARIO_CHARS);
    loads(parseScenario(padded, 'big.yaml'));
    expect(problems(parseScenario(`${padded}x`, 'big.yaml'))).toEqual([
      { file: 'big.yaml', line: 1, column: 1, field: '(file)', message: 'the file has 1,000,001 characters; a scenario file may have at most 1,000,000' },
    ]);
    expect(requestSchemas.loadScenario.safeParse({ text: padded, fileName: 'big.yaml' }).success).toBe(true);
    expect(requestSchemas.loadScenario.safeParse({ text: `${padded}x`, fileName: 'big.yaml' }).success).toBe(false);
  });

  it(`takes ${MAX_SCENARIO_LINES.toLocaleString('en-US')} lines and refuses the next one`, () => {
    // `valid` ends with a new line, so its 6th line is the empty one after it.
    const atLimit = valid + '\n'.repeat(MAX_SCENARIO_LINES - 6);
    expect(atLimit.split('\n')).toHaveLength(MAX_SCENARIO_LINES);
    loads(parseScenario(atLimit));
    expect(problems(parseScenario(`${atLimit}\n`, 'long.yaml'))).toEqual([
      { file: 'long.yaml', line: MAX_SCENARIO_LINES + 1, column: 1, field: '(file)', message: 'a scenario file may have at most 10,000 lines' },
    ]);
  });

  it(`takes ${MAX_SCENARIO_MARKS.toLocaleString('en-US')} punctuation marks, wherever they stand, and refuses the next one at its position`, () => {
    const atLimit = `${valid}# ${'-'.repeat(MAX_SCENARIO_MARKS - VALID_MARKS)}\n`;
    loads(parseScenario(atLimit));
    const past = `${valid}# ${'-'.repeat(MAX_SCENARIO_MARKS - VALID_MARKS)}!\n`;
    expect(problems(parseScenario(past, 'marks.yaml'))).toEqual([
      {
        file: 'marks.yaml',
        line: 6,
        column: MAX_SCENARIO_MARKS - VALID_MARKS + 3,
        field: '(file)',
        message: 'a scenario file may have at most 5,000 punctuation marks (: - , [ ] { } and the like); this one has more',
      },
    ]);
  });

  it('refuses a JSON-in-YAML document nested 100,000 deep by its punctuation, without parsing it', () => {
    for (const deep of [`description: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`]) {
      const [problem, ...rest] = problems(parseScenario(deep, 'deep.json'));
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ field: '(file)', message: expect.stringMatching(/^a scenario file may have at most 5,000 punctuation marks/) });
    }
  });
});

describe('limits checked on the syntax tree, before values are built', () => {
  const nested = (levels: number) => `${valid}description: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;

  it(`allows nesting ${MAX_SCENARIO_DEPTH} levels deep (the schema then judges the value) and refuses one more at that bracket`, () => {
    // The file's own map is the first level.
    expect(messages(parseScenario(nested(MAX_SCENARIO_DEPTH - 1), 'n.yaml'))).toEqual(['n.yaml:6:14: description: Invalid input: expected string, received array']);
    expect(problems(parseScenario(nested(MAX_SCENARIO_DEPTH), 'n.yaml'))).toEqual([
      { file: 'n.yaml', line: 6, column: 14 + MAX_SCENARIO_DEPTH - 1, field: '(syntax)', message: 'nested more than 20 levels deep' },
    ]);
  });

  it('refuses 2,000 levels of brackets and 1,000 of indentation (both within the punctuation limit) without overflowing the stack', () => {
    expect(messages(parseScenario(nested(2_000), 'n.yaml'))).toEqual(['n.yaml:6:33: (syntax): nested more than 20 levels deep']);
    const indented = `${valid}description:\n${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`;
    expect(messages(parseScenario(indented, 'n.yaml'))).toEqual(['n.yaml:26:21: (syntax): nested more than 20 levels deep']);
  });

  it('stops the parser early when a file nests far too deep for it to read quickly (keys joined by lone carriage returns)', () => {
    const keys = Array.from({ length: 4_000 }, (_, i) => `k${i}: 1`).join('\r');
    expect(messages(parseScenario(keys, 'cr.yaml'))).toEqual([expect.stringMatching(/^cr\.yaml:1:\d+: \(syntax\): nested more than 20 levels deep$/)]);
  });

  it(`takes a value of ${MAX_SCALAR_CHARS.toLocaleString('en-US')} characters, quoted, plain or block, and refuses a longer one before resolving it`, () => {
    const at = MAX_SCALAR_CHARS - 2;
    expect(messages(parseScenario(`${valid}description: "${'a b '.repeat(at / 4)}${'x'.repeat(at % 4)}"\n`, 's.yaml'))).toEqual(['s.yaml:6:14: description: Too big: expected string to have <=4000 characters']);
    for (const value of [`"${'a b '.repeat(at / 4)}xxx"`, `'${'a b '.repeat(2_600)}'`, `${'a b '.repeat(3_000)}`, `|\n${`  ${'a b '.repeat(20)}\n`.repeat(200)}`]) {
      expect(messages(parseScenario(`${valid}description: ${value}\n`, 's.yaml'))).toEqual(['s.yaml:6:14: (syntax): a value may have at most 10,000 characters']);
    }
  });

  it(`allows ${MAX_SCENARIO_ALIASES} aliases and refuses the next one`, () => {
    const users = (n: number) =>
      `name: t\ntitle: T\nseed: 7\nusers:\n${Array.from({ length: n }, (_, i) => `  - { username: user${i}, password: ${i === 0 ? '&pw secret' : '*pw'}, region: US }`).join('\n')}\n`;
    const ok = loads(parseScenario(users(MAX_SCENARIO_ALIASES + 1)));
    expect(ok.users.map((u) => u.password)).toEqual(Array(MAX_SCENARIO_ALIASES + 1).fill('secret'));
    expect(messages(parseScenario(users(MAX_SCENARIO_ALIASES + 2), 'a.yaml'))).toEqual([`a.yaml:${5 + MAX_SCENARIO_ALIASES + 1}:35: (syntax): a scenario file may have at most 50 aliases (*name)`]);
  });

  it(`refuses "billion laughs" that fit in ${MAX_SCENARIO_ALIASES} aliases by what they expand to (more than ${MAX_ALIAS_EXPANSION})`, () => {
    const lines = [valid, 'a0: &a0 [lol, lol, lol]'];
    for (let i = 1; i <= 4; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const result = problems(parseScenario(lines.join('\n'), 'lol.yaml'));
    expect(result).toHaveLength(1);
    expect(formatProblem(result[0]!)).toMatch(/^lol\.yaml:8:10: \(syntax\): the aliases expand to too much \(Excessive alias count/);
  });

  it('refuses an alias whose anchor is missing, or inside its own anchor', () => {
    expect(messages(parseScenario('name: t\ntitle: *nope\nseed: 1\nusers: []\n', 'x.yaml'))).toEqual(['x.yaml:2:8: (syntax): unknown alias *nope (an anchor &nope must come before it)']);
    expect(messages(parseScenario(`${valid}phones: &p [*p]\n`, 'x.yaml'))).toEqual(['x.yaml:6:13: (syntax): the alias *p is inside its own anchor']);
    expect(messages(parseScenario(`${valid}description: *later\nx: &later text\n`, 'x.yaml'))).toEqual(['x.yaml:6:14: (syntax): unknown alias *later (an anchor &later must come before it)']);
  });

  it('refuses tags, merge keys, keys that are not words, repeated keys and a second document', () => {
    expect(messages(parseScenario(`${valid}description: !!binary aGVsbG8=\n`, 't.yaml'))).toEqual(['t.yaml:6:14: (syntax): tags such as !!binary are not used in scenario files (put a value that starts with ! in quotes)']);
    expect(messages(parseScenario(`${valid}branding: !custom { company: X }\n`, 't.yaml'))).toEqual(['t.yaml:6:11: (syntax): tags such as !custom are not used in scenario files (put a value that starts with ! in quotes)']);
    expect(messages(parseScenario(`${valid}base: &b { company: X }\nbranding:\n  <<: *b\n`, 't.yaml'))).toEqual(['t.yaml:8:3: (syntax): merge keys (<<) are not supported; write the fields out']);
    expect(messages(parseScenario(`${valid}? [a, b]\n: c\n`, 't.yaml'))).toEqual(['t.yaml:6:3: (syntax): keys must be plain words, not lists, maps or aliases']);
    expect(messages(parseScenario(`${valid}title: Again\n`, 't.yaml'))).toEqual(['t.yaml:6:1: (syntax): the key "title" appears twice in this map']);
    expect(messages(parseScenario(`${valid}---\n${valid}`, 't.yaml'))).toEqual(['t.yaml:6:1: (syntax): a scenario file holds one YAML document; a second one starts here']);
    // Quoted, "<<" and "!" are ordinary text.
    expect(loads(parseScenario(`${valid}description: "!!binary <<"\n`)).description).toBe('!!binary <<');
  });

  it('refuses a map of thousands of keys by its punctuation, not by comparing every pair of keys', () => {
    const keys = Array.from({ length: 12_000 }, (_, i) => `k${i}: 1`).join('\n');
    expect(messages(parseScenario(keys, 'k.yaml'))).toEqual([expect.stringMatching(/^k\.yaml:5001:6: \(file\): a scenario file may have at most 5,000 punctuation marks/)]);
  });
});

describe('list lengths, checked before the schema validates each item', () => {
  const list = (key: string, n: number, item: string) => `${valid}${key}:\n${`  - ${item}\n`.repeat(n)}`;
  const cases: [string, number, string, string][] = [
    ['phones', MAX_PHONES, '{}', 'phones'],
    ['timeline', MAX_TIMELINE_ENTRIES, '{ at: 1s, restart: p }', 'timeline entries'],
    ['script', MAX_SCRIPT_STEPS, '{ wait: 1s }', 'script steps'],
    ['expect', MAX_EXPECTATIONS, '{ loggedIn: abc }', 'expectations'],
  ];
  for (const [key, max, item, words] of cases) {
    it(`${key}: at most ${max}`, () => {
      const limitMessage = new RegExp(`^x\\.yaml:\\d+:5: ${key}: \\d+ ${words}; a scenario may have at most ${max}$`);
      expect(messages(parseScenario(list(key, max, item), 'x.yaml')).some((m) => limitMessage.test(m))).toBe(false);
      expect(messages(parseScenario(list(key, max + 1, item), 'x.yaml'))).toEqual([`x.yaml:${6 + max + 1}:5: ${key}: ${max + 1} ${words}; a scenario may have at most ${max}`]);
    });
  }

  it(`users: at most ${MAX_USERS}, refused before any is validated (thousands already by their punctuation)`, () => {
    const users = (n: number) => `name: t\ntitle: T\nseed: 7\nusers:\n${Array.from({ length: n }, (_, i) => `  - { username: user${i}, password: pw, region: US }\n`).join('')}`;
    expect(loads(parseScenario(users(MAX_USERS))).users).toHaveLength(MAX_USERS);
    expect(messages(parseScenario(users(MAX_USERS + 1), 'u.yaml'))).toEqual([`u.yaml:${5 + MAX_USERS}:5: users: ${MAX_USERS + 1} users; a scenario may have at most ${MAX_USERS}`]);
    expect(messages(parseScenario(users(400), 'u.yaml'))).toEqual([`u.yaml:${5 + MAX_USERS}:5: users: 400 users; a scenario may have at most ${MAX_USERS}`]);
    expect(messages(parseScenario(users(2_000), 'u.yaml'))).toEqual([expect.stringMatching(/^u\.yaml:\d+:\d+: \(file\): a scenario file may have at most 5,000 punctuation marks/)]);
  });

  it(`devices: at most ${MAX_DEVICES_PER_USER} a user`, () => {
    const user = (n: number) => `name: t\ntitle: T\nseed: 7\nusers:\n  - username: abc\n    password: pw\n    region: US\n    devices:\n${Array.from({ length: n }, (_, i) => `      - { id: card${i}, kind: codecard, serial: SN-${1000 + i} }\n`).join('')}`;
    expect(loads(parseScenario(user(MAX_DEVICES_PER_USER))).users[0]!.devices).toHaveLength(MAX_DEVICES_PER_USER);
    expect(messages(parseScenario(user(MAX_DEVICES_PER_USER + 1), 'd.yaml'))).toEqual([`d.yaml:${9 + MAX_DEVICES_PER_USER}:9: users[0].devices: 21 devices; a scenario may have at most 20`]);
  });
});

describe('durations', () => {
  it('go up to 366 days; longer ones, and numbers no clock can hold, are refused', () => {
    expect(loads(parseScenario(`${valid}timing: { lockout: { duration: 366d } }\n`)).timing.lockout.duration).toBe(366 * 86_400_000);
    expect(messages(parseScenario(`${valid}timing: { lockout: { duration: 367d } }\n`, 'd.yaml'))).toEqual(['d.yaml:6:32: timing.lockout.duration: "367d" is longer than 366 days, the longest duration a scenario may give']);
    expect(messages(parseScenario(`${valid}timing: { codeLifetime: 1e308 }\n`, 'd.yaml'))).toEqual(['d.yaml:6:25: timing.codeLifetime: 1e+308 is longer than 366 days, the longest duration a scenario may give']);
  });
});

describe('the loadScenario operation', () => {
  it('answers { ok: false, problems } for hostile files and keeps the running scenario', () => {
    const sim = new Simulation(demoScenario());
    for (const text of ['title: *nope\n', `a: &a [${'*a, '.repeat(60)}]\n`, '['.repeat(5_000), 'x: !!binary aGVsbG8=\n', '<<: {}\n']) {
      const result = sim.loadScenario({ text, fileName: '/tmp/hostile.yaml' });
      expect(result.ok).toBe(false);
      if (!result.ok) for (const p of result.problems) expect(formatProblem(p)).toMatch(/^hostile\.yaml:\d+:\d+: /);
      expect(sim.getScenario({}).name).toBe('default');
    }
  });
});

describe('the README', () => {
  it('states every limit as limits.ts sets it', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Limits of a scenario file'), readme.indexOf('### The built-in library'));
    const row = (label: string) => section.split('\n').find((line) => line.startsWith(`| ${label}`)) ?? `(no row "${label}")`;
    const n = (value: number) => value.toLocaleString('en-US');
    expect(row('Size')).toContain(`| ${n(MAX_SCENARIO_CHARS)} characters`);
    expect(row('Lines')).toContain(`| ${n(MAX_SCENARIO_LINES)} |`);
    expect(row('Punctuation')).toContain(`| ${n(MAX_SCENARIO_MARKS)} |`);
    expect(row('Nesting')).toContain(`| ${MAX_SCENARIO_DEPTH} levels |`);
    expect(row('Aliases')).toContain(`| ${MAX_SCENARIO_ALIASES},`);
    expect(row('One value')).toContain(`| ${n(MAX_SCALAR_CHARS)} characters |`);
    expect(row('Users / phones')).toContain(`| ${MAX_USERS} / ${MAX_PHONES} |`);
    expect(row('Devices of one user')).toContain(`| ${MAX_DEVICES_PER_USER} |`);
    expect(new Set([MAX_TIMELINE_ENTRIES, MAX_SCRIPT_STEPS, MAX_EXPECTATIONS]).size).toBe(1);
    expect(row('Timeline entries')).toContain(`| ${MAX_TIMELINE_ENTRIES} each |`);
    expect(row('Any duration')).toContain(`| ${MAX_DURATION_MS / 86_400_000} days |`);
  });
});
