import { getConfig } from './config';

/**
 * Dates in the house time zone without Intl where we can. The first Intl call in a
 * page loads ICU's data: 30 to 80 ms of main thread on this machine, four times that
 * on Lighthouse's mid-range phone, in one task that nothing can split.
 * The house zone is IST, which has had one fixed offset since 1945, so arithmetic
 * does the job; zones with daylight saving (or dates before FIXED_SINCE) use Intl.
 * Why, measured: docs/decisions/dates-without-intl.md.
 */

/** UTC offsets in minutes of zones with no daylight saving (checked against Intl in test/time.test.ts). */
const FIXED_OFFSET_MINUTES: Record<string, number> = {
  UTC: 0,
  'Etc/UTC': 0,
  'Etc/GMT': 0,
  'Africa/Lagos': 60,
  'Africa/Nairobi': 180,
  'Asia/Dubai': 240,
  'Asia/Kolkata': 330,
  'Asia/Calcutta': 330,
  'Asia/Kathmandu': 345,
  'Asia/Shanghai': 480,
  'Asia/Singapore': 480,
  'Asia/Tokyo': 540,
};
/** Some of those zones moved their offset or kept daylight saving into the 1990s (China until 1991); older dates go to Intl. */
const FIXED_SINCE = Date.UTC(2000, 0, 1);

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface WallClock {
  year: number;
  /** 1 to 12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday */
  weekday: number;
}

const intlFormatters = new Map<string, Intl.DateTimeFormat>();
function intlWallClock(date: Date, timeZone: string): WallClock {
  let format = intlFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    intlFormatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? ''),
  };
}

/** The date and time on a wall clock in `timeZone` at `date`. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const offset = FIXED_OFFSET_MINUTES[timeZone];
  if (offset === undefined || date.getTime() < FIXED_SINCE) return intlWallClock(date, timeZone);
  const shifted = new Date(date.getTime() + offset * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "12-02-2026 07:18 IST": the house format for article times. */
export function formatHouseTime(iso: string, config = getConfig()): string {
  const t = wallClock(new Date(iso), config.houseTimeZone);
  return `${pad(t.day)}-${pad(t.month)}-${pad(t.year, 4)} ${pad(t.hour)}:${pad(t.minute)} ${config.houseTimeZoneLabel}`;
}

/** "2026-02-12": the date in the house time zone, for <time dateTime>. */
export function houseIsoDate(date: Date, config = getConfig()): string {
  const t = wallClock(date, config.houseTimeZone);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

/** "Wednesday, 25 November 2026" in the house time zone: the top bar's date. */
export function formatLongDate(date: Date, config = getConfig()): string {
  const t = wallClock(date, config.houseTimeZone);
  return `${WEEKDAYS[t.weekday]}, ${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
}

type RelativeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';
const UNITS: Array<[RelativeUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
/** English short forms, as Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' }) writes them. */
const SHORT: Record<RelativeUnit, string> = {
  year: 'yr.',
  month: 'mo.',
  week: 'wk.',
  day: 'days',
  hour: 'hr.',
  minute: 'min.',
};
const NAMED: Partial<Record<RelativeUnit, Record<number, string>>> = {
  year: { [-1]: 'last yr.', 0: 'this yr.', 1: 'next yr.' },
  month: { [-1]: 'last mo.', 0: 'this mo.', 1: 'next mo.' },
  week: { [-1]: 'last wk.', 0: 'this wk.', 1: 'next wk.' },
  day: { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' },
  hour: { 0: 'this hour' },
  minute: { 0: 'this minute' },
};

/** -3, 'hour' -> "3 hr. ago"; -1, 'day' -> "yesterday". */
export function formatRelative(value: number, unit: RelativeUnit): string {
  const named = NAMED[unit]?.[value];
  if (named) return named;
  const amount = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',');
  return value < 0 ? `${amount} ${SHORT[unit]} ago` : `in ${amount} ${SHORT[unit]}`;
}

/** "3 hr. ago" style, for story cards; the exact house time goes in a title. */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formatRelative(Math.round(seconds / size), unit);
  }
  return 'just now';
}
