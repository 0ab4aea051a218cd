// The committed accessibility audit record (course/accessibility/audit.json): read and schema-checked like the
// course, because the accessibility statement of every variant is written from it.
import { join } from 'node:path';
import { CourseError, checkAgainstSchema } from './course/index.ts';
import { readJsonFile } from './course/read-json.ts';
import type { Screen } from '../course/types.ts';

export const AUDIT_FILE = join('accessibility', 'audit.json');

export interface AccessibilityAudit {
  $schema: string;
  standard: 'WCAG 2.2 AA';
  /** YYYY-MM-DD */
  testedOn: string;
  tools: { name: string; version: string; purpose: string }[];
  methods: string[];
  /** Course frame widths tested, CSS px. */
  widths: number[];
  screenTypes: Screen['type'][];
  knownIssues: { description: string; criteria: string[]; plannedFix?: string }[];
  limitations: string[];
  statement: { preparedOn: string; reviewedOn: string };
}

/** <courseDir>/accessibility/audit.json, checked against course/schema/audit.schema.json; throws CourseError. */
export async function loadAccessibilityAudit(courseDir: string): Promise<AccessibilityAudit> {
  const file = join(courseDir, AUDIT_FILE);
  const read = await readJsonFile(file);
  if (read.value === undefined) throw new CourseError(read.problems);
  const problems = [...read.problems, ...checkAgainstSchema('audit', read.value, file)];
  if (problems.length > 0) throw new CourseError(problems);
  return read.value as AccessibilityAudit;
}

/** "fully" when no known issue is recorded; PSBAR's "partially" as soon as one is. */
export function complianceStatus(audit: AccessibilityAudit): 'fully' | 'partially' {
  return audit.knownIssues.length === 0 ? 'fully' : 'partially';
}
