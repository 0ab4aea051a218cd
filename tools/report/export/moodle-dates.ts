// Dates as Moodle's SCORM reports write them in their text download: userdate() with the language pack's
// strftimedaydatetime, "%A, %d %B %Y, %I:%M %p" in English, with the leading zeros of the day and hour removed
// ("Tuesday, 14 May 2024, 9:05 AM"), in the zone of the user who downloaded it (by default the site's). The
// spreadsheet downloads use strftimedatetime ("14 May 2024, 9:05 AM"). Minutes are the finest resolution.
// Other LMSs' exports (column-mapping.ts) also use ISO 8601 or day-first / month-first numeric dates.
import { fromWallTime } from '../zoned-time.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export type DateStyle = 'moodle' | 'iso' | 'dmy' | 'mdy';

/** Milliseconds since the epoch, or NaN for an empty cell, Moodle's "-" or anything unreadable. */
export function parseExportDate(text: string, style: DateStyle, zone: string): number {
  const value = text.trim();
  if (value === '' || value === '-') return NaN;
  if (style === 'iso' || /^\d{4}-\d{2}-\d{2}T/.test(value)) return parseIso(value, zone);
  if (style === 'moodle') return parseMoodle(value, zone);
  return parseNumeric(value, style, zone);
}

function parseMoodle(value: string, zone: string): number {
  // Optional weekday, then day, month name, year, and a 12- or 24-hour time.
  const match = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(value);
  if (!match) return NaN;
  const month = MONTHS.findIndex((m) => m.startsWith(match[2]!.toLowerCase()) && match[2]!.length >= 3) + 1;
  if (month === 0) return NaN;
  const hour = to24(Number(match[4]), match[7]);
  if (hour === null) return NaN;
  return wall(Number(match[3]), month, Number(match[1]), hour, Number(match[5]), Number(match[6] ?? 0), zone);
}

function parseNumeric(value: string, style: 'dmy' | 'mdy', zone: string): number {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(value);
  if (!match) return NaN;
  const [a, b] = [Number(match[1]), Number(match[2])];
  const [day, month] = style === 'dmy' ? [a, b] : [b, a];
  const hour = match[4] === undefined ? 0 : to24(Number(match[4]), match[7]);
  if (hour === null) return NaN;
  return wall(Number(match[3]), month, day, hour, Number(match[5] ?? 0), Number(match[6] ?? 0), zone);
}

function parseIso(value: string, zone: string): number {
  // With an offset or Z it is an instant; without, a wall time in the export's zone.
  if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) return Date.parse(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!match) return NaN;
  return wall(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0), zone);
}

function to24(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

function wall(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string): number {
  if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 59) return NaN;
  // Reject 31 April and the like: the date must survive a round trip.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return NaN;
  return fromWallTime({ year, month, day, hour, minute, second }, zone);
}
