// Time on the screens: countdowns, and a phone's clock in its region's time zone.
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../../main/api/vocabulary.js';
import { ago, clockTime, countdown, dayLabel, longDate, messageTime, timeZone } from '../../../renderer/lib/time.js';
import { parseRoute } from '../../../renderer/lib/route.js';

const start = Date.parse('2026-03-02T14:30:00Z');

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
    expect(clockTime(start, 'US', 'ios')).toBe('9:30');
    expect(clockTime(start, 'EU', 'android')).toBe('15:30');
    expect(clockTime(start, 'XX', 'android')).toBe('14:30');
    // Every region a scenario may name has its zone (Switzerland fell back to UTC before).
    for (const region of REGIONS) expect(timeZone(region), region).not.toBe('UTC');
    expect(clockTime(start, 'CH', 'android')).toBe('15:30');
    expect(messageTime(start, 'US')).toBe('9:30 AM');
    expect(longDate(start, 'US')).toBe('Monday, March 2');
  });

  it('ages notifications', () => {
    expect(ago(start, start + 30_000)).toBe('now');
    expect(ago(start, start + 5 * 60_000)).toBe('5m ago');
    expect(ago(start, start + 3 * 3_600_000)).toBe('3h ago');
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
    expect(dayLabel(start, start + 3_600_000, 'US')).toBe('Today');
    expect(dayLabel(start, start + 86_400_000, 'US')).toBe('Yesterday');
    expect(dayLabel(start, start + 3 * 86_400_000, 'US')).toBe('Mon, Mar 2');
  });
});
