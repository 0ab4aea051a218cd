// SCORM 2004 3rd and 4th edition (cmi.*). Completion and success are separate, the score is judged on score.scaled,
// times are ISO 8601, responses name options by id ("[,]" between them, each written as a short identifier strict LMSs
// take: identifiers-2004.ts), and localized strings may carry the course's language. The two editions share this
// run-time data model; their limits come from budget.ts.
import type { StandardId } from '../../model/types.ts';
import { SUSPEND_DATA_LIMITS } from '../state/limits.ts';
import { isoDuration, scorm2004Timestamp } from '../shared/durations.ts';
import { clamp, decimal, displayName, launchMode, type InteractionContext, type ScormDataModel, type ScormInteraction, type ScormWrite } from './data-model.ts';
import { longIdentifier2004, shortIdentifier2004 } from './identifiers-2004.ts';
import { reportedOutcome } from '../reported-outcome.ts';

const LOCATION_MAX = 1000;
const SHORT_MAX = 250;
const LONG_MAX = 4000;
const MAX_CHOICES = 36;

const write = (element: string, value: string, critical = false): ScormWrite => ({ element, value, critical });

/** An objective's or interaction's id as a long_identifier_type (identifiers-2004.ts); course ids always fit. */
export function scorm2004Identifier(id: string): string {
  return longIdentifier2004(id) ?? '_';
}

/** Option ids as short identifiers; null when one cannot be written as one (then the answer goes as fill-in text). */
function shortIdentifiers(ids: readonly string[]): string[] | null {
  const written = [...new Set(ids)].map(shortIdentifier2004);
  return written.every((id): id is string => id !== null) ? written : null;
}

/** localized_string_type: "{lang=…}" then the text, which may not begin with "{" and (for strict LMSs) is one line. */
function localized(text: string, language: string, max: number): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ').replace(/^\{/, '(');
  return `{lang=${language}}${clamp(oneLine, max)}`;
}

