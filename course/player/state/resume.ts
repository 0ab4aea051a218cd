// Where a returning learner lands, and what they are told. A state that decodes cleanly resumes where they left off;
// one that decodes only in part restarts the section they were in (the part most likely lost) and keeps the rest;
// one that cannot be read at all starts the course again. Never a blank screen.
import type { Course } from '../../model/types.ts';
import { emptyLearnerState, NO_SEED, randomSeed, type LearnerState } from '../../runtime/state/learner-state.ts';
import type { DecodeResult, StateDamage } from '../../runtime/state/codec.ts';
import { entryFor, firstScreenId, type CourseMap } from '../logic/course-map.ts';
import type { ScreenType } from '../../screen-types/screen-type.ts';
import type { ScreenTypeResume } from '../../screen-types/screen-type-resume.ts';
import { screenTypesResume } from '../../screen-types/resume.ts';
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
 * The state with one section's progress cleared and the learner placed at its start: each of its screens' types
 * clears what it keeps (course/screen-types/<type>/resume.ts; reflections, the learner's own writing, survive).
 */
export function restartSection(course: Course, state: LearnerState, sectionId: string): LearnerState {
  const section = course.sections.find((s) => s.id === sectionId);
  const start = section?.screens[0];
  if (!section || !start) return state;
  const screenIds = new Set(section.screens.map((screen) => screen.id));
  let restarted: LearnerState = { ...state, location: start.id, completedScreens: state.completedScreens.filter((id) => !screenIds.has(id)) };
  for (const screen of section.screens) {
    // A type an older course version held and this one no longer knows has nothing to clear.
    const resume = (screenTypesResume as Partial<Record<string, ScreenTypeResume<ScreenType>>>)[screen.type];
    if (resume?.restart) restarted = resume.restart(screen, restarted, course);
  }
  return restarted;
}
