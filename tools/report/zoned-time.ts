// Wall-clock times in a named time zone (IANA, e.g. Europe/London) and back, with nothing but Intl: Moodle writes
// its report dates as text in the site's (or the downloading user's) zone, and completions are counted per local
// week, so a Monday-morning completion in British Summer Time is not filed under the previous Sunday.
import { UsageError } from './errors.ts';

export interface WallTime {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a UsageError for a zone name Intl does not know. */
export function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    throw new UsageError(`unknown time zone "${zone}" (use an IANA name such as Europe/London)`);
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time in `zone` at the instant `ms`. */
export function wallTime(ms: number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

function asUtc(t: WallTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/**
 * The instant a wall-clock time in `zone` names. In the hour skipped when clocks go forward the time does not
 * exist and is read with the earlier offset; in the hour repeated when they go back, the first occurrence is taken.
 */
export function fromWallTime(t: WallTime, zone: string): number {
  const naive = asUtc(t);
  const offsetAt = (ms: number) => asUtc(wallTime(ms, zone)) - ms;
  // The offsets a day either side bracket any clock change near this time (zones change at most once a day).
  const before = naive - offsetAt(naive - 86_400_000);
  const after = naive - offsetAt(naive + 86_400_000);
  const fits = [before, after].filter((ms) => asUtc(wallTime(ms, zone)) === naive).sort((a, b) => a - b);
  return fits[0] ?? before;
}

/** Midnight at the start of the local day containing `ms`. */
export function startOfLocalDay(ms: number, zone: string): WallTime {
  const t = wallTime(ms, zone);
  return { year: t.year, month: t.month, day: t.day, hour: 0, minute: 0, second: 0 };
}

/** Day of the week of a calendar date, Monday = 0. */
export function weekdayIndex(t: Pick<WallTime, 'year' | 'month' | 'day'>): number {
  return (new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay() + 6) % 7;
}

/** The calendar date `days` after the given one. */
export function addDays(t: Pick<WallTime, 'year' | 'month' | 'day'>, days: number): WallTime {
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0 };
}
