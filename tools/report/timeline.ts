// Completions over time, per local week (Monday to Sunday) or, for spans over half a year, per calendar month, with
// empty periods kept so the chart's time axis is honest.
import { addDays, fromWallTime, startOfLocalDay, weekdayIndex, type WallTime } from './zoned-time.ts';

export interface TimelineBucket {
  /** "w/c 6 May 2024" or "May 2024". */
  label: string;
  /** Start of the period, as ISO date (local). */
  start: string;
  count: number;
  cumulative: number;
}

export interface Timeline {
  granularity: 'week' | 'month';
  buckets: TimelineBucket[];
}

const MAX_WEEKS = 26;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function completionTimeline(instants: readonly number[], zone: string): Timeline {
  const times = instants.filter(Number.isFinite);
  if (times.length === 0) return { granularity: 'week', buckets: [] };
  const weekOf = (ms: number): WallTime => {
    const day = startOfLocalDay(ms, zone);
    return addDays(day, -weekdayIndex(day));
  };
  const first = weekOf(Math.min(...times));
  const last = weekOf(Math.max(...times));
  const weeks = Math.round((fromWallTime(last, 'UTC') - fromWallTime(first, 'UTC')) / (7 * 86_400_000)) + 1;
  if (weeks <= MAX_WEEKS) {
    const counts = new Map<string, number>();
    for (const t of times) counts.set(isoDate(weekOf(t)), (counts.get(isoDate(weekOf(t))) ?? 0) + 1);
    const periods: WallTime[] = [];
    for (let w = 0; w < weeks; w++) periods.push(addDays(first, w * 7));
    return { granularity: 'week', buckets: accumulate(periods.map((p) => ({ label: `w/c ${p.day} ${MONTH_NAMES[p.month - 1]} ${p.year}`, start: isoDate(p), count: counts.get(isoDate(p)) ?? 0 }))) };
  }
  const monthOf = (ms: number) => {
    const day = startOfLocalDay(ms, zone);
    return { year: day.year, month: day.month, day: 1, hour: 0, minute: 0, second: 0 };
  };
  const counts = new Map<string, number>();
  for (const t of times) counts.set(isoDate(monthOf(t)), (counts.get(isoDate(monthOf(t))) ?? 0) + 1);
  const start = monthOf(Math.min(...times));
  const end = monthOf(Math.max(...times));
  const periods: WallTime[] = [];
  for (let y = start.year, m = start.month; y < end.year || (y === end.year && m <= end.month); m === 12 ? ((m = 1), y++) : m++) {
    periods.push({ year: y, month: m, day: 1, hour: 0, minute: 0, second: 0 });
  }
  return { granularity: 'month', buckets: accumulate(periods.map((p) => ({ label: `${MONTH_NAMES[p.month - 1]} ${p.year}`, start: isoDate(p), count: counts.get(isoDate(p)) ?? 0 }))) };
}

function accumulate(buckets: Omit<TimelineBucket, 'cumulative'>[]): TimelineBucket[] {
  let running = 0;
  return buckets.map((b) => ({ ...b, cumulative: (running += b.count) }));
}

function isoDate(t: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}
