// The confidence screen's course logic: done once every statement is rated for its phase (before or after the
// course), started at the first rating; each statement is reported as a likert interaction of the phase's screen. The
// learner rates (rate-confidence); the session also re-sends a rating on leaving (ratingRecord, through
// player/state/course-rules.ts).
import type { ConfidenceItem, ConfidenceScreen, Course } from '../../model/types.ts';
import type { AnswerRecord } from '../../runtime/tracker.ts';
import type { ReduceContext } from '../../player/state/rules.ts';
import type { Interaction, ReportedInteractions } from '../interactions.ts';
import type { ActionRules, ScreenRules } from '../screen-type-rules.ts';
import { answerRecord, listed } from '../interactions.ts';
import { unchanged } from '../screen-type-rules.ts';
import { scaleChoices } from '../../runtime/answer-choices.ts';

type Phase = ConfidenceScreen['phase'];

export const confidenceRules: ScreenRules<'confidence'> = {
  completion(course, screen, state) {
    const ratings = state.confidence[screen.phase];
    return course.confidence.items.every((item) => ratings[item.id] !== undefined);
  },
  isStarted: (screen, state) => Object.keys(state.confidence[screen.phase]).length > 0,
};

export const confidenceInteractions: ReportedInteractions<'confidence'> = {
  ofScreen: (course, screen) =>
    course.confidence.items.map((item) =>
      listed(itemInteraction(course, screen, item), { kind: `confidence-${screen.phase}`, groupId: item.id, groupTitle: item.statement, multiple: false }),
    ),
};

export const confidenceActions: ActionRules<'rate-confidence'> = {
  'rate-confidence'(context, state, action) {
    const { course } = context;
    const points = course.confidence.scaleLabels.length;
    if (!course.confidence.items.some((item) => item.id === action.itemId)) return unchanged(state);
    if (!Number.isInteger(action.rating) || action.rating < 1 || action.rating > points) return unchanged(state);
    if (state.confidence[action.phase][action.itemId] === action.rating) return unchanged(state);
    return {
      state: { ...state, confidence: { ...state.confidence, [action.phase]: { ...state.confidence[action.phase], [action.itemId]: action.rating } } },
      answer: ratingRecord(context, action.phase, action.itemId, action.rating, action.latencyMs),
      screen: phaseScreen(context, action.phase),
      marks: false,
    };
  },
};

/** A confidence rating as the LMS hears it: a likert interaction on the phase's confidence screen. */
export function ratingRecord(context: ReduceContext, phase: Phase, itemId: string, rating: number, latencyMs: number): AnswerRecord | null {
  const screen = phaseScreen(context, phase);
  const item = context.course.confidence.items.find((i) => i.id === itemId);
  if (!screen || !item) return null;
  return answerRecord(itemInteraction(context.course, screen, item), [String(rating)], 'neutral', latencyMs);
}

/** The course's confidence screen for the phase (the first, should there be more). */
function phaseScreen(context: ReduceContext, phase: Phase): ConfidenceScreen | undefined {
  for (const { screen } of context.map.entries) if (screen.type === 'confidence' && screen.phase === phase) return screen;
  return undefined;
}

function itemInteraction(course: Course, screen: ConfidenceScreen, item: ConfidenceItem): Interaction {
  return { id: `${screen.id}.${item.id}`, prompt: item.statement, likert: true, choices: scaleChoices(course.confidence.scaleLabels) };
}
