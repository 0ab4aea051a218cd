// What reports of the same learners (tests/fixtures/report/journeys.ts) from different sources must agree on.
import type { ReportData } from '../../../tools/report/summary.ts';

/** "Now" for every report of the journeys (all in May 2024): the figures never depend on the day the tests run. */
export const REPORT_NOW = new Date('2024-06-01T12:00:00Z');

/** The figures every source carries (Moodle's downloads have no time in the course; only Moodle lists non-starters). */
export function comparable(data: ReportData) {
  const strip = ({ medianMinutes: _m, timed: _t, ...rest }: ReportData['overall']) => rest;
  return {
    overall: strip(data.overall),
    groups: data.groups.map(strip),
    plan: data.plan,
    timeline: data.timeline,
    attempts: data.attempts,
    questions: data.questions,
    confidence: data.confidence,
  };
}
