// What a host says once it listens: the lines for a person, and with --print-json one JSON line for a script.
import type { ControlToken } from './token.js';

/** How the banner's curl example refers to a token the user already has (never echoing it into logs). */
function tokenReference(token: ControlToken): string {
  switch (token.source) {
    case 'generated':
    case 'new-file':
      return token.value;
    case 'env':
      return '$SLS_TOKEN';
    case 'file':
      return `$(cat '${token.file}')`;
    case 'option':
      return '<the --token value>';
  }
}

/** What the host prints at start-up: where the API is, the token (or where it came from), and a command to copy. */
export function controlBanner(controlUrl: string, token: ControlToken): string[] {
  const reference = tokenReference(token);
  const known: Record<Exclude<ControlToken['source'], 'generated'>, string> = {
    option: 'the one given with --token',
    env: 'the one in SLS_TOKEN',
    file: `the one in ${token.file}`,
    'new-file': `${token.value} (new, written to ${token.file} with mode 0600)`,
  };
  const quote = token.source === 'generated' || token.source === 'new-file' ? "'" : '"';
  return [
    `Control API at ${controlUrl} (127.0.0.1 only); every request needs the token.`,
    `Control API token: ${token.source === 'generated' ? token.value : known[token.source]}`,
    `  e.g. curl -H ${quote}Authorization: Bearer ${reference}${quote} '${controlUrl}/pending?username=smsuser'`,
  ];
}

/** --print-json's one line: everything a script needs to reach the host. Null fields are off (no control API). */
export interface StartInfo {
  host: 'web' | 'electron';
  /** The port listened on (the control API's, for Electron). */
  port: number;
  /** The address to open, with the session secret (browser host only). */
  url?: string;
  origin?: string;
  sessionToken?: string;
  controlUrl: string | null;
  controlToken: string | null;
  scenario?: string;
  pid: number;
}

/** One line of JSON, nothing else: `JSON.parse` of the first stdout line is the whole answer. */
export function startLine(info: StartInfo): string {
  return JSON.stringify(info);
}
