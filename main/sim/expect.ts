// Checks a scenario's expectations against what the journal and the world say happened.
import type { JournalEntry } from '../api/events.js';
import type { Service } from '../api/operations.js';
import type { PhoneView, WorldView } from '../api/views.js';
import type { Expectation } from './scenario/schema.js';

export interface ExpectationResult {
  expectation: Expectation;
  ok: boolean;
  /** The expectation as written, then what was found: `loggedIn: smsuser, within: 1m — logged in as L1 by sms`. */
  detail: string;
}

// Typed by the journal, so a name no event carries does not compile (there was a 'call.held').
const kindEvents = {
  sms: { delivered: 'sms.delivered', lost: 'sms.suppressed', held: 'sms.held' },
  push: { delivered: 'push.delivered', lost: 'push.suppressed', held: 'push.held' },
  /** A call the network cannot put through is lost at once: calls are never held. */
  call: { delivered: 'call.ringing', lost: 'call.suppressed', held: null },
} as const satisfies Record<string, { delivered: JournalEntry['type']; lost: JournalEntry['type']; held: JournalEntry['type'] | null }>;

/** What a check reads: the whole journal, and the world as it stands after the run. */
interface Evidence {
  entries: readonly JournalEntry[];
  world: WorldView;
  /** A phone as it stands after the run (its messages and calls), or null if the scenario has none of that id. */
  phone(id: string): PhoneView | null;
  of<T extends JournalEntry['type']>(type: T): Extract<JournalEntry, { type: T }>[];
}

type Verdict = { ok: boolean; found: string };
type Checks = { [K in Expectation['kind']]: (e: Evidence, expectation: Extract<Expectation, { kind: K }>) => Verdict };

