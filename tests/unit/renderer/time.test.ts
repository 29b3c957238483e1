// Time on the screens: countdowns, and a phone's clock in its region's time zone.
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../../main/api/vocabulary.js';
import { ago, clockTime, countdown, dayLabel, daysBefore, longDate, megabytes, messageTime, percent, timeZone } from '../../../renderer/lib/time.js';
import { parseRoute } from '../../../renderer/lib/route.js';

const start = Date.parse('2026-03-02T14:30:00Z');
const EN = 'en-US';
const FR = 'fr-FR';

describe('time', () => {
  it('counts down in m:ss, rounding up', () => {
    expect(countdown(120_000)).toBe('2:00');
    expect(countdown(117_001)).toBe('1:58');
    expect(countdown(1)).toBe('0:01');
    expect(countdown(0)).toBe('0:00');
    expect(countdown(-5)).toBe('0:00');
  });

  it('counts down in the locale’s digits: French writes a timer as English does', () => {
    expect(countdown(117_001, 'fr-FR')).toBe('1:58');
    expect(countdown(5_000, 'fr-FR')).toBe('0:05');
    expect(countdown(600_000, 'fr-FR')).toBe('10:00');
    // Through Intl: a locale with digits of its own gets them.
    expect(countdown(65_000, 'ar-EG')).toBe('١:٠٥');
  });

  it('shows a phone\'s local time by its region', () => {
    expect(clockTime(start, 'US', 'ios', EN)).toBe('9:30');
    expect(clockTime(start, 'EU', 'android', EN)).toBe('15:30');
    expect(clockTime(start, 'XX', 'android', EN)).toBe('14:30');
    // Every region a scenario may name has its zone (Switzerland fell back to UTC before).
    for (const region of REGIONS) expect(timeZone(region), region).not.toBe('UTC');
    expect(clockTime(start, 'CH', 'android', EN)).toBe('15:30');
    expect(messageTime(start, 'US', EN)).toBe('9:30 AM');
    expect(longDate(start, 'US', EN)).toBe('Monday, March 2');
  });

  it('ages notifications', () => {
    expect(ago(start, start + 30_000, EN)).toBe('now');
    expect(ago(start, start + 5 * 60_000, EN)).toBe('5m ago');
    expect(ago(start, start + 3 * 3_600_000, EN)).toBe('3h ago');
  });
});

describe('routes', () => {
  it('reads the view from the hash', () => {
    expect(parseRoute('')).toEqual({ view: 'stage' });
    expect(parseRoute('#stage')).toEqual({ view: 'stage' });
    expect(parseRoute('#login')).toEqual({ view: 'login' });
    expect(parseRoute('#phone')).toEqual({ view: 'phone', phoneId: null });
    expect(parseRoute('#phone/sms-phone')).toEqual({ view: 'phone', phoneId: 'sms-phone' });
    expect(parseRoute('#phone/%E0%A4%A')).toEqual({ view: 'phone', phoneId: null });
    expect(parseRoute('#whatever')).toEqual({ view: 'stage' });
  });
});

describe('day labels', () => {
  it('says Today, Yesterday, or the date, in the phone\'s zone', () => {
    expect(dayLabel(start, start + 3_600_000, 'US', EN)).toBe('Today');
    expect(dayLabel(start, start + 86_400_000, 'US', EN)).toBe('Yesterday');
    expect(dayLabel(start, start + 3 * 86_400_000, 'US', EN)).toBe('Mon, Mar 2');
  });

  it('counts calendar days in the phone’s zone, not 24-hour spans', () => {
    // 23:30 and 00:30 the next day in New York: one day apart, though an hour.
    const lateEvening = Date.parse('2026-03-03T04:30:00Z');
    expect(daysBefore(lateEvening, lateEvening + 3_600_000, 'US')).toBe(1);
    expect(dayLabel(lateEvening, lateEvening + 3_600_000, 'US', EN)).toBe('Yesterday');
    expect(daysBefore(lateEvening, lateEvening + 3_600_000, 'HK')).toBe(0);
  });
});

/** Intl separates with a no-break space, plain or narrow depending on the ICU data: both read as a space. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('time in French', () => {
  it('writes the phone’s clock in 24 hours with two digits on both platforms, and the date in French', () => {
    expect(clockTime(start, 'US', 'ios', FR)).toBe('09:30');
    expect(clockTime(start, 'US', 'android', FR)).toBe('09:30');
    expect(clockTime(start, 'EU', 'ios', FR)).toBe('15:30');
    expect(messageTime(start, 'US', FR)).toBe('09:30');
    expect(longDate(start, 'US', FR)).toBe('lundi 2 mars');
    expect(longDate(start + 6 * 86_400_000, 'EU', FR)).toBe('dimanche 8 mars');
  });

  it('ages notifications and labels days in French', () => {
    expect(ago(start, start + 30_000, FR)).toBe('maintenant');
    expect(spaced(ago(start, start + 5 * 60_000, FR))).toBe('il y a 5 min');
    expect(spaced(ago(start, start + 3 * 3_600_000, FR))).toBe('il y a 3 h');
    expect(dayLabel(start, start + 3_600_000, 'US', FR)).toBe('Aujourd’hui');
    expect(dayLabel(start, start + 86_400_000, 'US', FR)).toBe('Hier');
    expect(dayLabel(start, start + 3 * 86_400_000, 'US', FR)).toBe('lun. 2 mars');
  });

  it('writes numbers the French way: decimal comma, a space before % and units', () => {
    expect(spaced(percent(82, FR))).toBe('82 %');
    expect(percent(82, EN)).toBe('82%');
    expect(spaced(megabytes(148.2, FR))).toBe('148,2 Mo');
    expect(megabytes(148.2, EN)).toBe('148.2 MB');
    expect(spaced(megabytes(58.9, FR, 'gigabyte'))).toBe('58,9 Go');
  });
});
