// SCORM's two ways of writing a time span, in centiseconds (both standards' finest unit): 1.2's CMITimespan
// "HHHH:MM:SS.SS" and 2004's ISO 8601 duration "P[nY][nM][nD][T[nH][nM][nS]]". The LMS adds each session's
// session_time into total_time, so it has to read and write both.

const SCORM12_TIMESPAN = /^(\d{2,4}):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?$/;
const NUMBER = '(\\d+(?:\\.\\d+)?)';
const ISO_DURATION = new RegExp(`^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`);

// Years and months have no fixed length; 365 and 30 days are what LMSs (and scorm-again) use.
const CENTISECONDS = { year: 365 * 86_400_00, month: 30 * 86_400_00, day: 86_400_00, hour: 3_600_00, minute: 60_00, second: 100 };

/** Centiseconds in a SCORM 1.2 CMITimespan, or null when it is not one. */
export function parseScorm12Timespan(text: string): number | null {
  const match = SCORM12_TIMESPAN.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds, fraction = ''] = match as unknown as [string, string, string, string, string?];
  return Number(hours) * CENTISECONDS.hour + Number(minutes) * CENTISECONDS.minute + Number(seconds) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Centiseconds in an ISO 8601 duration (SCORM 2004 timeinterval), or null when it is not one. */
export function parseIsoDuration(text: string): number | null {
  const value = text.trim();
  const match = ISO_DURATION.exec(value);
  // "P" and "PT" alone match the pattern but name no component; a "T" must be followed by one.
  if (!match || value === 'P' || value.endsWith('T')) return null;
  const [, years, months, days, hours, minutes, seconds] = match;
  const part = (text: string | undefined, unit: number) => (text === undefined ? 0 : Number(text) * unit);
  return Math.round(
    part(years, CENTISECONDS.year) +
      part(months, CENTISECONDS.month) +
      part(days, CENTISECONDS.day) +
      part(hours, CENTISECONDS.hour) +
      part(minutes, CENTISECONDS.minute) +
      part(seconds, CENTISECONDS.second),
  );
}

/** "HHHH:MM:SS.SS", the form SCORM 1.2 uses for cmi.core.total_time. */
export function formatScorm12Timespan(centiseconds: number): string {
  const total = Math.max(0, Math.round(centiseconds));
  // CMITimespan allows at most four digits of hours; beyond that the value is capped rather than made invalid.
  const hours = Math.min(Math.floor(total / CENTISECONDS.hour), 9999);
  const rest = total - hours * CENTISECONDS.hour;
  const minutes = Math.floor(rest / CENTISECONDS.minute);
  const seconds = Math.floor((rest % CENTISECONDS.minute) / 100);
  const fraction = rest % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(hours).padStart(4, '0')}:${two(minutes)}:${two(seconds)}.${two(fraction)}`;
}

/** "PT#H#M#S", the form SCORM 2004 uses for cmi.total_time (no days: hours may exceed 24). */
export function formatIsoDuration(centiseconds: number): string {
  const total = Math.max(0, Math.round(centiseconds));
  const hours = Math.floor(total / CENTISECONDS.hour);
  const minutes = Math.floor((total % CENTISECONDS.hour) / CENTISECONDS.minute);
  const seconds = (total % CENTISECONDS.minute) / 100;
  const parts = [hours > 0 ? `${hours}H` : '', minutes > 0 ? `${minutes}M` : '', seconds > 0 || (hours === 0 && minutes === 0) ? `${seconds}S` : ''];
  return `PT${parts.join('')}`;
}
