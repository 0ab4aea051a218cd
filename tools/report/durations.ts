// Durations as LMSs and LRSs write them: ISO 8601 (xAPI result.duration, SCORM 2004 total_time) and SCORM 1.2's
// CMITimespan "HHHH:MM:SS.SS". Years and months have no fixed length and never appear in session times; a value
// that uses them, or anything else unreadable, gives NaN and is left out of the time figures.

const ISO = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds in an ISO 8601 duration such as "PT1H2M3.45S"; NaN when it is not one. */
export function parseIsoDuration(text: string): number {
  const value = text.trim();
  const match = ISO.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return NaN;
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return ((((weeks ?? 0) * 7 + (days ?? 0)) * 24 + (hours ?? 0)) * 60 + (minutes ?? 0)) * 60_000 + (seconds ?? 0) * 1000;
}

/** Milliseconds in "HH:MM:SS(.ss)" or "MM:SS"; NaN otherwise. */
export function parseClockDuration(text: string): number {
  const match = /^(?:(\d+):)?([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/.exec(text.trim());
  if (!match) return NaN;
  return ((Number(match[1] ?? 0) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}

/** Any of the duration forms exports use: ISO 8601, a clock time, or a bare number of minutes. */
export function parseAnyDuration(text: string): number {
  const value = text.trim();
  if (value === '' || value === '-') return NaN;
  if (/^P/i.test(value)) return parseIsoDuration(value.toUpperCase());
  if (value.includes(':')) return parseClockDuration(value);
  return /^\d+(?:\.\d+)?$/.test(value) ? Number(value) * 60_000 : NaN;
}
