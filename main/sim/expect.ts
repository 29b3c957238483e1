// Checks a scenario's expectations against what the journal and the world say happened.
import type { JournalEntry } from '../api/events.js';
import type { Expectation } from './scenario/schema.js';
import type { Simulation } from './simulation.js';

export interface ExpectationResult {
  expectation: Expectation;
  ok: boolean;
  detail: string;
}

// Typed by the journal, so a name no event carries does not compile (there was a 'call.held').
const kindEvents = {
  sms: { delivered: 'sms.delivered', lost: 'sms.suppressed', held: 'sms.held' },
  push: { delivered: 'push.delivered', lost: 'push.suppressed', held: 'push.held' },
  /** A call the network cannot put through is lost at once: calls are never held. */
  call: { delivered: 'call.ringing', lost: 'call.suppressed', held: null },
} as const satisfies Record<string, { delivered: JournalEntry['type']; lost: JournalEntry['type']; held: JournalEntry['type'] | null }>;

function describe(e: Expectation): string {
  return Object.entries(e)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

export function checkExpectations(sim: Simulation, expectations: readonly Expectation[]): ExpectationResult[] {
  const entries = sim.getJournal({}).entries;
  const world = sim.getWorld({});
  const of = <T extends JournalEntry['type']>(type: T) => entries.filter((e): e is Extract<JournalEntry, { type: T }> => e.type === type);

  return expectations.map((expectation) => {
    const result = (ok: boolean, detail: string): ExpectationResult => ({ expectation, ok, detail: `${describe(expectation)} — ${detail}` });
    if ('delivered' in expectation) {
      const names = kindEvents[expectation.delivered];
      const hits = entries.filter((e) => {
        if (e.type !== names.delivered) return false;
        if (expectation.to && 'phoneId' in e && e.phoneId !== expectation.to) return false;
        if (expectation.silenced !== undefined && e.type === 'push.delivered' && e.silenced !== expectation.silenced) return false;
        return true;
      });
      return result(hits.length > 0, hits.length ? `${hits.length} delivered` : 'nothing delivered');
    }
    if ('notDelivered' in expectation) {
      const names = kindEvents[expectation.notDelivered];
      const held = 'held' in expectation ? expectation.held : undefined;
      const either = names.held === null ? [names.lost] : [names.lost, names.held];
      const wanted: string[] = held === undefined ? either : held && names.held ? [names.held] : [names.lost];
      const hit = entries.find((e) => wanted.includes(e.type) && 'reason' in e && e.reason === expectation.reason);
      const seen = entries.filter((e) => e.type === names.lost || e.type === names.held).map((e) => ('reason' in e ? e.reason : '?'));
      return result(!!hit, hit ? `${hit.type} at ${hit.at}` : `reasons seen: ${seen.join(', ') || 'none'}`);
    }
    if ('loggedIn' in expectation) {
      const { loggedIn: user, factor, by, within } = expectation;
      const candidates = of('login.succeeded').filter((e) => e.username === user && (!factor || e.factor === factor));
      const match = candidates.find((s) => {
        const started = of('login.started').find((e) => e.loginId === s.loginId);
        if (within !== undefined && (!started || s.at - started.at > within)) return false;
        if (!by) return true;
        const proof = { push: 'push.approved', challenge: 'response.accepted', code: 'code.accepted', none: null }[by];
        return proof === null ? s.factor === 'none' : entries.some((e) => e.type === proof && 'loginId' in e && e.loginId === s.loginId);
      });
      return result(!!match, match ? `logged in as ${match.loginId} by ${match.factor}` : `${candidates.length} login(s) of ${user} matched the user and factor`);
    }
    if ('notLoggedIn' in expectation) {
      const hits = of('login.succeeded').filter((e) => e.username === expectation.notLoggedIn);
      return result(hits.length === 0, hits.length ? `logged in ${hits.length} time(s)` : 'not logged in');
    }
    if ('enrolled' in expectation) {
      const done = of('enrolment.completed').filter((e) => e.username === expectation.enrolled);
      return result(done.length > 0, done.length ? `enrolled ${done[0]!.number} for SMS` : 'not enrolled');
    }
    if ('locked' in expectation) {
      const user = world.users.find((u) => u.username === expectation.locked);
      return result(!!user?.lockedUntil, user?.lockedUntil ? `locked until ${new Date(user.lockedUntil).toISOString()}` : 'not locked');
    }
    const failed = of('login.failed').filter((e) => e.username === expectation.loginFailed);
    return result(failed.length > 0, failed.length ? `failed: ${failed[0]!.reason}` : 'no failed login');
  });
}
