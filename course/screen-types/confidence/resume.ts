// Confidence ratings on resume: only the course's items, each a point on its scale. Restarting a section with a
// confidence screen clears that screen's phase.
import type { Course } from '../../model/types.ts';
import type { ScreenTypeResume } from '../screen-type-resume.ts';

export const confidenceResume: ScreenTypeResume<'confidence'> = {
  clean(saved, kept, course) {
    kept.confidence = { before: ratings(course, saved.confidence?.before), after: ratings(course, saved.confidence?.after) };
  },
  restart: (screen, state) => ({ ...state, confidence: { ...state.confidence, [screen.phase]: {} } }),
};

function ratings(course: Course, saved: Record<string, number> | undefined): Record<string, number> {
  const points = course.confidence.scaleLabels.length;
  const kept: Record<string, number> = {};
  for (const item of course.confidence.items) {
    const rating = saved?.[item.id];
    if (Number.isInteger(rating) && (rating as number) >= 1 && (rating as number) <= points) kept[item.id] = rating as number;
  }
  return kept;
}
