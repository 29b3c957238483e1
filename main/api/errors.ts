// The contract's errors: what the simulation throws for a request it cannot serve, which dispatch turns into an envelope.

/** Thrown by the simulation for a request that is well-formed but names something that isn't there, or comes at the wrong step. */
export class SimError extends Error {
  constructor(
    readonly code: 'not_found' | 'wrong_state',
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}
