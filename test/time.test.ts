import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatHouseTime, formatLongDate, formatRelative, houseIsoDate, wallClock } from '../src/lib/time';

/** The dates the app formats by arithmetic: 2000 to 2100. */
const dates = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

function intlWallClock(date: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].indexOf(
      parts.weekday ?? '',
    ),
  };
}

describe('house time without Intl', () => {
  // The zones time.ts formats by arithmetic, and two it must hand to Intl (daylight saving).
  const zones = [
    'UTC',
    'Etc/UTC',
    'Etc/GMT',
    'Africa/Lagos',
    'Africa/Nairobi',
    'Asia/Dubai',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'Asia/Kathmandu',
    'Asia/Shanghai',
    'Asia/Singapore',
    'Asia/Tokyo',
    'Europe/London',
    'America/New_York',
  ];

  test.each(zones)('agrees with Intl in %s', (timeZone) => {
    fc.assert(
      fc.property(dates, (date) => {
        expect(wallClock(date, timeZone)).toEqual(intlWallClock(date, timeZone));
      }),
      { numRuns: 300 },
    );
  });

  test('agrees with Intl before 2000 too, where offsets moved (Kathmandu until 1986, China daylight saving until 1991)', () => {
    const date = new Date('1985-06-01T12:00:00Z');
    expect(wallClock(date, 'Asia/Kathmandu')).toEqual(intlWallClock(date, 'Asia/Kathmandu'));
  });

  test('formats the house time, date and long date', () => {
    const config = { apiBaseUrl: null, houseTimeZone: 'Asia/Kolkata', houseTimeZoneLabel: 'IST', requestTimeoutMs: 1 };
    // 20:00 UTC on Wednesday is already 01:30 on Thursday in Kolkata.
    const late = new Date('2026-02-11T20:00:00Z');
    expect(formatHouseTime(late.toISOString(), config)).toBe('12-02-2026 01:30 IST');
    expect(houseIsoDate(late, config)).toBe('2026-02-12');
    expect(formatLongDate(late, config)).toBe('Thursday, 12 February 2026');
    const london = { ...config, houseTimeZone: 'Europe/London', houseTimeZoneLabel: 'UK' };
    expect(formatHouseTime('2026-07-01T12:05:00Z', london)).toBe('01-07-2026 13:05 UK');
  });
});

describe('relative times without Intl', () => {
  const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute'] as const;

  test.each(units)('say what Intl.RelativeTimeFormat says for %ss', (unit) => {
    for (let value = -1500; value <= 1500; value++) expect(formatRelative(value, unit)).toBe(intl.format(value, unit));
    expect(formatRelative(-0, unit)).toBe(intl.format(-0, unit));
  });
});
