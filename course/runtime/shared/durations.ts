// Time values in each standard's own format. SCORM 1.2 wants CMITimespan (HHHH:MM:SS.SS) and CMITime (HH:MM:SS);
// SCORM 2004 and xAPI want ISO 8601 durations and timestamps, with only the precision the standards define.

/** SCORM 1.2 CMITimespan, e.g. "01:02:03" (hours up to 9999; whole seconds, which every LMS accepts). */
export function scorm12Timespan(ms: number): string {
  const total = Math.min(9999 * 3600 + 3599, Math.max(0, Math.round(ms / 1000)));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

/** SCORM 1.2 CMITime: the learner's local time of day, "HH:MM:SS". */
export function scorm12TimeOfDay(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** ISO 8601 duration to the hundredth of a second, e.g. "PT1H2M3.45S"; "PT0S" for nothing. */
export function isoDuration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  let out = 'PT';
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (seconds > 0 || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

/**
 * SCORM 2004 time(second,10,0) in UTC, e.g. "2024-05-01T09:30:05.0Z". Its grammar allows a time zone only after a
 * fractional second, so the tenths are always written.
 */
export function scorm2004Timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}.${Math.floor(date.getUTCMilliseconds() / 100)}Z`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
