// The learner state's saved form: what goes into suspend_data or the xAPI State API and comes back next time.
// Decoding never throws and never returns half a state silently: it returns the state, or a typed problem with
// everything that survived, so the player can restart just the affected section and say so.
import type { Course } from '../../types.ts';
import { emptyLearnerState, type LearnerState } from './learner-state.ts';
import { layoutOf } from './course-layout.ts';
import { unframe } from './envelope.ts';
import { decodeV1, encodeV1, VERSION, type Problem, type V1Decoding } from './format-v1.ts';
import { readV0 } from './legacy-v0.ts';

export { SUSPEND_DATA_LIMITS } from './limits.ts';

export const STATE_VERSION = VERSION;

export type DecodeResult =
  | { ok: true; state: LearnerState; migratedFrom?: number }
  | {
      ok: false;
      reason: 'corrupt' | 'truncated' | 'unknown-version' | 'course-changed';
      /** Plain words for the learner (and for support). */
      message: string;
      /** Everything that could be restored, located at the start of the first affected section; null when nothing. */
      salvaged: LearnerState | null;
      /** Ids of the sections whose saved progress was lost, in course order (empty when that cannot be told). */
      affectedSections: string[];
    };

export function encodeState(state: LearnerState, course: Course): string {
  return encodeV1(state, course);
}

export function decodeState(encoded: string, course: Course): DecodeResult {
  const text = encoded.trim();
  const layout = layoutOf(course);
  if (text === '') return { ok: true, state: emptyLearnerState(layout.firstScreenId) };
  const envelope = unframe(text);
  if (envelope.kind === 'unframed') {
    const old = readV0(text);
    if (old) return migrated(old, 0, course);
    return failure('corrupt', 'Your saved progress could not be read, so the course starts from the beginning.', null, []);
  }
  if (envelope.version !== VERSION) {
    return failure(
      'unknown-version',
      'Your progress was saved by a newer version of this course than the one your learning system opened, so it could not be read here. ' +
        'Nothing has been overwritten yet: ask your learning team which version of the course to use.',
      null,
      [],
    );
  }

  const decoded = decodeV1(envelope.pieces, envelope.complete, course);
  const layoutPrompts = new Map(layout.prompts.map((p) => [p.id, p.sectionId]));
  const touched = new Set([...decoded.problems.flatMap((p) => p.sections), ...decoded.cutReflections.map((id) => layoutPrompts.get(id) ?? '')]);
  const affected = course.sections.map((section) => section.id).filter((id) => touched.has(id));
  const state = decoded.state;
  if (!decoded.locationFound || affected.length > 0) state.location = restartPoint(course, state, affected);
  if (decoded.problems.length === 0) return { ok: true, state };

  const reason = decoded.problems.some((p) => p.kind === 'cut')
    ? 'truncated'
    : decoded.problems.some((p) => p.kind === 'damaged')
      ? 'corrupt'
      : 'course-changed';
  const salvaged = decoded.restoredAnything ? state : null;
  return failure(reason, describe(reason, course, affected, decoded, salvaged !== null), salvaged, affected);
}

function migrated(old: LearnerState, from: number, course: Course): DecodeResult {
  // Re-encoding in today's format keeps exactly what today's course still has a place for.
  const current = decodeState(encodeV1(old, course), course);
  if (!current.ok) return current;
  return { ok: true, state: current.state, migratedFrom: from };
}

/** First screen of the first affected section, else of the first unfinished section, else of the course. */
function restartPoint(course: Course, state: LearnerState, affected: string[]): string {
  const done = new Set(state.completedScreens);
  const section =
    course.sections.find((s) => affected.includes(s.id)) ?? course.sections.find((s) => s.screens.some((screen) => !done.has(screen.id)));
  return section?.screens[0]?.id ?? layoutOf(course).firstScreenId;
}

function failure(
  reason: Extract<DecodeResult, { ok: false }>['reason'],
  message: string,
  salvaged: LearnerState | null,
  affectedSections: string[],
): DecodeResult {
  return { ok: false, reason, message, salvaged, affectedSections };
}

function describe(reason: string, course: Course, affected: string[], decoded: V1Decoding, salvagedAny: boolean): string {
  const parts = [
    reason === 'truncated'
      ? 'Your learning system returned only part of your saved progress.'
      : reason === 'corrupt'
        ? 'Part of your saved progress was damaged on its way back from your learning system.'
        : 'This course has been updated since your last visit, and part of it has changed.',
  ];
  const titles = affected.map((id) => `“${course.sections.find((s) => s.id === id)?.title ?? id}”`);
  if (titles.length > 0) parts.push(`You will start ${joinTitles(titles)} again.`);
  const damage = decoded.problems.filter((p): p is Extract<Problem, { part: string }> => p.kind !== 'section-changed');
  if (damage.some((p) => p.part === 'progress' && p.sections.length === 0)) {
    parts.push('The record of which sections you had finished could not be recovered.');
  }
  const lost = damage.reduce((n, p) => n + p.prompts.length, 0);
  if (damage.some((p) => p.part === 'reflections' && p.prompts.length === 0)) parts.push('Your reflections could not be recovered.');
  else if (lost > 0) parts.push(lost === 1 ? 'One of your reflections could not be recovered.' : `${lost} of your reflections could not be recovered.`);
  if (decoded.cutReflections.length > 0) parts.push('A reflection that was cut short has kept its beginning: please check it and finish it.');
  parts.push(salvagedAny ? 'Everything else you had done has been kept.' : 'Nothing else could be recovered, so you will start from the beginning.');
  return parts.join(' ');
}

function joinTitles(titles: string[]): string {
  if (titles.length === 1) return `the section ${titles[0]}`;
  return `the sections ${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
}
