// The accessibility audit record (course/content/accessibility/audit.json) after a swap. The accessibility statement of
// every package is written from it, so a film without audio description must show there as a known issue (WCAG
// 1.2.5, level AA) rather than the statement claiming no known failures. The record is rewritten in its own style,
// like course.json; only knownIssues changes.
import { parseJsonText } from '../../build/course/read-json.ts';
import { formatProblems } from '../../build/course/format.ts';
import { detectJsonStyle, formatJson } from './swap-course-data.ts';
import { AUDIO_DESCRIPTION_CRITERION, namesAudioDescription } from '../../build/accessibility-audit.ts';

export const AUDIT_PATH = 'accessibility/audit.json';
export { AUDIO_DESCRIPTION_CRITERION };

/** The known issue a swap without descriptions records. A swap with descriptions removes exactly this entry. */
export const NO_AUDIO_DESCRIPTION_ISSUE = {
  description:
    'The film has no audio description, so someone who cannot see it may miss what is shown on screen but not said. ' +
    'The transcript beside the film describes what is shown as well as what is said.',
  criteria: [AUDIO_DESCRIPTION_CRITERION],
} as const;

interface Issue {
  description?: unknown;
  criteria?: unknown;
}

const isOurs = (issue: Issue): boolean => issue.description === NO_AUDIO_DESCRIPTION_ISSUE.description;
const namesCriterion = (issue: Issue): boolean => Array.isArray(issue.criteria) && namesAudioDescription({ criteria: issue.criteria });

export interface AuditUpdate {
  /** The new text, or undefined when the record needs no change. */
  text: string | undefined;
  changes: string[];
  /** Things the trust should look at themselves (an issue of their own about 1.2.5, say). */
  notes: string[];
}

/**
 * audit.json for a film with or without descriptions: without, the known issue is added unless the record already
 * names 1.2.5; with, the entry a swap added is removed (an entry the trust wrote is theirs to judge, so it is only noted).
 */
export function updateAuditJson(text: string, file: string, hasDescriptions: boolean): AuditUpdate | { problems: string[] } {
  const read = parseJsonText(text, file);
  const audit = read.value;
  if (audit === undefined || read.problems.length > 0) {
    return { problems: [`${file} must be valid JSON before the film can be swapped; fix these first:\n${formatProblems(read.problems).replace(/^/gm, '      ')}`] };
  }
  if (typeof audit !== 'object' || audit === null || Array.isArray(audit) || !Array.isArray((audit as Record<string, unknown>).knownIssues)) {
    return { problems: [`${file} has no "knownIssues" list; it does not look like the course's accessibility audit record`] };
  }
  const record = audit as Record<string, unknown> & { knownIssues: Issue[] };
  const issues = record.knownIssues;
  const field = `${AUDIT_PATH} knownIssues`;
  if (!hasDescriptions) {
    if (issues.some(namesCriterion)) {
      return { text: undefined, changes: [], notes: [`${field} already names WCAG ${AUDIO_DESCRIPTION_CRITERION}; check its words suit the new film`] };
    }
    const next = { ...record, knownIssues: [...issues, { ...NO_AUDIO_DESCRIPTION_ISSUE, criteria: [...NO_AUDIO_DESCRIPTION_ISSUE.criteria] }] };
    return { text: formatJson(next, detectJsonStyle(text)), changes: [`${field}: + WCAG ${AUDIO_DESCRIPTION_CRITERION}, not met (the film has no audio description)`], notes: [] };
  }
  const notes = issues.filter((issue) => namesCriterion(issue) && !isOurs(issue)).length > 0
    ? [`${field} names WCAG ${AUDIO_DESCRIPTION_CRITERION}, and the new film has audio description: remove that issue if it no longer holds`]
    : [];
  if (!issues.some(isOurs)) return { text: undefined, changes: [], notes };
  const next = { ...record, knownIssues: issues.filter((issue) => !isOurs(issue)) };
  return { text: formatJson(next, detectJsonStyle(text)), changes: [`${field}: − WCAG ${AUDIO_DESCRIPTION_CRITERION} (the new film has audio description)`], notes };
}
