// Durations in scenario files: "10m", "30s", "24h", "1:30", or a number of seconds.
import { z } from 'zod';
import { MAX_DURATION_MS } from './limits.js';

const durationPattern = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;
const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "10m", "30s", "24h", "1500ms" or a number of seconds; becomes milliseconds. */
export const duration = z
  .union([z.number().nonnegative(), z.string()])
  .transform((value, ctx) => {
    let ms: number;
    const clock = typeof value === 'string' ? /^(\d+):([0-5]\d)$/.exec(value.trim()) : null;
    const match = typeof value === 'string' ? durationPattern.exec(value.trim()) : null;
    if (typeof value === 'number') ms = Math.round(value * 1000);
    else if (clock) ms = (Number(clock[1]) * 60 + Number(clock[2])) * 1000;
    else if (match) ms = Math.round(Number(match[1]) * unitMs[match[2] as keyof typeof unitMs]);
    else {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration (use e.g. 30s, 10m, 24h or 1:30)` });
      return z.NEVER;
    }
    // 1e308 seconds is a number, but no clock or date can hold it.
    if (!(ms <= MAX_DURATION_MS)) {
      ctx.addIssue({ code: 'custom', message: `${typeof value === 'string' ? `"${value}"` : value} is longer than ${MAX_DURATION_MS / 86_400_000} days, the longest duration a scenario may give` });
      return z.NEVER;
    }
    return ms;
  });
