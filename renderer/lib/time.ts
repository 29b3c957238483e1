// Formatting virtual time for the screens: countdowns, and a phone's clock in its region's time zone and the windows' language.
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

// Building an Intl formatter is slow next to using one; the screens ask for the same few many times a second.
const formatters = new Map<string, Intl.DateTimeFormat>();
function format(at: number, tag: string, key: string, options: Intl.DateTimeFormatOptions): string {
  const id = `${tag}:${key}`;
  let formatter = formatters.get(id);
  if (!formatter) formatters.set(id, (formatter = new Intl.DateTimeFormat(tag, options)));
  return formatter.format(at);
}

const relatives = new Map<string, Intl.RelativeTimeFormat>();
function relative(tag: string, style: Intl.RelativeTimeFormatStyle): Intl.RelativeTimeFormat {
  const id = `${tag}:${style}`;
  let formatter = relatives.get(id);
  if (!formatter) relatives.set(id, (formatter = new Intl.RelativeTimeFormat(tag, { style, numeric: 'auto' })));
  return formatter;
}

/** English phones write the 12-hour clock (iOS everywhere, Android in the US); French ones the 24-hour "09:30". */
function twelveHours(tag: string, region: string, platform: Platform): boolean {
  return tag.startsWith('en') && (platform === 'ios' || region.toUpperCase() === 'US');
}

/** Status bar and lock screen: "9:41" on an English iOS phone, "09:41" (24 h) on Android outside the US and in French. `tag` is a BCP 47 language tag. */
export function clockTime(at: number, region: string, platform: Platform, tag: string): string {
  const zone = timeZone(region);
  const hour12 = twelveHours(tag, region, platform);
  const text = format(at, tag, `clock:${zone}:${hour12}`, { timeZone: zone, hour: hour12 ? 'numeric' : '2-digit', minute: '2-digit', hour12 });
  // The status bar leaves out AM/PM, as the phones do.
  return text.replace(/\s?[AP]M$/, '');
}

/** Beside a message or a call: "9:31 AM", "09:31". */
export function messageTime(at: number, region: string, tag: string): string {
  const zone = timeZone(region);
  // The 24-hour clock writes its hour in two digits ("09:31"), as French phones do.
  return format(at, tag, `msg:${zone}`, { timeZone: zone, hour: tag.startsWith('en') ? 'numeric' : '2-digit', minute: '2-digit' });
}

/** The lock screen's date line: "Monday, March 2", "lundi 2 mars". */
export function longDate(at: number, region: string, tag: string): string {
  const zone = timeZone(region);
  return format(at, tag, `date:${zone}`, { timeZone: zone, weekday: 'long', month: 'long', day: 'numeric' });
}

/** How many calendar days before `now` the moment `at` fell, in the phone's time zone (0: the same day). */
export function daysBefore(at: number, now: number, region: string): number {
  const zone = timeZone(region);
  // The zone's calendar date of each moment, as a UTC midnight: their difference counts whole days.
  const day = (t: number) => Date.parse(format(t, 'en-CA', `day:${zone}`, { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  return Math.round((day(now) - day(at)) / 86_400_000);
}

/** "Today", "Yesterday" or "Mon, Mar 2" ("Aujourd’hui", "Hier", "lun. 2 mars"), in the phone's time zone. */
export function dayLabel(at: number, now: number, region: string, tag: string): string {
  const days = daysBefore(at, now, region);
  if (days === 0 || days === 1) {
    const word = relative(tag, 'long').format(-days, 'day');
    return word.charAt(0).toLocaleUpperCase(tag) + word.slice(1);
  }
  const zone = timeZone(region);
  return format(at, tag, `short:${zone}`, { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric' });
}

/** "now", "2m ago", "1h ago" ("maintenant", "il y a 2 min"): how notifications age. */
export function ago(at: number, now: number, tag: string): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  // English phones write "5m ago" (narrow); French narrow would be "-5 min", so French takes the short "il y a 5 min".
  const rtf = relative(tag, tag.startsWith('en') ? 'narrow' : 'short');
  if (minutes < 1) return rtf.format(0, 'second');
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  return rtf.format(-Math.floor(minutes / 60), 'hour');
}

const numbers = new Map<string, Intl.NumberFormat>();
function number(tag: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${tag}:${key}`;
  let formatter = numbers.get(id);
  if (!formatter) numbers.set(id, (formatter = new Intl.NumberFormat(tag, options)));
  return formatter;
}

/**
 * A wait as "m:ss" in the locale's digits (`tag`, a BCP 47 tag: `fr-FR`), rounded up so it never
 * shows 0:00 while still waiting. English and French write a timer alike: "1:58".
 */
export function countdown(ms: number, tag = 'en-US'): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const minutes = number(tag, 'minutes', { useGrouping: false }).format(Math.floor(s / 60));
  return `${minutes}:${number(tag, 'seconds', { minimumIntegerDigits: 2 }).format(s % 60)}`;
}

/** A battery level or a share: "82%", "82 %". */
export function percent(n: number, tag: string): string {
  return number(tag, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(n / 100);
}

/** A size in storage with one decimal: "148.2 MB", "148,2 Mo"; "GB" for gigabytes. */
export function megabytes(n: number, tag: string, unit: 'megabyte' | 'gigabyte' = 'megabyte'): string {
  return number(tag, unit, { style: 'unit', unit, minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}
