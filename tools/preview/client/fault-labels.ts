// The fault switches in plain words (issue 15.8): each says what the learner and the LMS would go through, with the
// API detail (method, error code, HTTP status) after it for the developer. One place for the LMS page's labels, the
// page's announcement and the inspector log's line, so they cannot drift apart. Used by the server (pages.ts) and
// the LMS page (served as a client module), so it imports types only.
import type { Faults, LrsDownMode } from '../protocol.ts';

export type FaultRuntime = 'scorm12' | 'scorm2004' | 'xapi';

export interface FaultWords {
  /** What happens, in words an L&D colleague uses: the switch's label. */
  label: string;
  /** How the package sees it (calls, codes, statuses): the hint beside the label. */
  detail: string;
  /** The phrase for "Faults on: …" lines. */
  short: string;
}

export interface FaultLabels {
  /** SCORM only. */
  commitFails: FaultWords | null;
  lmsGone: FaultWords;
  /** xAPI / cmi5 only: the question, and each answer. */
  lrsDown: { legend: string; options: Record<LrsDownMode, FaultWords> } | null;
  slowMs: FaultWords;
}

export function faultLabels(runtime: FaultRuntime): FaultLabels {
  const scorm = runtime !== 'xapi';
  const commitCall = runtime === 'scorm12' ? 'LMSCommit' : 'Commit';
  return {
    commitFails: scorm
      ? {
          label: 'The LMS refuses to save the learner’s progress (commit fails)',
          detail: `${commitCall} answers "false" with error ${runtime === 'scorm12' ? 101 : 391}; nothing is stored until this is switched off`,
          short: 'the LMS refuses to save (commit fails)',
        }
      : null,
    lmsGone: scorm
      ? {
          label: 'The LMS loses contact with the course (the LMS connection disappears)',
          detail: `every API call fails with error 101 and ${runtime === 'scorm12' ? 'window.API' : 'window.API_1484_11'} is removed for the rest of the session`,
          short: 'the LMS loses contact with the course',
        }
      : {
          label: 'The LMS forgets the learner’s session (as after a server restart)',
          detail: 'the LRS answers 401 to the course’s credentials and the fetch URL refuses',
          short: 'the LMS forgets the session',
        },
    lrsDown: scorm
      ? null
      : {
          legend: 'Can the course reach the learning record store (LRS)?',
          options: {
            off: { label: 'Yes: statements and progress are stored', detail: '', short: '' },
            'http-503': { label: 'No: the LRS is up but too busy to store anything', detail: 'every request is answered 503 Service Unavailable', short: 'the LRS is too busy to store anything (503)' },
            refuse: { label: 'No: nothing answers at the LRS’s address', detail: 'every connection is dropped, as when the server is down', short: 'nothing answers at the LRS’s address (connections dropped)' },
          },
        },
    slowMs: {
      label: 'Slow network: every file, save and answer arrives this much later (milliseconds)',
      detail: scorm ? 'package files and commits are delayed' : 'package files, LRS responses and the cmi5 fetch are delayed',
      short: 'slow network',
    },
  };
}

/** One line naming what is on, for the inspector log and the page's announcement: "Faults: none" or "Faults on: …". */
export function describeFaults(faults: Readonly<Faults>, runtime: FaultRuntime): string {
  const words = faultLabels(runtime);
  const on: string[] = [];
  if (faults.commitFails && words.commitFails) on.push(words.commitFails.short);
  if (faults.lmsGone) on.push(words.lmsGone.short);
  if (faults.lrsDown !== 'off' && words.lrsDown) on.push(words.lrsDown.options[faults.lrsDown].short);
  if (faults.slowMs > 0) on.push(`${words.slowMs.short} (${faults.slowMs} ms)`);
  return on.length === 0 ? 'Faults: none' : `Faults on: ${on.join('; ')}`;
}
