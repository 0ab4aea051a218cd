// SCORM 1.2 (cmi.core.*). One lesson_status carries completion and success together, interactions are write-only
// and their responses are single characters per choice (CMIFeedback), and identifiers allow letters, digits, "-"
// and "_" only. Suspend data is CMIString4096: the tracker checks that limit itself, as scorm-again does not.
import { SUSPEND_DATA_LIMITS } from '../state/limits.ts';
import { reportedOutcome } from '../reported-outcome.ts';
import { scorm12TimeOfDay, scorm12Timespan } from '../shared/durations.ts';
import { clamp, decimal, displayName, launchMode, type InteractionContext, type ScormDataModel, type ScormInteraction, type ScormWrite } from './data-model.ts';

const LOCATION_MAX = 255;
const IDENTIFIER_MAX = 255;
const FEEDBACK_MAX = 255;
/** Choice responses name options by position: a-z, then 0-9 (36 in all). */
const CHOICE_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function scorm12Identifier(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, IDENTIFIER_MAX) || '_';
}

const write = (element: string, value: string, critical = false): ScormWrite => ({ element, value, critical });

export const scorm12Model: ScormDataModel = {
  version: '1.2',
  standard: 'scorm12',
  apiName: 'API',
  suspendDataLimit: SUSPEND_DATA_LIMITS.scorm12,
  entryElement: 'cmi.core.entry',
  // 1.2 reads an element never set as "" without an error, and an entry of "" may still come with data (after an
  // exit other than "suspend"), so the resume data are always read.
  sessionElements: () => ['cmi.core.student_id', 'cmi.core.student_name', 'cmi.suspend_data', 'cmi.core.lesson_location', 'cmi.core.lesson_mode', 'cmi.core.lesson_status'],

  readSession(values) {
    const status = values['cmi.core.lesson_status'] ?? '';
    return {
      learnerId: values['cmi.core.student_id'] || null,
      learnerName: displayName(values['cmi.core.student_name'] ?? ''),
      suspendData: values['cmi.suspend_data'] || null,
      location: values['cmi.core.lesson_location'] || null,
      mode: launchMode(values['cmi.core.lesson_mode'] ?? ''),
      completedBefore: status === 'completed' || status === 'passed',
      passedBefore: status === 'passed',
      notStarted: status === '' || status === 'not attempted',
    };
  },

  startWrites(session) {
    return session.notStarted && session.mode === 'normal' ? [write('cmi.core.lesson_status', 'incomplete', true)] : [];
  },

  stateWrites(state, location) {
    const writes = [write('cmi.suspend_data', state, true), write('cmi.core.exit', 'suspend', true)];
    // The location is only a bookmark (the state holds it too), so one too long for CMIString256 is left out.
    if (location.length <= LOCATION_MAX) writes.push(write('cmi.core.lesson_location', location));
    return writes;
  },

  sessionTimeWrites: (ms) => [write('cmi.core.session_time', scorm12Timespan(ms), true)],

  outcomeWrites(outcome, profile, before) {
    const writes: ScormWrite[] = [];
    // One status for both: passed or failed once reported (reported-outcome.ts), else completed or incomplete.
    const reported = reportedOutcome(outcome, profile.successReported);
    const status = reported.success ?? (reported.completed ? 'completed' : 'incomplete');
    // Never take back a completion or a pass the LMS already holds from an earlier session.
    const downgrade = (before.passedBefore && status !== 'passed') || (before.completedBefore && status === 'incomplete');
    if (!downgrade) writes.push(write('cmi.core.lesson_status', status, true));
    if (reported.scaled !== null) {
      writes.push(
        write('cmi.core.score.raw', decimal(Math.min(1, Math.max(0, reported.scaled)) * 100, 2), true),
        write('cmi.core.score.min', '0'),
        write('cmi.core.score.max', '100'),
      );
    }
    return writes;
  },

  interactionCountElement: 'cmi.interactions._count',
  interaction: interaction12,
  heldInteractions: () => null,

  objectiveCountElement: 'cmi.objectives._count',
  objectiveIdElement: (index) => `cmi.objectives.${index}.id`,
  objectiveId: scorm12Identifier,
  objectiveWrites(index, sectionId, progress, isNew) {
    const base = `cmi.objectives.${index}`;
    return [...(isNew ? [write(`${base}.id`, scorm12Identifier(sectionId))] : []), write(`${base}.status`, progress >= 1 ? 'completed' : 'incomplete')];
  },

  exitWrites: (how, profile) => [write('cmi.core.exit', how === 'suspend' ? 'suspend' : profile.scorm12.exitWhenFinished, true)],
  navigationWrites: () => [],
  commitBeforeTerminate: () => true,

  sharedReflectionWrites({ all }) {
    // cmi.comments is one CMIString4096 for the whole course, so every shared reflection goes in it together.
    const text = all.map((r) => `${r.prompt}\n${r.text}`).join('\n\n');
    return { writes: text === '' ? [] : [write('cmi.comments', clamp(text, 4096))], interaction: null };
  },
};

function interaction12({ answer, now }: InteractionContext): ScormInteraction {
  const { choices } = answer;
  const byPosition = (ids: string[]): string | null => {
    const chars = ids.map((id) => CHOICE_CHARS[choices.findIndex((c) => c.id === id)] ?? null);
    return chars.every((c) => c !== null) ? chars.join(',') : null;
  };
  let type: string;
  let response: string | null;
  let correct: string | null = null;
  if (answer.type === 'choice' && choices.length > 0 && choices.length <= CHOICE_CHARS.length) {
    type = 'choice';
    response = byPosition(answer.response);
    correct = answer.correct ? byPosition(answer.correct) : null;
  } else if (answer.type === 'likert' && answer.response.length === 1 && /^[0-9a-z]$/.test(answer.response[0] ?? '')) {
    type = 'likert';
    response = answer.response[0] ?? null;
  } else {
    type = 'fill-in';
    response = null;
  }
  // Anything the strict formats cannot express is reported as fill-in text, which every LMS takes.
  if (response === null) {
    type = 'fill-in';
    response = clamp(answer.response.join(','), FEEDBACK_MAX);
    correct = null;
  }
  const lmsId = scorm12Identifier(answer.id);
  const fields: [string, string][] = [
    ['id', lmsId],
    ['type', type],
    ['time', scorm12TimeOfDay(now)],
    ['latency', scorm12Timespan(answer.latencyMs)],
    ['student_response', response],
    ['result', answer.result === 'incorrect' ? 'wrong' : answer.result],
  ];
  if (correct !== null) fields.push(['correct_responses.0.pattern', correct]);
  // Interactions are write-only in 1.2: there is no timestamp to read back.
  return { lmsId, stamp: '', fields };
}
