// Durations in scenario files: "10m", "30s", "1m30s", "2h15m", "1:30", or a number of seconds.
import { z } from 'zod';
import { MAX_DURATION_MS } from './limits.js';

const unitMs = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;
type Unit = keyof typeof unitMs;
const UNIT_ORDER: readonly Unit[] = ['d', 'h', 'm', 's', 'ms'];

/** What a duration in words looks like, for the JSON Schema: one or more number–unit parts, largest unit first. */
export const DURATION_PATTERN = '^\\s*(\\d+(\\.\\d+)?\\s*(d|h|ms|m|s)\\s*)+$|^\\s*\\d+:[0-5]\\d\\s*$';

/**
 * "1m30s", "2h 15m", "1500ms", "1:30" (minutes:seconds) in milliseconds; null when it is not one.
 * Compound parts go from the largest unit to the smallest, each unit at most once, as people write them.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  const clock = /^(\d+):([0-5]\d)$/.exec(trimmed);
  if (clock) return (Number(clock[1]) * 60 + Number(clock[2])) * 1000;
  const part = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*/y;
  let total = 0;
  let previous = -1;
  let at = 0;
  while (at < trimmed.length) {
    part.lastIndex = at;
    const match = part.exec(trimmed);
    if (!match) return null;
    const order = UNIT_ORDER.indexOf(match[2] as Unit);
    if (order <= previous) return null;
    previous = order;
    total += Number(match[1]) * unitMs[match[2] as Unit];
    at = part.lastIndex;
  }
  return previous < 0 ? null : Math.round(total);
}

/** A duration in words (above) or a number of seconds; becomes milliseconds. */
export const duration = z
  .union([z.number().nonnegative(), z.string().meta({ pattern: DURATION_PATTERN })], {
    // Neither a number nor a text (true, a list): zod's union would say only "Invalid input".
    error: (issue) => `${(JSON.stringify(issue.input) ?? String(issue.input)).slice(0, 40)} is not a duration (use a number of seconds, or e.g. 30s, 10m, 1m30s, 24h or 1:30)`,
  })
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? Math.round(value * 1000) : parseDuration(value);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration (use e.g. 30s, 10m, 1m30s, 24h or 1:30)` });
      return z.NEVER;
    }
    // 1e308 seconds is a number, but no clock or date can hold it.
    if (!(ms <= MAX_DURATION_MS)) {
      ctx.addIssue({ code: 'custom', message: `${typeof value === 'string' ? `"${value}"` : value} is longer than ${MAX_DURATION_MS / 86_400_000} days, the longest duration a scenario may give` });
      return z.NEVER;
    }
    return ms;
  });

/** Milliseconds as a file would write them, largest unit first (`1h30m`, `2m5s250ms`, `0s`); parseDuration reads it back. */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  const parts: string[] = [];
  for (const unit of UNIT_ORDER) {
    const n = Math.floor(rest / unitMs[unit]);
    if (n === 0) continue;
    parts.push(`${n}${unit}`);
    rest -= n * unitMs[unit];
  }
  return parts.join('') || '0s';
}
