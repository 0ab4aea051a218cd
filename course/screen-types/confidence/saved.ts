// What a confidence screen keeps: the ratings of its phase ("cb" before, "ca" after), with the section of the first
// screen of that phase. The items and the scale are the course's, so the tag covers them in the owning section.
import type { ScreenTypeSaved } from '../screen-type-saved.ts';

export const confidenceSaved: ScreenTypeSaved<'confidence'> = {
  lay(screen, at) {
    if (at.claim(`confidence ${screen.phase}`)) at.layout.confidencePhases.push(screen.phase);
  },
  structure: ({ course, layout }) =>
    layout.confidencePhases.length > 0 ? [layout.confidencePhases, course.confidence.items.map((i) => i.id), course.confidence.scaleLabels.length] : 0,
};
