// Durations in scenario files: "10m", "30s", "24h", "1:30", or a number of seconds.
import { z } from 'zod';

const durationPattern = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;
const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "10m", "30s", "24h", "1500ms" or a number of seconds; becomes milliseconds. */
export const duration = z
  .union([z.number().nonnegative(), z.string()])
  .transform((value, ctx) => {
    if (typeof value === 'number') return Math.round(value * 1000);
    const clock = /^(\d+):([0-5]\d)$/.exec(value.trim());
    if (clock) return (Number(clock[1]) * 60 + Number(clock[2])) * 1000;
    const match = durationPattern.exec(value.trim());
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration (use e.g. 30s, 10m, 24h or 1:30)` });
      return z.NEVER;
    }
    return Math.round(Number(match[1]) * unitMs[match[2] as keyof typeof unitMs]);
  });

