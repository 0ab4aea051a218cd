// The accessibility audit record after a swap: a film without audio description is a known issue (WCAG 1.2.5), so
// the statement stops claiming no known failures; a later swap with descriptions takes that entry out again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIO_DESCRIPTION_CRITERION, NO_AUDIO_DESCRIPTION_ISSUE, updateAuditJson } from '../../../tools/film/swap-audit.ts';
import { checkAgainstSchema } from '../../../build/course/schema-check.ts';
import { complianceStatus, type AccessibilityAudit } from '../../../build/accessibility-audit.ts';

// Read only: the real record is never written by these tests.
const auditText = readFileSync(new URL('../../../course/content/accessibility/audit.json', import.meta.url), 'utf8');
const committed = JSON.parse(auditText) as AccessibilityAudit;

function update(text: string, hasDescriptions: boolean) {
  const result = updateAuditJson(text, 'audit.json', hasDescriptions);
  if ('problems' in result) throw new Error(result.problems.join('\n'));
  return result;
}

describe('updateAuditJson', () => {
  it('without descriptions, adds the known issue; the record stays valid and the statement says "partially"', () => {
    expect(committed.knownIssues).toEqual([]);
    const result = update(auditText, false);
    const after = JSON.parse(result.text!) as AccessibilityAudit;
    expect(after.knownIssues).toEqual([NO_AUDIO_DESCRIPTION_ISSUE]);
    expect(after.knownIssues[0]!.criteria).toEqual(['1.2.5 Audio Description (Prerecorded)']);
    expect(checkAgainstSchema('audit', after, 'audit.json')).toEqual([]);
    expect(complianceStatus(after)).toBe('partially');
    expect(result.changes).toEqual([`accessibility/audit.json knownIssues: + WCAG ${AUDIO_DESCRIPTION_CRITERION}, not met (the film has no audio description)`]);
    // Everything else is as it was, in the file's own style.
    expect({ ...after, knownIssues: [] }).toEqual(committed);
    expect(result.text!.endsWith('}\n')).toBe(auditText.endsWith('}\n'));
  });

  it('with descriptions, leaves a record without the issue alone, and takes out the entry a swap added', () => {
    expect(update(auditText, true)).toEqual({ text: undefined, changes: [], notes: [] });
    const withIssue = update(auditText, false).text!;
    const back = update(withIssue, true);
    expect(JSON.parse(back.text!)).toEqual(JSON.parse(auditText));
    expect(back.changes).toEqual([`accessibility/audit.json knownIssues: − WCAG ${AUDIO_DESCRIPTION_CRITERION} (the new film has audio description)`]);
  });

  it('adds nothing twice, and leaves an issue the trust wrote about 1.2.5 for them to judge', () => {
    const withIssue = update(auditText, false).text!;
    expect(update(withIssue, false)).toEqual({ text: undefined, changes: [], notes: [expect.stringContaining('already names WCAG 1.2.5')] });
    const theirs = JSON.stringify({ ...committed, knownIssues: [{ description: 'Our own words.', criteria: ['1.2.5 Audio Description (Prerecorded)'] }] }, null, 2);
    expect(update(theirs, true)).toEqual({ text: undefined, changes: [], notes: [expect.stringContaining('remove that issue if it no longer holds')] });
  });

  it('refuses a record that is not JSON or has no knownIssues list, naming the file', () => {
    expect(updateAuditJson('{', 'a.json', false)).toEqual({ problems: [expect.stringMatching(/^a\.json must be valid JSON/)] });
    expect(updateAuditJson('{}', 'a.json', false)).toEqual({ problems: ['a.json has no "knownIssues" list; it does not look like the course\'s accessibility audit record'] });
  });
});
