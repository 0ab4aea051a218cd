// The fault switches in plain words (issue 15.8): each label says what the learner and the LMS go through, the API
// detail (calls, codes, statuses) stays in the hint; the LMS page and the log line use the same words.
import { describe, expect, it } from 'vitest';
import { describeFaults, faultLabels, type FaultRuntime, type FaultWords } from '../../../tools/preview/client/fault-labels.ts';
import { lmsPage } from '../../../tools/preview/pages.ts';
import { NO_FAULTS, type PackageSummary } from '../../../tools/preview/protocol.ts';

const RUNTIMES: readonly FaultRuntime[] = ['scorm12', 'scorm2004', 'xapi'];
/** API words a tester from an L&D team should not need to read a switch. */
const JARGON = /\b(LMSCommit|Commit|API|API_1484_11|window\.|LRS response|error \d+|\d{3}\b|401|503|HTTP|XHR)/;

function switches(runtime: FaultRuntime): Array<[string, FaultWords]> {
  const labels = faultLabels(runtime);
  return [
    ...(labels.commitFails ? [['fault-commit', labels.commitFails] as [string, FaultWords]] : []),
    ['fault-lms-gone', labels.lmsGone],
    ...(labels.lrsDown
      ? ([
          ['lrs-up', labels.lrsDown.options.off],
          ['lrs-503', labels.lrsDown.options['http-503']],
          ['lrs-refuse', labels.lrsDown.options.refuse],
        ] as Array<[string, FaultWords]>)
      : []),
    ['fault-slow', labels.slowMs],
  ];
}

const summary: PackageSummary = { id: 'p', fileName: 'p.zip', title: 'P', standard: 'scorm12', standardName: 'SCORM 1.2', edition: '', launchHref: 'index.html', notes: [] };

/** The text of the page's <label for="id">, tags removed. */
function labelText(html: string, id: string): string {
  const match = new RegExp(`<label for="${id}">(.*?)</label>`, 's').exec(html);
  if (!match) throw new Error(`no label for #${id}`);
  return match[1]!.replace(/<[^>]+>/g, '').replace(/&#39;|&quot;/g, (entity) => (entity === '&quot;' ? '"' : "'")).trim();
}

describe('fault switch labels', () => {
  it.each(RUNTIMES)('%s: every label is plain words, distinct, with the API detail in its hint', (runtime) => {
    const all = switches(runtime);
    for (const [id, words] of all) {
      expect(words.label, id).not.toMatch(JARGON);
      expect(words.label.length, id).toBeGreaterThan(15);
    }
    expect(new Set(all.map(([, words]) => words.label)).size).toBe(all.length);
    // Where the package sees a code or a status, the hint names it for the developer.
    if (runtime === 'scorm12') expect(faultLabels(runtime).commitFails!.detail).toContain('error 101');
    if (runtime === 'scorm2004') expect(faultLabels(runtime).commitFails!.detail).toContain('error 391');
    if (runtime === 'xapi') expect(faultLabels(runtime).lrsDown!.options['http-503'].detail).toContain('503');
  });

  it('names the switches that are on in the same words, for the log and the page', () => {
    expect(describeFaults(NO_FAULTS, 'scorm12')).toBe('Faults: none');
    expect(describeFaults({ commitFails: true, lmsGone: true, lrsDown: 'off', slowMs: 500 }, 'scorm2004')).toBe(
      'Faults on: the LMS refuses to save (commit fails); the LMS loses contact with the course; slow network (500 ms)',
    );
    expect(describeFaults({ ...NO_FAULTS, lrsDown: 'refuse', lmsGone: true }, 'xapi')).toBe(
      'Faults on: the LMS forgets the session; nothing answers at the LRS’s address (connections dropped)',
    );
    // A switch the standard does not have is not named.
    expect(describeFaults({ ...NO_FAULTS, commitFails: true }, 'xapi')).toBe('Faults: none');
  });

  it.each(RUNTIMES)('%s: the LMS page labels its switches with these words', (runtime) => {
    const html = lmsPage(summary, { basePath: '/p/p', runtime, suspendDataLimit: 4096, cmi5: runtime === 'xapi' }, false);
    const all = switches(runtime);
    for (const [id, words] of all) {
      expect(labelText(html, id), id).toBe(words.detail ? `${words.label} (${words.detail})` : words.label);
    }
    expect(html.includes('id="fault-commit"')).toBe(runtime !== 'xapi');
    expect(html.includes('name="lrsDown"')).toBe(runtime === 'xapi');
  });
});