export function scorm2004Model(standard: Extract<StandardId, 'scorm2004-3rd' | 'scorm2004-4th'>): ScormDataModel {
  return {
    version: '2004',
    standard,
    apiName: 'API_1484_11',
    suspendDataLimit: SUSPEND_DATA_LIMITS[standard],
    entryElement: 'cmi.entry',
    sessionElements: (entry) => [
      'cmi.learner_id',
      'cmi.learner_name',
      'cmi.mode',
      'cmi.completion_status',
      'cmi.success_status',
      // A new attempt has no resume data: reading them would only raise 403 "not initialized" (issue 12.4).
      ...(entry === 'ab-initio' ? [] : ['cmi.suspend_data', 'cmi.location']),
    ],

    readSession(values) {
      const completion = values['cmi.completion_status'] ?? '';
      return {
        learnerId: values['cmi.learner_id'] || null,
        learnerName: displayName(values['cmi.learner_name'] ?? ''),
        suspendData: values['cmi.suspend_data'] || null,
        location: values['cmi.location'] || null,
        mode: launchMode(values['cmi.mode'] ?? ''),
        completedBefore: completion === 'completed',
        passedBefore: values['cmi.success_status'] === 'passed',
        notStarted: completion === '' || completion === 'not attempted' || completion === 'unknown',
      };
    },

    startWrites(session) {
      return session.notStarted && session.mode === 'normal' ? [write('cmi.completion_status', 'incomplete', true)] : [];
    },

    stateWrites(state, location) {
      const writes = [write('cmi.suspend_data', state, true), write('cmi.exit', 'suspend', true)];
      if (location.length <= LOCATION_MAX) writes.push(write('cmi.location', location));
      return writes;
    },

    sessionTimeWrites: (ms) => [write('cmi.session_time', isoDuration(ms), true)],

    outcomeWrites(outcome, profile, before) {
      const writes: ScormWrite[] = [];
      const reported = reportedOutcome(outcome, profile.successReported);
      if (!(before.completedBefore && !reported.completed)) {
        writes.push(write('cmi.completion_status', reported.completed ? 'completed' : 'incomplete', true));
      }
      // An LMS with a completion threshold judges completion from progress_measure: keep the two consistent.
      writes.push(write('cmi.progress_measure', decimal(reported.completed ? 1 : reported.progress)));
      if (reported.success !== null && !(before.passedBefore && reported.success === 'failed')) {
        writes.push(write('cmi.success_status', reported.success, true));
      }
      if (reported.scaled !== null) {
        const scaled = Math.min(1, Math.max(0, reported.scaled));
        writes.push(
          write('cmi.score.scaled', decimal(scaled), true),
          write('cmi.score.raw', decimal(scaled * 100, 2)),
          write('cmi.score.min', '0'),
          write('cmi.score.max', '100'),
        );
      }
      return writes;
    },

    interactionCountElement: 'cmi.interactions._count',
    interaction: interaction2004,
    heldInteractions(count, read) {
      const held: { id: string; stamp: string }[] = [];
      for (let n = 0; n < count; n++) held.push({ id: read(`cmi.interactions.${n}.id`), stamp: read(`cmi.interactions.${n}.timestamp`) });
      return held;
    },

    objectiveCountElement: 'cmi.objectives._count',
    objectiveIdElement: (index) => `cmi.objectives.${index}.id`,
    objectiveId: scorm2004Identifier,
    objectiveWrites(index, sectionId, progress, isNew) {
      const base = `cmi.objectives.${index}`;
      return [
        ...(isNew ? [write(`${base}.id`, scorm2004Identifier(sectionId))] : []),
        write(`${base}.completion_status`, progress >= 1 ? 'completed' : 'incomplete'),
        write(`${base}.progress_measure`, decimal(Math.min(1, Math.max(0, progress)))),
      ];
    },

    exitWrites: (how, profile) => [write('cmi.exit', how === 'suspend' ? 'suspend' : profile.scorm2004.exitWhenFinished, true)],
    navigationWrites: (how, profile) => (profile.scorm2004.navRequestOnExit ? [write('adl.nav.request', how === 'suspend' ? 'suspendAll' : 'exitAll')] : []),
    commitBeforeTerminate: (profile) => profile.scorm2004.commitBeforeTerminate,

    sharedReflectionWrites({ changed, interactions, now, language }) {
      if (!interactions || changed.text === '') return { writes: [], interaction: null };
      const answer = { id: `reflection.${changed.id}`, type: 'long-fill-in' as const, description: changed.prompt, response: [changed.text], result: 'neutral' as const, latencyMs: 0, choices: [] };
      return { writes: [], interaction: interaction2004({ answer, now, language }) };
    },
  };
}

function interaction2004({ answer, now, language }: InteractionContext): ScormInteraction {
  let type: string = answer.type;
  let response: string;
  let correct: string | null = null;
  const chosen = answer.type === 'choice' || answer.type === 'likert' ? shortIdentifiers(answer.response) : null;
  const right = answer.correct ? shortIdentifiers(answer.correct) : null;
  if (answer.type === 'choice' && chosen && chosen.length <= MAX_CHOICES && (!answer.correct || (right && right.length <= MAX_CHOICES))) {
    response = chosen.join('[,]');
    correct = right ? right.join('[,]') : null;
  } else if (answer.type === 'likert' && chosen?.length === 1) {
    response = chosen[0]!;
  } else if (answer.type === 'long-fill-in') {
    response = localized(answer.response.join(' '), language, LONG_MAX);
  } else {
    type = 'fill-in';
    response = localized(answer.response.join(', ').replace(/\[,\]/g, '[ ,]'), language, SHORT_MAX);
  }
  const lmsId = scorm2004Identifier(answer.id);
  const stamp = scorm2004Timestamp(now);
  const fields: [string, string][] = [
    ['id', lmsId],
    ['type', type],
    ['timestamp', stamp],
    ['description', localized(answer.description, language, SHORT_MAX)],
    ['learner_response', response],
    ['result', answer.result],
    ['latency', isoDuration(answer.latencyMs)],
  ];
  if (correct !== null) fields.push(['correct_responses.0.pattern', correct]);
  return { lmsId, stamp, fields };
}
