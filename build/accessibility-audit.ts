// The committed accessibility audit record (course/content/accessibility/audit.json): read and schema-checked like the
// course, because the accessibility statement of every variant is written from it.
import { join } from 'node:path';
import { CourseError, checkAgainstSchema } from './course/index.ts';
import { readJsonFile } from './course/read-json.ts';
import type { Course } from '../course/model/types.ts';
import type { AccessibilityAudit } from '../course/schema/audit.types.ts';
import type { CourseProblem } from './course/problems.ts';

export const AUDIT_FILE = join('accessibility', 'audit.json');

// The record's shape is generated from its schema (npm run generate-types), like the course's.
export type { AccessibilityAudit };

/** <courseDir>/accessibility/audit.json, checked against course/schema/audit.schema.json; throws CourseError. */
export async function loadAccessibilityAudit(courseDir: string): Promise<AccessibilityAudit> {
  const file = join(courseDir, AUDIT_FILE);
  const read = await readJsonFile(file);
  if (read.value === undefined) throw new CourseError(read.problems);
  const problems = [...read.problems, ...checkAgainstSchema('audit', read.value, file)];
  if (problems.length > 0) throw new CourseError(problems);
  return read.value as AccessibilityAudit;
}

/**
 * PSBAR's compliance status. "partially" when a known issue is recorded; "not-fully-tested" when none is but the
 * testing has gaps (no screen reader or specialist audit yet), because automated checks and a keyboard walk cannot show
 * full compliance on their own; "fully" only when neither.
 */
export type ComplianceStatus = 'fully' | 'partially' | 'not-fully-tested';

export function complianceStatus(audit: AccessibilityAudit): ComplianceStatus {
  if (audit.knownIssues.length > 0) return 'partially';
  return audit.limitations.length > 0 ? 'not-fully-tested' : 'fully';
}

/** The WCAG 2.2 success criterion a film without audio description fails (level AA). */
export const AUDIO_DESCRIPTION_CRITERION = '1.2.5 Audio Description (Prerecorded)';

/** Whether a known issue names WCAG 1.2.5, however its criterion is worded after the number. */
export function namesAudioDescription(issue: { criteria: readonly unknown[] }): boolean {
  return issue.criteria.some((criterion) => typeof criterion === 'string' && /^\s*1\.2\.5\b/.test(criterion));
}

/**
 * What the audit record must say about this course's film: without a descriptions track, a known issue naming WCAG
 * 1.2.5, so the accessibility statement never claims no known failures for a film that has none (npm run swap-film
 * adds it; a hand edit of course.json may not).
 */
export function checkAuditAgainstCourse(audit: AccessibilityAudit, course: Course, file: string): CourseProblem[] {
  if (course.film.descriptions !== undefined || audit.knownIssues.some(namesAudioDescription)) return [];
  return [{
    file,
    pointer: '/knownIssues',
    message: `the course's film has no audio description (course.json has no film.descriptions), but no known issue names WCAG ${AUDIO_DESCRIPTION_CRITERION}, so the accessibility statement would claim no known failures`,
    allowed: `a known issue whose criteria include "${AUDIO_DESCRIPTION_CRITERION}" (npm run swap-film adds one), or a descriptions track for the film`,
  }];
}
