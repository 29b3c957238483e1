import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch.js';
import { operationNames, requestSchemas } from '../../../main/api/operations.js';
import { demoSim } from '../helpers.js';

describe('dispatch (the one entry point of every transport)', () => {
  it('names every operation once, schema and name list alike', () => {
    expect([...operationNames].sort()).toEqual(Object.keys(requestSchemas).sort());
  });

  it('rejects an unknown operation', () => {
    expect(dispatch(demoSim(), 'rmRf', {})).toEqual({ ok: false, error: { code: 'unknown_operation', message: 'Unknown operation "rmRf"' } });
    expect(dispatch(demoSim(), '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('gives a clear error for invalid payloads, naming the field', () => {
    const sim = demoSim();
    expect(dispatch(sim, 'submitCredentials', { username: 'smsuser', mode: 'live' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'Invalid request for submitCredentials: password: Invalid input: expected string, received undefined' },
    });
    expect(dispatch(sim, 'submitCredentials', { username: 'a', password: 'b', mode: 'demo' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', issues: [{ path: 'mode' }] },
    });
    expect(dispatch(sim, 'submitCode', { loginId: 'L1', code: 'x'.repeat(1000) })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(dispatch(sim, 'advanceClock', { ms: -5 })).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'ms' }] } });
    expect(dispatch(sim, 'getWorld', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(dispatch(sim, 'getWorld', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('turns simulation refusals into not_found / wrong_state errors', () => {
    const sim = demoSim();
    expect(dispatch(sim, 'submitCode', { loginId: 'L99', code: '123456' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const started = dispatch(sim, 'submitCredentials', { username: 'smsuser', password: 'Demo1234', mode: 'live' });
    expect(started.ok).toBe(true);
    expect(dispatch(sim, 'acceptPaperWarning', { loginId: 'L1' })).toMatchObject({ ok: false, error: { code: 'wrong_state' } });
  });

  it('reports an internal error instead of throwing', () => {
    const sim = demoSim();
    const broken = Object.create(sim) as typeof sim;
    broken.getClock = () => {
      throw new TypeError('boom');
    };
    const seen: unknown[] = [];
    expect(dispatch(broken, 'getClock', {}, (e) => seen.push(e))).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error in getClock' } });
    expect(seen).toHaveLength(1);
  });
});
