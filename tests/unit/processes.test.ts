// The test helper for child processes: a process and the children it started end together, even when a test forgets them.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { start } from './processes.js';

/** A shell that starts a grandchild (as npx → tsx → node does), prints its pid, and waits for it. */
const withGrandchild = ['-c', 'sleep 300 & echo $!; wait'];

/** Running, not just listed: a killed orphan may stay a zombie if nothing reaps it (a container's init). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync('/proc')) return true;
  try {
    // /proc/<pid>/stat: "pid (name) state …"; Z is a zombie, X dead.
    const state = /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Resolves with the grandchild's pid once the shell has printed it. */
function grandchildOf(onLine: (listener: (line: string) => void) => void): Promise<number> {
  return new Promise((resolve) => onLine((line) => resolve(Number(line))));
}

describe('start', () => {
  it('collects the output and the exit code', async () => {
    const result = await start('sh', ['-c', 'echo out; echo err >&2; exit 3']).finished;
    expect(result).toEqual({ code: 3, signal: null, stdout: 'out\n', stderr: 'err\n' });
  });

  it('signals the whole group: the grandchild goes with the child', async () => {
    let listener: (line: string) => void = () => {};
    const child = start('sh', withGrandchild, { onLine: (line) => listener(line) });
    const grandchild = await grandchildOf((l) => (listener = l));
    expect(alive(grandchild)).toBe(true);
    child.signal('SIGTERM');
    expect((await child.finished).signal).toBe('SIGTERM');
    await expect.poll(() => alive(grandchild)).toBe(false);
  });

  it('kills a child that outlives its guard, children included', async () => {
    let listener: (line: string) => void = () => {};
    const child = start('sh', withGrandchild, { onLine: (line) => listener(line), killAfterMs: 200 });
    const grandchild = await grandchildOf((l) => (listener = l));
    expect((await child.finished).signal).toBe('SIGKILL');
    await expect.poll(() => alive(grandchild)).toBe(false);
  });

  let forgotten = 0;
  it('leaves a process running (as a failing test would)', async () => {
    let listener: (line: string) => void = () => {};
    start('sh', withGrandchild, { onLine: (line) => listener(line) });
    forgotten = await grandchildOf((l) => (listener = l));
    expect(alive(forgotten)).toBe(true);
  });

  it('…which is gone once that test is over', async () => {
    expect(forgotten).toBeGreaterThan(0);
    await expect.poll(() => alive(forgotten)).toBe(false);
  });
});
