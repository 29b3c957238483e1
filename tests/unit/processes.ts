// Child processes for the unit tests: each in a process group of its own, ended with all its children when the test ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  /** Resolves once the process has exited and its output is complete. */
  finished: Promise<Finished>;
  /** Sends a signal to the process and everything it started (npx → sh → tsx → node is four processes). */
  signal(signal: NodeJS.Signals): void;
}

export interface StartOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called for each complete line of stdout. */
  onLine?: (line: string) => void;
  /**
   * A hang guard, not a budget: the group is killed after this long. Keep it below the test's own timeout, so a hung
   * child fails the test with its output instead of outliving it.
   */
  killAfterMs?: number;
}

/** Process groups still running; whatever a test leaves behind is killed after it, failed or not. */
const running = new Set<number>();

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // A negative pid addresses the whole group: the child's own children die with it.
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

afterEach(() => {
  for (const pid of running) signalGroup(pid, 'SIGKILL');
  running.clear();
});

/** Starts `command` as the leader of a new process group (POSIX; the tests run on Linux and macOS). */
export function start(command: string, args: readonly string[], options: StartOptions = {}): Started {
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid !== undefined) running.add(pid);
  const finished = new Promise<Finished>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) if (line) options.onLine?.(line);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => pid !== undefined && signalGroup(pid, 'SIGKILL'), options.killAfterMs ?? 50_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close' (not 'exit'): stdout and stderr are complete.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (pid !== undefined) {
        // The leader is gone; anything it left in its group goes too.
        signalGroup(pid, 'SIGKILL');
        running.delete(pid);
      }
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    finished,
    signal(signal) {
      if (pid !== undefined) signalGroup(pid, signal);
    },
  };
}
