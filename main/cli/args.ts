// What every CLI subcommand shares: the output streams, the usage error, and argument parsers.
import type { Command } from 'commander';

export interface CliOutput {
  write(text: string): unknown;
  /** A terminal (progress lines are for people, not for a report piped to a file). */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
}

/** A bad argument; the message names it (`--key-hex must be hexadecimal`) and the exit code is 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Ends the command with an exit code after it has said all it had to say (e.g. scenarios failed). */
export class ExitStatus extends Error {
  override name = 'ExitStatus';
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function parseHexBytes(flag: string, value: string): Buffer {
  if (!/^[0-9a-fA-F]+$/.test(value)) throw new UsageError(`${flag} must be hexadecimal`);
  if (value.length % 2 === 1) throw new UsageError(`${flag} must have an even number of hex digits`);
  return Buffer.from(value, 'hex');
}

export function parseHexInteger(flag: string, value: string): bigint {
  const digits = value.replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]+$/.test(digits)) throw new UsageError(`${flag} must be a hexadecimal number`);
  return BigInt(`0x${digits}`);
}

export function parseDecimalInteger(flag: string, value: string): bigint {
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`${flag} must be a non-negative decimal integer`);
  return BigInt(value);
}

export function parseIntegerInRange(flag: string, value: string, min: number, max: number): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}`);
  }
  return Number(value);
}

export function parseNumber(flag: string, value: string): number {
  // Number('') and Number(' ') are 0, so the shape is checked first.
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(value)) throw new UsageError(`${flag} must be a number`);
  return Number(value);
}

/**
 * Makes a command that only groups subcommands fail with one line when the subcommand is missing
 * or unknown, instead of commander's multi-line help on stderr.
 */
export function requireSubcommand(command: Command): void {
  // An action handler turns off commander's implicit `help` subcommand; keep it.
  command.helpCommand(true).allowExcessArguments().action(() => {
    const names = command.commands.map((sub) => sub.name()).join(', ');
    const [given] = command.args;
    const path = commandPath(command);
    throw new UsageError(
      given === undefined
        ? `${path} needs a command (${names}); see ${path} --help`
        : `unknown command '${given}' for ${path} (expected ${names})`,
    );
  });
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}
