// Formatting virtual time for the screens: countdowns, and a phone's clock in its region's time zone.
import type { Platform } from '../../main/api/views';
import type { Region } from '../../main/api/vocabulary';

/** A phone shows local time; the scenario's region decides which (deterministic on every machine). */
const zones: Record<Region, string> = {
  US: 'America/New_York',
  CA: 'America/Toronto',
  EU: 'Europe/Berlin',
  UK: 'Europe/London',
  CH: 'Europe/Zurich',
  HK: 'Asia/Hong_Kong',
  IN: 'Asia/Kolkata',
  CN: 'Asia/Shanghai',
  JP: 'Asia/Tokyo',
  SG: 'Asia/Singapore',
  AU: 'Australia/Sydney',
};

export function timeZone(region: string): string {
  return zones[region.toUpperCase() as Region] ?? 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(at: number, key: string, options: Intl.DateTimeFormatOptions): string {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat('en-US', options)));
  return formatter.format(at);
}

/** Status bar and lock screen: "9:41" on iOS, "09:41" (24 h) on Android outside the US. */
export function clockTime(at: number, region: string, platform: Platform): string {
  const zone = timeZone(region);
  const hour12 = platform === 'ios' || region.toUpperCase() === 'US';
  const text = format(at, `clock:${zone}:${hour12}`, { timeZone: zone, hour: hour12 ? 'numeric' : '2-digit', minute: '2-digit', hour12 });
  return text.replace(/\s?[AP]M$/, '');
}

/** Beside a message or a notification: "9:31 AM". */
export function messageTime(at: number, region: string): string {
  const zone = timeZone(region);
  return format(at, `msg:${zone}`, { timeZone: zone, hour: 'numeric', minute: '2-digit' });
}

/** The lock screen's date line: "Monday, March 2". */
export function longDate(at: number, region: string): string {
  const zone = timeZone(region);
  return format(at, `date:${zone}`, { timeZone: zone, weekday: 'long', month: 'long', day: 'numeric' });
}

/** "Today", "Yesterday" or "Mon, Mar 2", in the phone's time zone. */
export function dayLabel(at: number, now: number, region: string): string {
  const zone = timeZone(region);
  const day = (t: number) => format(t, `day:${zone}`, { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  if (day(at) === day(now)) return 'Today';
  if (day(at) === day(now - 86_400_000)) return 'Yesterday';
  return format(at, `short:${zone}`, { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric' });
}

/** "now", "2m ago", "1h ago": how notifications age. */
export function ago(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes}m ago`;
  return `${Math.floor(minutes / 60)}h ago`;
}

const numbers = new Map<string, { minutes: Intl.NumberFormat; seconds: Intl.NumberFormat }>();

/**
 * A wait as "m:ss" in the locale's digits (`tag`, a BCP 47 tag: `fr-FR`), rounded up so it never
 * shows 0:00 while still waiting. English and French write a timer alike: "1:58".
 */
export function countdown(ms: number, tag = 'en-US'): string {
  let digits = numbers.get(tag);
  if (!digits) {
    digits = { minutes: new Intl.NumberFormat(tag, { useGrouping: false }), seconds: new Intl.NumberFormat(tag, { minimumIntegerDigits: 2 }) };
    numbers.set(tag, digits);
  }
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${digits.minutes.format(Math.floor(s / 60))}:${digits.seconds.format(s % 60)}`;
}
