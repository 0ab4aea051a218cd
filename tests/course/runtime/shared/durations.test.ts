import { describe, expect, it } from 'vitest';
import { isoDuration, scorm12TimeOfDay, scorm12Timespan, scorm2004Timestamp } from '../../../../course/runtime/shared/durations.ts';

describe('time formats', () => {
  it('writes SCORM 1.2 timespans as HH:MM:SS', () => {
    expect(scorm12Timespan(0)).toBe('00:00:00');
    expect(scorm12Timespan(3_723_400)).toBe('01:02:03');
    expect(scorm12Timespan(100 * 3600_000)).toBe('100:00:00');
    expect(scorm12Timespan(1e12)).toBe('9999:59:59');
    expect(scorm12Timespan(-5)).toBe('00:00:00');
  });

  it('writes ISO 8601 durations to the hundredth of a second', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(4200)).toBe('PT4.2S');
    expect(isoDuration(65_432)).toBe('PT1M5.43S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_661_005)).toBe('PT1H1M1.01S');
  });

  it('writes SCORM times: 1.2 local time of day, 2004 UTC with the fraction its grammar needs before "Z"', () => {
    const date = new Date(2025, 4, 1, 9, 5, 7, 250);
    expect(scorm12TimeOfDay(date)).toBe('09:05:07');
    expect(scorm2004Timestamp(new Date(Date.UTC(2025, 4, 1, 9, 5, 7, 250)))).toBe('2025-05-01T09:05:07.2Z');
  });
});
