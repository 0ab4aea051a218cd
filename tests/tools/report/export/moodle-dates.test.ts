import { describe, expect, it } from 'vitest';
import { parseExportDate } from '../../../../tools/report/export/moodle-dates.ts';
import { moodleUserdate } from '../../../fixtures/report/journeys.ts';

const london = (text: string, style: Parameters<typeof parseExportDate>[1] = 'moodle') => parseExportDate(text, style, 'Europe/London');

describe('export dates', () => {
  it("reads Moodle's userdate text in the site's zone (summer time and winter time)", () => {
    expect(new Date(london('Tuesday, 14 May 2024, 9:05 AM')).toISOString()).toBe('2024-05-14T08:05:00.000Z');
    expect(new Date(london('Tuesday, 14 January 2025, 9:05 PM')).toISOString()).toBe('2025-01-14T21:05:00.000Z');
    expect(new Date(london('Monday, 20 May 2024, 12:30 AM')).toISOString()).toBe('2024-05-19T23:30:00.000Z');
    expect(new Date(london('Monday, 20 May 2024, 12:30 PM')).toISOString()).toBe('2024-05-20T11:30:00.000Z');
    // The spreadsheet downloads' strftimedatetime, and a 24-hour language pack.
    expect(new Date(london('14 May 2024, 9:05 AM')).toISOString()).toBe('2024-05-14T08:05:00.000Z');
    expect(new Date(london('Tuesday, 14 May 2024, 21:05')).toISOString()).toBe('2024-05-14T20:05:00.000Z');
  });

  it('round-trips every hour of a year through the fixture writer', () => {
    // Except the second 1 o'clock hour of the October clock change, which reads the same as the first.
    const repeated = [Date.UTC(2024, 9, 27, 1), Date.UTC(2024, 9, 27, 2)];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000 + 60_000) {
      if (t >= repeated[0]! && t < repeated[1]!) continue;
      const text = moodleUserdate(new Date(t));
      expect(london(text), text).toBe(Math.floor(t / 60_000) * 60_000);
    }
  });

  it('reads the clock-change hours deterministically', () => {
    // 01:30 on 31 March 2024 does not exist in London; 01:30 on 27 October 2024 happens twice (the first is taken).
    expect(new Date(london('Sunday, 31 March 2024, 1:30 AM')).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(new Date(london('Sunday, 27 October 2024, 1:30 AM')).toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('reads ISO 8601 and numeric dates for other LMSs', () => {
    expect(new Date(london('2024-05-14T09:05:00Z', 'iso')).toISOString()).toBe('2024-05-14T09:05:00.000Z');
    expect(new Date(london('2024-05-14 09:05', 'iso')).toISOString()).toBe('2024-05-14T08:05:00.000Z');
    expect(new Date(london('14/05/2024 09:05', 'dmy')).toISOString()).toBe('2024-05-14T08:05:00.000Z');
    expect(new Date(london('05/14/2024 9:05 PM', 'mdy')).toISOString()).toBe('2024-05-14T20:05:00.000Z');
  });

  it('gives NaN for dashes, blanks and impossible dates', () => {
    for (const text of ['-', '', 'yesterday', '31 April 2024, 9:05 AM', 'Tuesday, 14 May 2024, 13:05 PM']) expect(london(text)).toBeNaN();
    expect(london('31/04/2024', 'dmy')).toBeNaN();
  });
});
