// Types of start.mjs, for the unit tests.
import type { EnsureResult } from './electron-binary.mjs';

export declare const outputs: { main: string; preload: string; renderer: string };
export declare function needsBuild(options?: { outputFiles?: string[]; sources?: string[] }): boolean;

type Log = (message: string) => void;
export type BuildResult = { ok: true } | { ok: false; message: string };
export declare function buildIfNeeded(options?: { log?: Log; error?: Log }): BuildResult;
export declare function resolveUserArgs(argv: string[], baseDir: string): string[];
export declare function launchElectron(binary: string, args: string[], options?: { env?: NodeJS.ProcessEnv; spawnFn?: unknown; error?: Log }): Promise<number>;

export declare function main(options?: {
  argv?: string[];
  baseDir?: string;
  build?: (options: { log: Log; error: Log }) => BuildResult;
  ensure?: (options: { log: Log; args: string[] }) => EnsureResult;
  launch?: (binary: string, args: string[]) => Promise<number>;
  log?: Log;
  error?: Log;
}): Promise<number>;
