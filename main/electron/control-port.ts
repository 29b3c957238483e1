// The desktop app's --control-port: the control API of main/host on 127.0.0.1, on the app's simulation, with the token options both hosts share.
import { dialog } from 'electron';
import { startControlServer, type ControlServer } from '../host/control/server.js';
import { controlBanner, startLine } from '../host/control/start-info.js';
import { tokenFromOptions, type ControlStartOptions } from '../host/control/start-options.js';
import { TokenError, type ControlToken } from '../host/control/token.js';
import type { Simulation } from '../sim/simulation.js';

/** The app runs without the control API when it cannot start; a notice says why. */
function notStarted(reason: string): null {
  console.error(`Control API not started: ${reason}`);
  void dialog.showMessageBox({ type: 'warning', title: 'Control API not started', message: `The control API could not start: ${reason}.`, detail: 'The simulator runs without it.' });
  return null;
}

/**
 * Serves the control API at `port` behind the token the options ask for (a fresh one by default),
 * and prints where it is: for a person, or with --print-json one JSON line on stdout (the rest on stderr).
 */
export async function startControlPort(sim: Simulation, port: number, options: ControlStartOptions): Promise<ControlServer | null> {
  let token: ControlToken;
  try {
    token = tokenFromOptions(options);
  } catch (error) {
    if (error instanceof TokenError) return notStarted(error.message);
    throw error;
  }
  for (const warning of token.warnings) console.error(`warning: ${warning}`);
  let server: ControlServer;
  try {
    server = await startControlServer({ sim, port, token: token.value, onInternalError: (error) => console.error('Simulation error:', error) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return notStarted(code === 'EADDRINUSE' ? `port ${port} is already in use (try --control-port 0 for any free port)` : (error as Error).message);
  }
  const say = options.printJson ? (line: string) => console.error(line) : (line: string) => console.log(line);
  for (const line of controlBanner(server.controlUrl, token)) say(line);
  if (options.printJson) console.log(startLine({ host: 'electron', port: server.port, controlUrl: server.controlUrl, controlToken: server.controlToken, scenario: sim.scenario.name, pid: process.pid }));
  return server;
}
