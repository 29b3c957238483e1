// The one reading of a port number on a command line or in SLS_PORT, for every entry point.
import { InvalidArgumentError } from 'commander';

export const PORT_HINT = 'a port number from 0 to 65535 (0 = any free port)';

/** A port from its decimal text (0 = any free port), or null when it is not one. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

/** commander's argument parser for a port option: the port, or commander's usage error. */
export function portArgument(text: string): number {
  const port = parsePort(text);
  if (port === null) throw new InvalidArgumentError(PORT_HINT);
  return port;
}
