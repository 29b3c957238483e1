// The start-up options both hosts share for the control API: a known token (--token, --token-file, SLS_TOKEN) and --print-json.
import type { Command } from 'commander';
import { resolveControlToken, type ControlToken } from './token.js';

export interface ControlStartOptions {
  token?: string;
  tokenFile?: string;
  generateToken?: boolean;
  printJson?: boolean;
}

/** Adds the options to a command (commander), with the same words in both hosts' --help. */
export function addStartOptions(command: Command): Command {
  return command
    .option('--token <value>', 'the control API token, known in advance (env SLS_TOKEN); at least 32 characters, no pattern')
    .option('--token-file <path>', 'read the control API token from this file (one line)')
    .option('--generate-token', 'with --token-file: when the file does not exist, write a new random token to it (mode 0600)')
    .option('--print-json', 'once listening, print one JSON line on stdout (addresses, port, tokens); every other message goes to stderr');
}

/** The control token the options and SLS_TOKEN ask for (throws a TokenError that says what to fix). */
export function tokenFromOptions(options: ControlStartOptions, env: NodeJS.ProcessEnv = process.env): ControlToken {
  return resolveControlToken({ token: options.token, tokenFile: options.tokenFile, generateToken: options.generateToken, env: env.SLS_TOKEN });
}
