// Reading scenario files from disk for the hosts and the CLI: bounded, regular files only, and problems, never a throw.
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES, MAX_SCENARIO_CHARS } from '../../../main/api/vocabulary.js';
import { readScenarioFile, readScenarioText } from '../../../main/host/scenario-files.js';
import { formatProblem } from '../../../main/sim/scenario/load.js';
import { defaultScenarioText } from '../helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sls-startup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('readScenarioText', () => {
  it('reads a regular file whole, up to the limits exactly', () => {
    expect(readScenarioText(file('a.yaml', defaultScenarioText))).toEqual({ ok: true, text: defaultScenarioText });
    const atLimit = 'x'.repeat(MAX_SCENARIO_CHARS);
    expect(readScenarioText(file('limit.yaml', atLimit))).toEqual({ ok: true, text: atLimit });
    expect(readScenarioText(file('empty.yaml', ''))).toEqual({ ok: true, text: '' });
  });

  it('refuses what is too large, by bytes before reading and by characters after', () => {
    const tooLarge = { ok: false, reason: 'too large for a scenario: the limit is 1,000,000 characters' };
    expect(readScenarioText(file('bytes.yaml', Buffer.alloc(MAX_SCENARIO_BYTES + 1, 0x61)))).toEqual(tooLarge);
    // 1,000,001 two-byte characters: 2 MB, under the byte limit, over the character limit.
    expect(readScenarioText(file('chars.yaml', 'é'.repeat(MAX_SCENARIO_CHARS + 1)))).toEqual(tooLarge);
  });

  it('names a missing file, a folder, and a device', () => {
    expect(readScenarioText(path.join(dir, 'gone.yaml'))).toEqual({ ok: false, reason: 'file not found' });
    expect(readScenarioText(dir)).toEqual({ ok: false, reason: 'not a file (a folder)' });
    // /dev/zero never ends: a plain read would fill the memory.
    if (existsSync('/dev/zero')) expect(readScenarioText('/dev/zero')).toEqual({ ok: false, reason: 'not a regular file' });
  });

  // Files in /proc (Linux) report size 0 and still have content.
  it.skipIf(!existsSync('/proc/self/status'))('reads past a size that says 0, up to the limit', () => {
    const read = readScenarioText('/proc/self/status');
    expect(read.ok && read.text).toMatch(/^Name:/);
  });
});

describe('readScenarioFile', () => {
  const messages = (name: string) => {
    const result = readScenarioFile(name);
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('refuses a file too large to hold a scenario without reading it', () => {
    const huge = path.join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 5_000_000); // sparse: costs no disk
    expect(messages(huge)).toEqual([`${huge}:1:1: (file): too large for a scenario: the limit is 1,000,000 characters`]);
  });

  it('answers problems for a missing file, a folder and hostile files, with their positions', () => {
    expect(messages(path.join(dir, 'nope.yaml'))).toEqual([`${path.join(dir, 'nope.yaml')}:1:1: (file): file not found`]);
    expect(messages(dir)).toEqual([`${dir}:1:1: (file): not a file (a folder)`]);
    const hostile = file('last.yaml', 'name: x\ntitle: *missing\n');
    expect(messages(hostile)).toEqual([`${hostile}:2:8: (syntax): unknown alias *missing (an anchor &missing must come before it)`]);
    // An alias bomb, which the YAML library refuses by throwing, is the loader's problem with a position.
    const aliases = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) aliases.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const bomb = file('bomb.yaml', aliases.join('\n'));
    expect(messages(bomb)).toEqual([`${bomb}:7:10: (syntax): a scenario file may have at most 50 aliases (*name)`]);
  });

  it('loads a good file, and lists the problems of a bad one', () => {
    expect(readScenarioFile(file('good.yaml', defaultScenarioText))).toMatchObject({ ok: true, scenario: { name: 'default' } });
    const bad = readScenarioFile(file('bad.yaml', 'name: broken\nphones: 12\n'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.length).toBeGreaterThan(1);
  });
});
