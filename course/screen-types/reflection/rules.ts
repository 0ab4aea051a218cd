// The reflection screen's course logic: done on arrival (writing is invited, not required), started once something
// is written, and it reports no interaction: the text is the learner's own, told only when they move on and only
// where the variant shares reflections (player/app/course-session.ts). The learner writes (reflect).
import type { ActionRules, ScreenRules } from '../screen-type-rules.ts';
import { unchanged, withoutKeys } from '../screen-type-rules.ts';
import { clampReflection } from '../../player/logic/character-budget.ts';
import { screensOfType } from '../../player/logic/course-map.ts';

export const reflectionRules: ScreenRules<'reflection'> = {
  completion: 'visit',
  isStarted: (screen, state) => screen.prompts.some((prompt) => (state.reflections[prompt.id] ?? '') !== ''),
};

export const reflectionActions: ActionRules<'reflect'> = {
  reflect({ course, map }, state, action) {
    const prompt = screensOfType(map, 'reflection').flatMap((screen) => screen.prompts).find((p) => p.id === action.promptId);
    if (!prompt) return unchanged(state);
    const text = clampReflection(action.text, Math.min(prompt.maxLength, course.limits.reflectionMaxLength));
    const current = state.reflections[prompt.id] ?? '';
    if (text === current) return unchanged(state);
    // Empty answers are not kept: the saved state stays small, and "nothing written" is the same as no entry.
    const reflections = text === '' ? withoutKeys(state.reflections, new Set([prompt.id])) : { ...state.reflections, [prompt.id]: text };
    // The text is told when the learner moves on (player/app/course-session.ts), not as an answer here; and it
    // completes nothing, its screen having been done on arrival.
    return { state: { ...state, reflections }, answer: null, marks: false };
  },
};
