// Reflections on resume: each prompt's text, cut to what the prompt (and the course) allows. A section that starts
// again keeps them: it is the learner's own writing, shown again for them to check, and deleting it would help nobody.
import { screensOfType } from '../../player/logic/course-map.ts';
import { clampReflection } from '../../player/logic/character-budget.ts';
import type { ScreenTypeResume } from '../screen-type-resume.ts';

export const reflectionResume: ScreenTypeResume<'reflection'> = {
  clean(saved, kept, course, map) {
    for (const screen of screensOfType(map, 'reflection')) {
      for (const prompt of screen.prompts) {
        const text = saved.reflections?.[prompt.id];
        if (typeof text !== 'string') continue;
        const clamped = clampReflection(text, Math.min(prompt.maxLength, course.limits.reflectionMaxLength));
        if (clamped !== '') kept.reflections[prompt.id] = clamped;
      }
    }
  },
};
