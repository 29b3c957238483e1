// Reading scenario files from disk: whatever is on disk, the answer is a list of problems, never an exception.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../../../main/host/scenario-files.js';
import { formatProblem } from '../../../../main/sim/scenario/load.js';

const messages = (file: string) => {
  const result = readScenarioFile(file);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('readScenarioFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sls-files-'));

  it('refuses a file too large to hold a scenario without reading it', () => {
    const huge = path.join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 5_000_000); // sparse: costs no disk
    expect(messages(huge)).toEqual([`${huge}:1:1: (file): the file has 5.0 MB; a scenario file may have at most 1,000,000 characters`]);
  });

  it('answers problems for a missing file, a folder and a hostile file', () => {
    expect(messages(path.join(dir, 'nope.yaml'))).toEqual([`${path.join(dir, 'nope.yaml')}:1:1: (file): file not found`]);
    expect(messages(dir)[0]).toMatch(/^.*:1:1: \(file\): EISDIR/);
    const hostile = path.join(dir, 'last.yaml');
    writeFileSync(hostile, 'name: x\ntitle: *missing\n');
    expect(messages(hostile)).toEqual([`${hostile}:2:8: (syntax): unknown alias *missing (an anchor &missing must come before it)`]);
  });
});
