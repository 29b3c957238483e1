// Saved worlds on disk for both hosts: `--import <file>` to start from one, `--export-on-exit <file>` to write one when the host stops.
//
// An imported file is a scenario file like any other, read and checked by the one reader
// (scenario-files.ts: regular files only, size-bounded, then the loader's limits on depth, aliases and
// every field), so a hostile one is refused with its problems. The export is written atomically: a
// temporary file in the same folder, flushed, then renamed over the target, so a host killed halfway
// leaves the previous file whole, never half of a new one.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Simulation } from '../sim/simulation.js';

export interface SavedWorldOptions {
  import?: string;
  exportOnExit?: string;
}

/** Adds the two options to a host's command (commander), with the same words in both hosts' --help. */
export function addSavedWorldOptions(command: Command): Command {
  return command
    .option('--import <file.yaml>', 'start from a saved world (a scenario file, e.g. one exported before); a file with problems lists them and stops the start')
    .option('--export-on-exit <file.yaml>', 'when the host stops (Ctrl+C, SIGTERM, the last window closed), save the running world there as a scenario file');
}

/**
 * Why the export could not be written there, checked at start so a typo is told at once rather than
 * lost at exit: the folder must exist, and the file, if there, must be a regular file.
 */
export function exportTargetProblem(file: string): string | null {
  try {
    if (!statSync(path.dirname(file)).isDirectory()) return `--export-on-exit: ${path.dirname(file)} is not a folder`;
  } catch {
    return `--export-on-exit: the folder ${path.dirname(file)} does not exist`;
  }
  try {
    if (!statSync(file).isFile()) return `--export-on-exit: ${file} exists and is not a regular file`;
  } catch {
    // Not there yet: it will be created.
  }
  return null;
}

/** Writes text to file through a temporary file beside it, renamed into place once flushed (0600: it holds the passwords). */
export function writeFileAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The running world exported and written to `file`; the message to print either way (the host is stopping, it must not throw). */
export function saveWorldTo(sim: Simulation, file: string): { ok: boolean; message: string } {
  try {
    writeFileAtomically(file, sim.exportWorld({}).text);
    return { ok: true, message: `Saved the world to ${file}` };
  } catch (error) {
    return { ok: false, message: `Could not save the world to ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
