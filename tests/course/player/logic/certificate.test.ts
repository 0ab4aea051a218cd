import { describe, expect, it } from 'vitest';
import { certificateData, cleanName, formatDate } from '../../../../course/player/logic/certificate.ts';
import { fixtureConfig } from '../fixture-course.ts';

const config = fixtureConfig();
const done = { completed: true, passed: true, scaled: 0.8, progress: 1 };
const date = new Date(Date.UTC(2026, 2, 3, 12));

describe('certificateData', () => {
  it('is not issued before the course is completed', () => {
    expect(certificateData(config, { ...done, completed: false }, 'Sam Patel', date)).toBeNull();
  });

  it('carries the learner, course, edition and date in the course language', () => {
    expect(certificateData(config, done, '  Sam   Patel ', date)).toEqual({
      learnerName: 'Sam Patel',
      courseTitle: 'Fixture course',
      edition: 'Fixture (Default)',
      organisation: 'Test Trust',
      publisher: 'Test Publisher',
      date: '3 March 2026',
      durationMinutes: 25,
      scorePercent: 80,
      courseVersion: '1.2.0',
    });
  });

  it('leaves the name empty when neither the LMS nor the learner gave one, and the score when there is none', () => {
    const data = certificateData(config, { ...done, scaled: null, passed: null }, null, date);
    expect(data?.learnerName).toBeNull();
    expect(data?.scorePercent).toBeNull();
  });
});

describe('helpers', () => {
  it('cleans names', () => {
    expect(cleanName('   ')).toBeNull();
    expect(cleanName(undefined)).toBeNull();
    expect(cleanName('Ann\tLee')).toBe('Ann Lee');
  });

  it('formats dates as people in the UK write them', () => {
    expect(formatDate(new Date(Date.UTC(2025, 11, 25, 12)), 'en-GB')).toBe('25 December 2025');
  });
});
