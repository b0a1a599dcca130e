import { getConfig } from './config';

/**
 * Building an Intl.DateTimeFormat costs far more than using one, and a page of cards
 * formats dozens of times: one formatter per time zone and style, made once.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: 'house' | 'long', timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(
      'en-GB',
      style === 'house'
        ? {
            timeZone,
            day: '2-digit',
            month: '2-digit',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }
        : { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
    );
    formatters.set(key, cached);
  }
  return cached;
}

function parts(date: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    formatter('house', timeZone)
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
}

/** "12-02-2026 07:18 IST": the house format for article times. */
export function formatHouseTime(iso: string, config = getConfig()): string {
  const p = parts(new Date(iso), config.houseTimeZone);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute} ${config.houseTimeZoneLabel}`;
}

/** "2026-02-12": the date in the house time zone, for <time dateTime>. */
export function houseIsoDate(date: Date, config = getConfig()): string {
  const p = parts(date, config.houseTimeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "Wednesday, 25 November 2026" in the house time zone: the top bar's date. */
export function formatLongDate(date: Date, config = getConfig()): string {
  return formatter('long', config.houseTimeZone).format(date);
}

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hr. ago" style, for story cards; the exact house time goes in a title. */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}