/** One check per kind of expectation; a kind added to the schema without one here does not compile. */
const checks: Checks = {
  delivered({ entries, phone }, { channel, to, silenced, containing }) {
    const hits = entries.filter((e) => {
      if (e.type !== kindEvents[channel].delivered) return false;
      if (to && 'phoneId' in e && e.phoneId !== to) return false;
      if (silenced !== undefined && e.type === 'push.delivered' && e.silenced !== silenced) return false;
      return true;
    });
    if (containing === undefined || hits.length === 0) return { ok: hits.length > 0, found: hits.length ? `${hits.length} delivered` : 'nothing delivered' };
    // The words are read off the phones the messages reached, as the person holding them would.
    const said = [...new Set(hits.map((e) => ('phoneId' in e ? e.phoneId : '')))].flatMap((id) => {
      const view = phone(id);
      if (!view) return [];
      return channel === 'sms' ? view.messages.map((m) => m.text) : view.calls.flatMap((c) => (c.transcript ? [c.transcript] : []));
    });
    const match = said.find((text) => text.includes(containing));
    const last = said.at(-1);
    return { ok: !!match, found: match ? `"${match}"` : `${hits.length} delivered, none saying it${last ? ` (last: "${last}")` : channel === 'call' ? ' (no call answered)' : ''}` };
  },
  notDelivered({ entries }, { channel, reason, held }) {
    const names = kindEvents[channel];
    const either = names.held === null ? [names.lost] : [names.lost, names.held];
    const wanted: string[] = held === undefined ? either : held && names.held ? [names.held] : [names.lost];
    const hit = entries.find((e) => wanted.includes(e.type) && 'reason' in e && e.reason === reason);
    const seen = entries.filter((e) => e.type === names.lost || e.type === names.held).map((e) => ('reason' in e ? e.reason : '?'));
    return { ok: !!hit, found: hit ? `${hit.type} at ${hit.at}` : `reasons seen: ${seen.join(', ') || 'none'}` };
  },
  loggedIn({ entries, of }, { user, factor, by, within, readOnly }) {
    const candidates = of('login.succeeded').filter((e) => e.username === user && (!factor || e.factor === factor) && (readOnly === undefined || e.readOnly === readOnly));
    const match = candidates.find((s) => {
      const started = of('login.started').find((e) => e.loginId === s.loginId);
      if (within !== undefined && (!started || s.at - started.at > within)) return false;
      if (!by) return true;
      const proof = { push: 'push.approved', challenge: 'response.accepted', code: 'code.accepted', none: null }[by];
      return proof === null ? s.factor === 'none' : entries.some((e) => e.type === proof && 'loginId' in e && e.loginId === s.loginId);
    });
    return { ok: !!match, found: match ? `logged in as ${match.loginId} by ${match.factor}` : `${candidates.length} login(s) of ${user} matched the user and factor` };
  },
  notLoggedIn({ of }, { user }) {
    const hits = of('login.succeeded').filter((e) => e.username === user);
    return { ok: hits.length === 0, found: hits.length ? `logged in ${hits.length} time(s)` : 'not logged in' };
  },
  enrolled({ of }, { user }) {
    // At a login's enrolment, or by the Client Portal shortly after the number was verified there.
    const done = [...of('enrolment.completed'), ...of('portal.sms_enrolled')].filter((e) => e.username === user);
    return { ok: done.length > 0, found: done.length ? `enrolled ${done[0]!.number} for SMS${done[0]!.type === 'portal.sms_enrolled' ? ' (Client Portal)' : ''}` : 'not enrolled' };
  },
  numberVerified({ of }, { user }) {
    const done = of('portal.number_verified').filter((e) => e.username === user);
    return { ok: done.length > 0, found: done.length ? `verified ${done[0]!.number} in ${done[0]!.loginId}` : 'no number verified in the Client Portal' };
  },
  optOut({ of }, { user, outcome }) {
    const tries = of('portal.opt_out').filter((e) => e.username === user);
    const hit = tries.find((e) => e.outcome === outcome);
    return { ok: !!hit, found: tries.length ? tries.map((e) => `${e.outcome} (${e.region})`).join('; ') : 'never tried opting out' };
  },
  locked({ world }, { user }) {
    const lockedUntil = world.users.find((u) => u.username === user)?.lockedUntil;
    return { ok: !!lockedUntil, found: lockedUntil ? `locked until ${new Date(lockedUntil).toISOString()}` : 'not locked' };
  },
  dialog({ of }, { dialog, user, attempts }) {
    const seen = (() => {
      switch (dialog) {
        case 'connecting':
          return of('connection.established').filter((e) => attempts === undefined || e.attempts === attempts).map((e) => `${e.loginId} connected at attempt #${e.attempts}`);
        case 'existingSession':
          return of('session.existing').filter((e) => !user || e.username === user).map((e) => `${e.loginId} (other: ${e.other ?? 'elsewhere'})`);
        case 'reloginRequired':
          return [...of('session.expired'), ...of('session.disconnected')]
            .filter((e) => !user || e.username === user)
            .map((e) => (e.type === 'session.expired' ? `${e.loginId} timed out` : `${e.ended ?? 'the session elsewhere'} disconnected`));
        case 'paperWarning':
          // Every paper login that got past its second factor is shown the warning first.
          return of('login.succeeded').filter((e) => e.mode === 'paper' && (!user || e.username === user)).map((e) => `${e.loginId} accepted it`);
      }
    })();
    return { ok: seen.length > 0, found: seen.length ? seen.join('; ') : `no ${dialog}` };
  },
  disconnected({ of }, { user }) {
    const hits = of('session.disconnected').filter((e) => e.username === user);
    return { ok: hits.length > 0, found: hits.length ? hits.map((e) => `${e.ended ?? 'the session elsewhere'} by ${e.loginId}`).join('; ') : 'no session disconnected' };
  },
  loginFailed({ of }, { user }) {
    const failed = of('login.failed').filter((e) => e.username === user);
    return { ok: failed.length > 0, found: failed.length ? `failed: ${failed[0]!.reason}` : 'no failed login' };
  },
};

export function checkExpectations(api: Service, expectations: readonly Expectation[]): ExpectationResult[] {
  const entries = api.getJournal({}).entries;
  const world = api.getWorld({});
  const evidence: Evidence = {
    entries,
    world,
    phone: (id) => (world.phones.some((p) => p.id === id) ? api.getPhone({ phoneId: id }) : null),
    of: <T extends JournalEntry['type']>(type: T) => entries.filter((e): e is Extract<JournalEntry, { type: T }> => e.type === type),
  };
  return expectations.map((expectation) => {
    // The one cast: TypeScript does not relate an expectation's kind to its check's parameter.
    const { ok, found } = (checks[expectation.kind] as (e: Evidence, x: Expectation) => Verdict)(evidence, expectation);
    return { expectation, ok, detail: `${expectation.written} — ${found}` };
  });
}
