// Where a returning learner lands, and what they are told. A state that decodes cleanly resumes where they left off;
// one that decodes only in part restarts the section they were in (the part most likely lost) and keeps the rest;
// one that cannot be read at all starts the course again. Never a blank screen.
import type { Course } from '../../model/types.ts';
import { emptyLearnerState, NO_SEED, randomSeed, type LearnerState } from '../../runtime/state/learner-state.ts';
import type { DecodeResult, StateDamage } from '../../runtime/state/codec.ts';
import { entryFor, firstScreenId, type CourseMap } from '../logic/course-map.ts';
import { indexQuestions } from '../logic/question-index.ts';
import { sanitizeState } from './sanitize.ts';

type DecodeFailure = Extract<DecodeResult, { ok: false }>;

export type ResumeNotice =
  /** "Welcome back — continue from …": the learner lands on the screen they left. */
  | { kind: 'welcome-back'; screenId: string }
  /** Part of the saved progress was unreadable: these sections start again, the rest is kept. */
  | { kind: 'sections-restarted'; sectionIds: string[]; reason: DecodeFailure['reason']; damage: StateDamage }
  /** Nothing could be read: the course starts from the beginning. */
  | { kind: 'progress-lost'; reason: DecodeFailure['reason'] };

export interface ResumeResult {
  state: LearnerState;
  notice: ResumeNotice | null;
  /**
   * The saved state must not be overwritten: it was written by a newer version of the course than this one, and
   * saving over it would destroy the learner's progress in that version.
   */
  keepSavedState: boolean;
}

/**
 * The state to start from. A learner without a seed (a first launch, or progress saved before checks drew from a
 * bank) gets one here, once; it is saved with their progress from then on.
 */
export function resumeFrom(course: Course, map: CourseMap, decoded: DecodeResult | null, newSeed: () => number = randomSeed): ResumeResult {
  const result = resumeWithoutSeed(course, map, decoded);
  return result.state.seed === NO_SEED ? { ...result, state: { ...result.state, seed: newSeed() } } : result;
}

function resumeWithoutSeed(course: Course, map: CourseMap, decoded: DecodeResult | null): ResumeResult {
  const first = firstScreenId(map);
  if (decoded === null) return { state: emptyLearnerState(first), notice: null, keepSavedState: false };
  if (decoded.ok) {
    const state = sanitizeState(course, map, decoded.state);
    const returning = state.location !== first || state.completedScreens.length > 0;
    return { state, notice: returning ? { kind: 'welcome-back', screenId: state.location } : null, keepSavedState: false };
  }
  const keepSavedState = decoded.reason === 'unknown-version';
  if (decoded.salvaged === null) {
    return { state: emptyLearnerState(first), notice: { kind: 'progress-lost', reason: decoded.reason }, keepSavedState };
  }
  let state = sanitizeState(course, map, decoded.salvaged);
  const known = new Set(course.sections.map((section) => section.id));
  let affected = decoded.affectedSections.filter((id) => known.has(id));
  // When the codec cannot tell which sections lost data, the one the learner was in is the likeliest.
  if (affected.length === 0) affected = [entryFor(map, state.location).section.id];
  for (const sectionId of affected) state = restartSection(course, state, sectionId);
  const firstAffected = course.sections.find((section) => affected.includes(section.id))?.screens[0]?.id ?? first;
  state = { ...state, location: firstAffected };
  return { state, notice: { kind: 'sections-restarted', sectionIds: affected, reason: decoded.reason, damage: decoded.damage }, keepSavedState };
}

/**
 * The state with one section's progress cleared and the learner placed at its start. Reflection text that survived
 * is kept: it is the learner's own writing, shown again for them to check, and deleting it would help nobody.
 */
export function restartSection(course: Course, state: LearnerState, sectionId: string): LearnerState {
  const section = course.sections.find((s) => s.id === sectionId);
  const start = section?.screens[0];
  if (!section || !start) return state;
  const screenIds = new Set(section.screens.map((screen) => screen.id));
  const questionIds = new Set<string>();
  let hasFilm = false;
  const confidencePhases = new Set<'before' | 'after'>();
  const checkIds = new Set<string>();
  for (const screen of section.screens) {
    if (screen.type === 'knowledge-check') checkIds.add(screen.id);
    if (screen.type === 'knowledge-check') screen.questions.forEach((q) => questionIds.add(q.id));
    if (screen.type === 'film') hasFilm = true;
    if (screen.type === 'confidence') confidencePhases.add(screen.phase);
  }
  if (hasFilm) for (const [id, entry] of indexQuestions(course)) if (entry.cuePointId !== null) questionIds.add(id);
  const keep = <T>(record: Record<string, T>, drop: ReadonlySet<string>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([key]) => !drop.has(key)));
  return {
    ...state,
    location: start.id,
    completedScreens: state.completedScreens.filter((id) => !screenIds.has(id)),
    scenarioPaths: keep(state.scenarioPaths, screenIds),
    answers: keep(state.answers, questionIds),
    attempts: keep(state.attempts, questionIds),
    confidence: {
      before: confidencePhases.has('before') ? {} : state.confidence.before,
      after: confidencePhases.has('after') ? {} : state.confidence.after,
    },
    film: hasFilm ? { position: 0, played: [] } : state.film,
    checkAttempts: keep(state.checkAttempts, checkIds),
  };
}
