// The CLI's root program: registers every subcommand and turns any failure into one line and an exit code.
import { Command, CommanderError } from 'commander';
import { ExitStatus, requireSubcommand, UsageError, type CliIo } from './args.js';
import { registerOtpCommands } from './otp.js';
import { registerRecordCommand } from './record.js';
import { registerRunCommand } from './run.js';

/** Adds one family of subcommands; a new subcommand (e.g. `run`) adds its registrar here. */
export type CommandRegistrar = (program: Command, io: CliIo) => void;

const REGISTRARS: readonly CommandRegistrar[] = [registerOtpCommands, registerRunCommand, registerRecordCommand];

/** 0 success, 1 unexpected failure, 2 bad arguments. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function buildProgram(io: CliIo): Command {
  const program = new Command('sls-sim')
    .description('SLS Simulator command-line tools')
    // Settings made before subcommands are added are inherited by them.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander may add a second line (a "Did you mean" hint); keep the promise of one line.
      outputError: (text, write) => write(`${oneLine(text)}\n`),
    });
  requireSubcommand(program);
  for (const register of REGISTRARS) register(program, io);
  return program;
}

/** Runs the CLI on `argv` (the user's arguments, without node and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version also arrive here, with exit code 0; commander has already printed errors.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof ExitStatus) return error.code;
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT_FAILURE;
  }
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
