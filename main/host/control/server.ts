// The control API served alone on 127.0.0.1: Electron's --control-port (its windows talk over IPC, so no pages and no windows' API here).
import type { FastifyInstance } from 'fastify';
import type { Simulation } from '../../sim/simulation.js';
import { sendError } from '../http/reply.js';
import { pathOf } from '../http/request-target.js';
import { createHttpBase, type HttpBaseOptions } from '../http/server-base.js';
import { CONTROL_PREFIX } from './access.js';
import { registerControlRoutes } from './routes.js';
import { tokenProblem } from './token.js';

export interface ControlServerOptions extends Omit<HttpBaseOptions, 'events'> {
  sim: Simulation;
  /** The bearer token (checked by tokenProblem: main/host/control/token.ts). */
  token: string;
}

export interface ControlServer {
  readonly app: FastifyInstance;
  readonly port: number;
  /** `http://127.0.0.1:<port>/`: nothing answers there but 404 envelopes. */
  readonly origin: string;
  /** `http://127.0.0.1:<port>/control`. */
  readonly controlUrl: string;
  readonly controlToken: string;
  /** Journal streams connected. */
  readonly openStreams: number;
  close(): Promise<void>;
}

export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const { sim, token, ...rest } = options;
  const problem = tokenProblem(token);
  if (problem) throw new Error(`The control API token ${problem}`);
  const base = createHttpBase({ ...rest, events: sim });
  await registerControlRoutes(base.app, { sim, token, streams: base.streams, onInternalError: options.onInternalError });
  base.app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `No route ${request.method} ${pathOf(request.url)}`));
  let port: number;
  try {
    port = await base.listen();
  } catch (error) {
    await base.app.close();
    throw error;
  }
  const origin = `http://${base.host}:${port}/`;
  return {
    app: base.app,
    port,
    origin,
    controlUrl: `http://${base.host}:${port}${CONTROL_PREFIX}`,
    controlToken: token,
    get openStreams() {
      return base.streams.size;
    },
    close: () => base.app.close(),
  };
}
