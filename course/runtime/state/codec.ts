// The learner state's saved form: what goes into suspend_data or the xAPI State API and comes back next time.
// Decoding never throws and never returns half a state silently: it returns the state, or a typed problem with
// everything that survived, so the player can restart just the affected section and say so.
import type { Course } from '../../model/types.ts';
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
      /** What was lost, as facts: the player words it for the learner. */
      damage: StateDamage;
      /** Everything that could be restored, located at the start of the first affected section; null when nothing. */
      salvaged: LearnerState | null;
      /** Ids of the sections whose saved progress was lost, in course order (empty when that cannot be told). */
      affectedSections: string[];
    };

/** What a saved state that could not be read whole lost. */
export interface StateDamage {
  /** The record of which sections were finished could not be recovered. */
  progressLost: boolean;
  /** Reflections that could not be recovered: how many, or 'all' when which ones cannot be told. */
  reflectionsLost: number | 'all';
  /** A reflection cut short kept its beginning: the learner should check it. */
  reflectionCut: boolean;
}

const NO_DAMAGE: StateDamage = { progressLost: false, reflectionsLost: 0, reflectionCut: false };

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
    return failure('corrupt', NO_DAMAGE, null, []);
  }
  if (envelope.version !== VERSION) {
    return failure('unknown-version', NO_DAMAGE, null, []);
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
  return failure(reason, damageOf(decoded), salvaged, affected);
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

function failure(reason: Extract<DecodeResult, { ok: false }>['reason'], damage: StateDamage, salvaged: LearnerState | null, affectedSections: string[]): DecodeResult {
  return { ok: false, reason, damage, salvaged, affectedSections };
}

function damageOf(decoded: V1Decoding): StateDamage {
  const damage = decoded.problems.filter((p): p is Extract<Problem, { part: string }> => p.kind !== 'section-changed');
  const lost = damage.reduce((n, p) => n + p.prompts.length, 0);
  return {
    progressLost: damage.some((p) => p.part === 'progress' && p.sections.length === 0),
    reflectionsLost: damage.some((p) => p.part === 'reflections' && p.prompts.length === 0) ? 'all' : lost,
    reflectionCut: decoded.cutReflections.length > 0,
  };
}
